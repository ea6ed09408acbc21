export default defineBackground(() => {
  // Wired up in the foundation work.
});

/**
 * Stand-in for `node-fetch` and `sync-fetch` in browser builds. @citation-js/core imports both to
 * fetch DOIs and URLs in Node; Leesmap never lets it fetch (inputs are parsed with a forced type),
 * and node-fetch's Node built-ins break the extension's Vite build. wxt.config.ts aliases both
 * packages here, so the bundle holds no network code from citation-js at all.
 */
function refuse(): never {
  throw new Error('Leesmap makes no network requests');
}

/** Any fetch through citation-js fails loudly instead of reaching the network. */
export default function noFetch(..._args: unknown[]): never {
  return refuse();
}

// citation-js only compares header objects against these; the browser's own class serves.
export const Headers = globalThis.Headers;
noFetch.Headers = globalThis.Headers;

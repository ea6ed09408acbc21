/**
 * Suggestions: related reading by theme, explained, computed on the reader's own machine.
 * An incremental engine over plain data (`SavedPublication`, `CatalogEntry`, dismissed ids).
 * See engine.ts for its parts and score.ts for how a score is made.
 */
export { createSuggestionEngine, type SuggestionEngine } from './engine';
export { PAGE_THEME_MAX, pageListingEntry, type PageContext } from './page';
export { recordWeight } from './profile';
export { themeKey, themeSimilarity, themesMatch } from './themes';
export * from './types';

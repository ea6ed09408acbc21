/**
 * Suggestions: related reading by theme, explained, computed on the reader's own machine.
 * Pure functions and an incremental engine over plain data (`SavedPublication`,
 * `CatalogEntry`, dismissed ids). See engine.ts for how a score is made.
 */
import type { CatalogEntry, SavedPublication } from '@/utils/publication';
import { createSuggestionEngine } from './engine';
import type { Suggestion } from './types';

export { createSuggestionEngine, type EngineInput, type RankOptions, type SuggestionEngine } from './engine';
export { buildProfile, recordWeight, type ProfileWeight, type ReaderProfile } from './profile';
export {
  THEME_MATCH_THRESHOLD,
  themeKey,
  themeShape,
  themeSimilarity,
  themesMatch,
  type ThemeShape,
} from './themes';
export { groupSuggestionsByTheme, type SuggestionGroup } from './group';
export * from './types';

/**
 * One-shot ranking (builds a throwaway engine); keep an engine for repeated use. Only
 * suggestions with at least one reason are returned.
 */
export function suggestForProfile(
  saved: readonly SavedPublication[],
  catalog: readonly CatalogEntry[],
  dismissed: readonly string[],
  now: number,
  limit = 50,
): Suggestion[] {
  return createSuggestionEngine({ saved, catalog, dismissed }).rank({ now, limit });
}

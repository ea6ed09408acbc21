import { themeKey } from './themes';
import type { Suggestion } from './types';

export interface SuggestionGroup {
  /** The reader's theme label the group is about; undefined for suggestions without any theme. */
  theme?: string;
  suggestions: Suggestion[];
}

/**
 * Groups ranked suggestions by theme: the profile theme named in a suggestion's first theme
 * reason, else its own (or inferred) first theme. Groups keep the ranking: the group of the
 * best suggestion comes first, and within a group the order is unchanged. Themes are compared
 * folded, so "Strategie en toekomst" and "strategie & Toekomst" land in one group.
 */
export function groupSuggestionsByTheme(suggestions: readonly Suggestion[]): SuggestionGroup[] {
  const groups = new Map<string, SuggestionGroup>();
  for (const suggestion of suggestions) {
    const themeReason = suggestion.reasons.find((reason) => reason.kind === 'theme');
    const theme = themeReason?.kind === 'theme' ? themeReason.theme : suggestion.themes[0];
    const key = theme ? themeKey(theme) || theme : '';
    let group = groups.get(key);
    if (!group) {
      group = { ...(key ? { theme } : {}), suggestions: [] };
      groups.set(key, group);
    }
    group.suggestions.push(suggestion);
  }
  // Themeless suggestions go last, whatever their score.
  const withTheme = [...groups.entries()].filter(([key]) => key !== '').map(([, group]) => group);
  const without = groups.get('');
  return without ? [...withTheme, without] : withTheme;
}

/**
 * Theme names as the reader wants them: a table from a theme as stored (its folded key) to the
 * name shown, kept in settings. It is applied when records are shown, searched, filtered and
 * counted, so a rename or merge covers every record saved before and after it, costs one small
 * write, and rewrites nothing in the database. Renaming "Geopolitics" to "Geopolitiek" merges the
 * two; mapping "Governance" to "Bestuur" puts the English theme under the Dutch one.
 *
 * Plain functions over plain data: no stemmers here, so the list can paint before search loads.
 */
import { equivalentThemes } from './bilingual';
import { nameKey } from './key';

export { nameKey };

export type ThemeAliases = Readonly<Record<string, string>>;

/** Longer chains than this are a cycle the table should never hold; stop rather than loop. */
const MAX_CHAIN = 8;

/** The name to show for a stored theme: followed through the table (A → B → C shows C). */
export function canonicalTheme(theme: string, aliases: ThemeAliases): string {
  let name = theme.trim();
  for (let i = 0; i < MAX_CHAIN; i++) {
    const next = aliases[nameKey(name)];
    if (next === undefined || next === name) break;
    name = next;
  }
  return name;
}

/** A record's themes as shown: canonical names, each once, in the record's order. */
export function canonicalThemes(themes: readonly string[] | undefined, aliases: ThemeAliases): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const theme of themes ?? []) {
    if (typeof theme !== 'string' || !theme.trim()) continue;
    const name = canonicalTheme(theme, aliases);
    const key = nameKey(name);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(name);
  }
  return out;
}

/**
 * The table after renaming `from` to `to` (a merge when `to` already exists). Everything that
 * showed as `from` shows as `to`; a row that would point `to` back at `from` is dropped, so the
 * table never holds a cycle.
 */
export function renameTheme(aliases: ThemeAliases, from: string, to: string): Record<string, string> {
  const target = to.trim();
  const fromKey = nameKey(from);
  if (!fromKey || !target) return { ...aliases };
  const next: Record<string, string> = {};
  for (const [key, name] of Object.entries(aliases)) {
    next[key] = nameKey(name) === fromKey ? target : name;
  }
  next[fromKey] = target;
  const targetKey = nameKey(target);
  if (targetKey !== fromKey) delete next[targetKey];
  return next;
}

/** The table without `theme`'s rows: the themes renamed to it show under their own names again. */
export function undoThemeName(aliases: ThemeAliases, theme: string): Record<string, string> {
  const key = nameKey(theme);
  return Object.fromEntries(
    Object.entries(aliases).filter(([from, to]) => from !== key && nameKey(to) !== key),
  );
}

/** Stored names that show as `theme` (itself excluded): what a rename or merge brought together. */
export function themeSources(theme: string, aliases: ThemeAliases): string[] {
  const key = nameKey(theme);
  return Object.keys(aliases).filter(
    (from) => from !== key && nameKey(canonicalTheme(from, aliases)) === key,
  );
}

/**
 * Words under which a theme is found in search: the shown name, the stored name, the names merged
 * into it, and its translation from the built-in Dutch–English list ("geopolitiek" finds
 * "Geopolitics" before the reader merged anything).
 */
export function themeSearchText(theme: string, aliases: ThemeAliases): string {
  const shown = canonicalTheme(theme, aliases);
  const names = new Set([theme, shown, ...themeSources(shown, aliases)]);
  for (const name of [...names]) for (const other of equivalentThemes(name)) names.add(other);
  return [...names].join(' ; ');
}

/** Pairs in the reader's list that are one theme in two languages or spellings: merge candidates. */
export function themeMergeCandidates(themes: readonly string[]): Array<{ from: string; to: string }> {
  const byKey = new Map(themes.map((t) => [nameKey(t), t]));
  const out: Array<{ from: string; to: string }> = [];
  const done = new Set<string>();
  for (const theme of themes) {
    for (const other of equivalentThemes(theme)) {
      const found = byKey.get(nameKey(other));
      const pair = [nameKey(theme), nameKey(other)].sort().join('|');
      if (!found || found === theme || done.has(pair)) continue;
      done.add(pair);
      out.push({ from: found, to: theme });
    }
  }
  return out;
}

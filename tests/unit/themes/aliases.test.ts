import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  canonicalTheme,
  canonicalThemes,
  renameTheme,
  themeMergeCandidates,
  undoThemeName,
} from '@/utils/themes/aliases';

describe('theme names', () => {
  it('renames, merges across languages and undoes, for records saved before and after', () => {
    let aliases = renameTheme({}, 'Geopolitics', 'Geopolitiek');
    expect(canonicalThemes(['Geopolitics', 'Geopolitiek', 'Europa'], aliases)).toEqual([
      'Geopolitiek',
      'Europa',
    ]);
    aliases = renameTheme(aliases, 'Geopolitiek', 'Internationale verhoudingen');
    // A chain follows to the newest name; nothing still shows under an old one.
    expect(canonicalTheme('Geopolitics', aliases)).toBe('Internationale verhoudingen');
    expect(canonicalTheme('geopolitiek', aliases)).toBe('Internationale verhoudingen');
    aliases = undoThemeName(aliases, 'Internationale verhoudingen');
    expect(canonicalTheme('Geopolitics', aliases)).toBe('Geopolitics');
  });

  it('never holds a cycle, whatever the renames', () => {
    const names = fc.constantFrom('Klimaat', 'Climate', 'Energie', 'Energy', 'klimaat ', 'KLIMAAT');
    fc.assert(
      fc.property(fc.array(fc.tuple(names, names), { maxLength: 12 }), (renames) => {
        let aliases: Record<string, string> = {};
        for (const [from, to] of renames) aliases = renameTheme(aliases, from, to);
        for (const name of ['Klimaat', 'Climate', 'Energie', 'Energy']) {
          const shown = canonicalTheme(name, aliases);
          // The shown name is a fixed point: showing it again changes nothing.
          expect(canonicalTheme(shown, aliases)).toBe(shown);
        }
      }),
    );
  });

  it('offers the Dutch–English pairs present in the list as merge candidates', () => {
    expect(themeMergeCandidates(['Democratie', 'Geopolitics', 'Democracy', 'Wonen'])).toEqual([
      { from: 'Democracy', to: 'Democratie' },
    ]);
  });
});

import { beforeEach, describe, expect, it } from 'vitest';
import { recordVisit } from '@/utils/db';
import { afterListChange } from '@/utils/background/changes';
import { savePage } from '@/utils/background/save';
import { fakeBackground, publication, type Fakes, listed } from './helpers';

let f: Fakes;
beforeEach(async () => {
  f = await fakeBackground();
});

describe('afterListChange', () => {
  it('tells open pages which records changed or went, each id once', async () => {
    const saved = await savePage(f.bg, publication());
    f.broadcasts.length = 0;
    await afterListChange(f.bg, { saved: [saved], removed: ['gone', saved.id] });
    expect(f.broadcasts).toEqual([{ type: 'background/list-changed', payload: { ids: ['gone', saved.id] } }]);
  });

  it('re-derives the badge of every open web tab, unless told an edit changes none', async () => {
    const saved = await savePage(f.bg, publication());
    f.tabs.set(1, saved.url);
    f.tabs.set(2, 'https://www.example.org/');
    f.tabs.set(3, 'chrome://newtab/');
    await afterListChange(f.bg, { saved: [saved], badges: false });
    expect(f.badges.size).toBe(0);
    await afterListChange(f.bg, { saved: [saved] });
    expect([...f.badges]).toEqual([
      [1, 'saved'],
      [2, 'none'],
    ]);
  });

  it('keeps the suggestion engine up to date with saves and deletes', async () => {
    const leren = await savePage(f.bg, publication());
    const related = [listed('Sturen op vertrouwen', 'https://www.nsob.nl/sturen')];
    await recordVisit(f.db, publication({ related }), f.clock.now);
    const titles = async () => (await f.bg.suggestions.rank(10, f.clock.now)).map((s) => s.title);
    const listers = async () =>
      (await f.bg.suggestions.rank(10, f.clock.now)).flatMap((s) =>
        s.reasons.flatMap((r) => (r.kind === 'listedBy' ? [r.id] : [])),
      );
    expect(await titles()).toContain('Sturen op vertrouwen');
    expect(await listers()).toContain(leren.id);
    // The reader deleted the record that listed it: it no longer explains a suggestion.
    await afterListChange(f.bg, { removed: [leren.id] });
    expect(await listers()).not.toContain(leren.id);
    // Saved: no longer a suggestion.
    await savePage(f.bg, publication({ url: 'https://www.nsob.nl/sturen', title: 'Sturen op vertrouwen' }));
    expect(await titles()).not.toContain('Sturen op vertrouwen');
  });

  it('after an import: pages reload the whole list (no ids) and the engine is rebuilt from the database', async () => {
    await f.bg.suggestions.rank(10, f.clock.now);
    const readsBefore = f.counts.readonly;
    await afterListChange(f.bg, { everything: true });
    expect(f.broadcasts).toEqual([{ type: 'background/list-changed', payload: { ids: [] } }]);
    await f.bg.suggestions.rank(10, f.clock.now);
    expect(f.counts.readonly).toBeGreaterThan(readsBefore);
  });
});

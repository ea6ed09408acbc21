import { beforeEach, describe, expect, it } from 'vitest';
import { dismissSuggestion, recordVisit, savePublication } from '@/utils/db';
import { createSuggestions } from '@/utils/background/suggestions';
import { fakeBackground, publication, type Fakes, listed } from './helpers';

const related = [
  listed('Sturen op vertrouwen', 'https://www.nsob.nl/sturen'),
  listed('Leren in netwerken', 'https://www.nsob.nl/netwerken'),
];

let f: Fakes;
beforeEach(async () => {
  f = await fakeBackground();
  await savePublication(f.db, publication());
  await recordVisit(f.db, publication({ related }), f.clock.now);
});

describe('suggestions', () => {
  it('ranks the catalog once built from the database, and reads it only once', async () => {
    const suggestions = createSuggestions(async () => f.db);
    const first = await suggestions.rank(10, f.clock.now);
    const reads = f.counts.readonly;
    const again = await suggestions.rank(10, f.clock.now);
    expect(first.map((s) => s.title).sort()).toEqual(['Leren in netwerken', 'Sturen op vertrouwen']);
    expect(again).toEqual(first);
    expect(f.counts.readonly).toBe(reads);
  });

  it('finds a suggestion’s catalog entry by its id, as the database holds it now', async () => {
    const suggestions = createSuggestions(async () => f.db);
    const [top] = await suggestions.rank(10, f.clock.now);
    // A later visit fills in a field the catalog did not have.
    await recordVisit(
      f.db,
      publication({ url: top.url!, title: top.title, summary: 'Nu met samenvatting.' }),
      f.clock.now,
    );
    expect(await suggestions.candidate(top.id)).toMatchObject({
      id: top.id,
      summary: 'Nu met samenvatting.',
    });
    expect(await suggestions.candidate('unknown')).toBeUndefined();
  });

  it('learns a dismissal and new catalog entries from visits once built; before, the build reads them', async () => {
    const suggestions = createSuggestions(async () => f.db);
    const more = [listed('Publieke waarde', 'https://www.nsob.nl/waarde')];
    await recordVisit(f.db, publication({ related: more }), f.clock.now);
    await suggestions.noteVisit(publication({ related: more }));
    expect((await suggestions.rank(10, f.clock.now)).map((s) => s.title)).toContain('Publieke waarde');
    const another = [listed('Vertrouwen en wantrouwen', 'https://www.nsob.nl/vertrouwen')];
    await recordVisit(f.db, publication({ related: another }), f.clock.now);
    await suggestions.noteVisit(publication({ related: another }));
    const ranked = await suggestions.rank(10, f.clock.now);
    expect(ranked.map((s) => s.title)).toContain('Vertrouwen en wantrouwen');
    const dismissed = ranked.find((s) => s.title === 'Publieke waarde')!;
    await dismissSuggestion(f.db, dismissed.id);
    await suggestions.noteDismissed(dismissed.id);
    expect((await suggestions.rank(10, f.clock.now)).map((s) => s.title)).not.toContain('Publieke waarde');
  });

  it('is rebuilt after a reset (an import), and after a failed build', async () => {
    let fail = true;
    const suggestions = createSuggestions(async () => {
      if (fail) throw new Error('blocked');
      return f.db;
    });
    await expect(suggestions.rank(10, f.clock.now)).rejects.toThrow('blocked');
    fail = false;
    expect(await suggestions.rank(10, f.clock.now)).toHaveLength(2);
    await recordVisit(
      f.db,
      publication({ related: [listed('Geïmporteerd', 'https://www.nsob.nl/import')] }),
      f.clock.now,
    );
    suggestions.reset();
    expect((await suggestions.rank(10, f.clock.now)).map((s) => s.title)).toContain('Geïmporteerd');
  });

  it('ranks a page’s listings first and can save one the catalog lacks, for the last ranked page', async () => {
    const suggestions = createSuggestions(async () => f.db);
    const page = publication({
      url: 'https://www.nsob.nl/publicaties/ander',
      title: 'Ander essay',
      related: [listed('Alleen hier genoemd', 'https://www.nsob.nl/alleen-hier')],
    });
    const [first] = await suggestions.rank(10, f.clock.now, page);
    expect(first).toMatchObject({ group: 'page', title: 'Alleen hier genoemd' });
    expect(await suggestions.candidate(first.id)).toMatchObject({
      title: 'Alleen hier genoemd',
      url: 'https://www.nsob.nl/alleen-hier',
    });
    await suggestions.rank(10, f.clock.now);
    expect(await suggestions.candidate(first.id)).toBeUndefined();
  });
});

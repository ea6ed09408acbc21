import { describe, expect, it } from 'vitest';
import {
  deletePublications,
  findPublication,
  getPublication,
  listCatalog,
  listPublications,
  matchPublication,
  mergePublications,
  recordVisit,
  savePublication,
  themeCounts,
  touchCatalogEntry,
  updatePublication,
} from '@/utils/db';
import { db, eachTestOnFreshDB, publication } from './helpers';

eachTestOnFreshDB();

describe('savePublication', () => {
  it('creates a record with the reader defaults', async () => {
    const saved = await savePublication(db, publication(), undefined, 1000);
    expect(saved).toMatchObject({
      title: 'Leren van doen',
      status: 'to-read',
      notes: '',
      tags: [],
      starred: false,
      editedFields: [],
      savedAt: 1000,
      updatedAt: 1000,
    });
    expect(saved).not.toHaveProperty('identity');
    expect(await listPublications(db)).toHaveLength(1);
  });

  it('finds the same publication under URL variants, its own canonical URL, DOI and title+year+publisher on its site', async () => {
    const first = await savePublication(db, publication({ doi: '10.1234/leren' }), {
      notes: 'lezen voor vrijdag',
    });
    const variants = [
      publication({ url: 'http://nsob.nl/publicaties/leren-van-doen/?utm_source=x#top' }),
      publication({
        url: 'https://nsob.nl/p/123',
        canonicalUrl: 'https://www.nsob.nl/publicaties/leren-van-doen',
      }),
      publication({ url: 'https://www.nsob.nl/p/456', doi: '10.1234/LEREN' }),
      publication({
        url: 'https://www.nsob.nl/leren.pdf',
        title: 'Leren van Doen',
        year: 2023,
        publisher: 'nsob',
      }),
    ];
    for (const variant of variants) {
      const again = await savePublication(db, variant);
      expect(again.id, variant.url).toBe(first.id);
      expect(again.notes).toBe('lezen voor vrijdag');
    }
    expect(await listPublications(db)).toHaveLength(1);
    // Every variant now finds the record.
    expect((await findPublication(db, { url: 'https://www.nsob.nl/leren.pdf' }))?.id).toBe(first.id);
  });

  it("keeps a copy on another site apart, says it resembles the saved one, and merges on the reader's word", async () => {
    const first = await savePublication(
      db,
      publication({ doi: '10.1234/leren' }),
      { notes: 'eerste', status: 'reading' },
      1,
    );
    const elsewhere = publication({ url: 'https://doi.org/10.1234/leren', doi: '10.1234/LEREN' });
    expect(await matchPublication(db, elsewhere)).toMatchObject({
      saved: undefined,
      resembles: [{ id: first.id, title: 'Leren van doen' }],
    });
    const copy = await savePublication(db, elsewhere, { notes: 'tweede', tags: ['kopie'] }, 2);
    expect(copy.id).not.toBe(first.id);
    expect(await listPublications(db)).toHaveLength(2);
    const merged = await mergePublications(db, [copy.id, first.id], 3);
    expect(merged).toMatchObject({
      id: first.id,
      notes: 'eerste\n\ntweede',
      tags: ['kopie'],
      status: 'reading',
    });
    expect(await listPublications(db)).toHaveLength(1);
    expect((await findPublication(db, elsewhere))?.id).toBe(first.id);
  });

  it('does not merge different publications that share only a title', async () => {
    await savePublication(db, publication({ url: 'https://a.org/x', year: 2020 }));
    await savePublication(db, publication({ url: 'https://a.org/y', year: 2021 }));
    expect(await listPublications(db)).toHaveLength(2);
  });

  it('lists newest saved first', async () => {
    await savePublication(db, publication({ url: 'https://a.org/1', title: 'Een' }), undefined, 1);
    await savePublication(db, publication({ url: 'https://a.org/2', title: 'Twee' }), undefined, 2);
    expect((await listPublications(db)).map((p) => p.title)).toEqual(['Twee', 'Een']);
  });

  it('keeps reader fields and edited fields when saved again, and refreshes the rest', async () => {
    const saved = await savePublication(db, publication());
    await updatePublication(db, saved.id, {
      title: 'Mijn titel',
      status: 'reading',
      tags: ['werk'],
      starred: true,
    });
    const again = await savePublication(
      db,
      publication({ title: 'Leren van doen (2e druk)', summary: 'Nieuw.' }),
    );
    expect(again).toMatchObject({
      title: 'Mijn titel',
      summary: 'Nieuw.',
      status: 'reading',
      tags: ['werk'],
      starred: true,
      editedFields: ['title'],
    });
  });

  it('gives exactly the distinct records for 20 parallel overlapping saves', async () => {
    const distinct = [1, 2, 3, 4, 5].map((n) =>
      publication({ url: `https://nsob.nl/publicaties/p${n}`, title: `P${n}` }),
    );
    const calls = Array.from({ length: 20 }, (_, i) => {
      const p = distinct[i % distinct.length];
      // Half of them arrive under another URL variant of the same page.
      return savePublication(
        db,
        i % 2 ? { ...p, url: `${p.url.replace('https://', 'http://www.')}/?utm_source=${i}` } : p,
      );
    });
    const results = await Promise.all(calls);
    expect(new Set(results.map((r) => r.id)).size).toBe(5);
    expect((await listPublications(db)).map((p) => p.title).sort()).toEqual(['P1', 'P2', 'P3', 'P4', 'P5']);
  });
});

describe('recordVisit', () => {
  it('puts an unsaved page and its related items in the catalog', async () => {
    const visited = await recordVisit(
      db,
      publication({
        related: [
          {
            title: 'Sturen op vertrouwen',
            url: 'https://www.nsob.nl/publicaties/sturen-op-vertrouwen',
            themes: ['Sturen'],
          },
          { title: 'Zonder link', themes: [] },
        ],
      }),
      500,
    );
    expect(visited).toMatchObject({ saved: undefined, resembles: [], catalogWrites: 3 });
    const catalog = await listCatalog(db);
    expect(catalog.map((e) => e.title).sort()).toEqual([
      'Leren van doen',
      'Sturen op vertrouwen',
      'Zonder link',
    ]);
    const related = catalog.find((e) => e.title === 'Sturen op vertrouwen');
    expect(related?.sources).toEqual([
      {
        kind: 'related',
        listedBy: { id: expect.any(String), title: 'Leren van doen', url: publication().url },
      },
    ]);
  });

  it('a related catalog entry that the reader later saves becomes one record, not two', async () => {
    const relatedUrl = 'https://www.nsob.nl/publicaties/sturen-op-vertrouwen';
    await recordVisit(
      db,
      publication({ related: [{ title: 'Sturen op vertrouwen', url: relatedUrl, themes: [] }] }),
    );
    await savePublication(
      db,
      publication({ url: `${relatedUrl}/?utm_medium=email`, title: 'Sturen op vertrouwen' }),
    );
    expect((await listCatalog(db)).map((e) => e.title)).toEqual(['Leren van doen']);
    expect(await listPublications(db)).toHaveLength(1);
  });

  it('refreshes a saved record without touching what the reader edited', async () => {
    const saved = await savePublication(db, publication(), undefined, 1);
    await updatePublication(db, saved.id, { themes: ['Mijn thema'], notes: 'n' }, 2);
    const visited = (
      await recordVisit(db, publication({ summary: 'Bijgewerkte samenvatting', themes: ['Ander'] }), 3)
    ).saved;
    expect(visited).toMatchObject({
      themes: ['Mijn thema'],
      summary: 'Bijgewerkte samenvatting',
      notes: 'n',
      lastVisitedAt: 3,
    });
    expect(await listCatalog(db)).toEqual([]);
  });

  it('does not catalog related items the reader already saved', async () => {
    await savePublication(db, publication({ url: 'https://a.org/saved', title: 'Bewaard' }));
    await recordVisit(
      db,
      publication({ related: [{ title: 'Bewaard', url: 'https://www.a.org/saved/', themes: [] }] }),
    );
    expect((await listCatalog(db)).map((e) => e.title)).toEqual(['Leren van doen']);
  });
});

describe('updates, deletes and theme counts', () => {
  it('marks changed editable fields as edited, not unchanged ones', async () => {
    const saved = await savePublication(db, publication());
    const updated = await updatePublication(db, saved.id, { title: saved.title, year: 2022, status: 'read' });
    expect(updated.editedFields).toEqual(['year']);
    expect(updated.status).toBe('read');
    expect((await getPublication(db, saved.id))?.year).toBe(2022);
  });

  it('rejects updating a missing record with reason not-found', async () => {
    await expect(updatePublication(db, 'url:nope', { notes: 'x' })).rejects.toMatchObject({
      reason: 'not-found',
    });
  });

  it('deletes and counts themes over what is left', async () => {
    const a = await savePublication(
      db,
      publication({ url: 'https://a.org/1', title: 'Een', themes: ['Zorg', 'Wonen'] }),
    );
    await savePublication(db, publication({ url: 'https://a.org/2', title: 'Twee', themes: ['Zorg'] }));
    expect(await themeCounts(db)).toEqual([
      { theme: 'Zorg', count: 2 },
      { theme: 'Wonen', count: 1 },
    ]);
    expect(await deletePublications(db, [a.id, 'url:unknown'])).toBe(1);
    expect(await themeCounts(db)).toEqual([{ theme: 'Zorg', count: 1 }]);
  });
});

describe('listPublicationsPage', () => {
  it('pages through the list newest first without gaps or repeats, also with equal save times', async () => {
    const { listPublicationsPage, countPublications } = await import('@/utils/db');
    for (let i = 0; i < 25; i++) {
      await savePublication(
        db,
        publication({ url: `https://a.org/${i}`, title: `T${i}` }),
        undefined,
        1000 + Math.floor(i / 3),
      );
    }
    expect(await countPublications(db)).toBe(25);
    const seen: string[] = [];
    let page = await listPublicationsPage(db, 10);
    while (page.length) {
      seen.push(...page.map((p) => p.id));
      const last = page[page.length - 1];
      page = await listPublicationsPage(db, 10, { savedAt: last.savedAt, id: last.id });
    }
    expect(seen).toEqual((await listPublications(db)).map((p) => p.id));
    expect(new Set(seen).size).toBe(25);
  });
});

describe('catalog cap', () => {
  const related = (from: number, count = 3) =>
    Array.from({ length: count }, (_, i) => ({
      title: `Gerelateerd ${from + i}`,
      url: `https://b.org/${from + i}`,
      themes: [],
    }));

  it('keeps the catalog within its cap, dropping the least useful first: listed once, not visited, seen longest ago', async () => {
    await recordVisit(
      db,
      publication({ url: 'https://a.org/1', title: 'Pagina 1', related: related(0) }),
      1,
      { catalogCap: 6 },
    );
    // Listed again by another page: listed twice is worth more than once.
    await recordVisit(
      db,
      publication({ url: 'https://a.org/3', title: 'Pagina 3', related: related(0, 1) }),
      5,
      { catalogCap: 6 },
    );
    await recordVisit(
      db,
      publication({ url: 'https://a.org/2', title: 'Pagina 2', related: related(10) }),
      9,
      { catalogCap: 6 },
    );
    const titles = (await listCatalog(db)).map((e) => e.title);
    expect(titles.length).toBeLessThanOrEqual(6);
    expect(titles).toEqual(expect.arrayContaining(['Pagina 1', 'Pagina 2', 'Pagina 3', 'Gerelateerd 0']));
    expect(titles).not.toContain('Gerelateerd 1');
  });

  it('never evicts what the reader touched while a flood of fresh pages passes the cap', async () => {
    await recordVisit(db, publication({ url: 'https://a.org/gelezen', title: 'Gelezen', related: [] }), 1, {
      catalogCap: 20,
    });
    expect(await touchCatalogEntry(db, 'https://a.org/gelezen', 2)).toBe(true);
    for (let i = 0; i < 60; i++) {
      await recordVisit(
        db,
        publication({ url: `https://flood.example/${i}`, title: `Vloed ${i}`, related: related(i * 10, 2) }),
        10 + i,
        { catalogCap: 20 },
      );
    }
    const titles = (await listCatalog(db)).map((e) => e.title);
    expect(titles.length).toBeLessThanOrEqual(20);
    expect(titles).toContain('Gelezen');
  });

  it("writes no more catalog entries than the visit's budget", async () => {
    const result = await recordVisit(
      db,
      publication({ url: 'https://a.org/1', title: 'Pagina 1', related: related(0, 10) }),
      1,
      { catalogBudget: 4 },
    );
    expect(result.catalogWrites).toBe(4);
    expect(await listCatalog(db)).toHaveLength(4);
    expect(
      (
        await recordVisit(
          db,
          publication({ url: 'https://a.org/2', title: 'Pagina 2', related: related(20) }),
          2,
          { catalogBudget: 0 },
        )
      ).catalogWrites,
    ).toBe(0);
    expect(await listCatalog(db)).toHaveLength(4);
  });
});

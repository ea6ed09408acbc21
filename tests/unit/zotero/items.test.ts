/**
 * A Leesmap record as a Zotero item, field by field against Zotero's schema (version 41): the
 * reference page's record (NSOB essay "Leren van doen"), each item type, names with particles,
 * tags, the note, `extra`, and for any record an item Zotero's schema accepts.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toConnectorItem } from '@/utils/zotero/connector';
import { fullTitle, noteHtml, toZoteroEntry, zoteroCreator, zoteroItemType } from '@/utils/zotero/items';
import type { SavedPublication } from '@/utils/record';
import { recordArbitrary } from '../export/generators';
import { nsobRecord } from '../export/nsob';
import { schemaProblems, SCHEMA_VERSION } from '../../e2e/zotero-server';

describe('the reference record as a Zotero item', () => {
  const { item, note } = toZoteroEntry(nsobRecord());

  it('is a report of NSOB, typed Essay', () => {
    expect(item.itemType).toBe('report');
    expect(item.institution).toBe('NSOB');
    expect(item.reportType).toBe('Essay');
  });

  it('has "Title: Subtitle" as title and the title alone as short title', () => {
    expect(item.title).toBe('Leren van doen: Ervaringen met samenwerken in het IBP');
    expect(item.shortTitle).toBe('Leren van doen');
  });

  it('has its authors split into first and last name, "van der" kept with the last', () => {
    expect(item.creators).toEqual([
      { creatorType: 'author', firstName: 'Martijn', lastName: 'van der Steen' },
      { creatorType: 'author', firstName: 'Myrthe', lastName: 'van Delden' },
      { creatorType: 'author', firstName: 'Petra', lastName: 'Ophoff' },
    ]);
  });

  it('has date, language, address, abstract and access date', () => {
    expect(item.date).toBe('2020');
    expect(item.language).toBe('nl');
    expect(item.url).toBe('https://www.nsob.nl/publicaties/leren-van-doen');
    expect(item.abstractNote).toMatch(/^Sinds februari 2018 wordt er samengewerkt/);
    expect(item.accessDate).toBe('2025-11-29T04:00:00Z');
  });

  it("has the theme as an automatic tag, the reader's tag and status as manual tags", () => {
    expect(item.tags).toEqual([
      { tag: 'Sturen in netwerken', type: 1 },
      { tag: 'werk' },
      { tag: 'leesmap:bezig' },
    ]);
  });

  it("carries the reader's notes as a child note, escaped, a paragraph per block", () => {
    expect(note).toBe(
      '<p>Hoofdstuk 3 voor het overleg.</p>\n<p>Let op: 50% van de regio’s &amp; {IBP} — zie p. 12_13.</p>',
    );
  });

  it('lists the related publications in extra, where Zotero has no field for them', () => {
    const lines = item.extra!.split('\n');
    expect(lines[0]).toBe(
      'Related: Balanceren tussen inkapseling en afstoting: Een essay over de strategische functie bij de Rijksoverheid <https://www.nsob.nl/publicaties/balanceren-tussen-inkapseling-en-afstoting>',
    );
    expect(lines).toHaveLength(5);
  });

  it('validates against the schema, in the Web API form and the connector form', () => {
    expect(SCHEMA_VERSION).toBe(41);
    expect(schemaProblems(item, 'api')).toEqual([]);
    const sent = toConnectorItem({ item, note }, 'leesmap-0');
    expect(schemaProblems(sent, 'connector')).toEqual([]);
    expect(sent.accessDate).toBe('2025-11-29 04:00:00');
    expect(sent.notes).toEqual([{ itemType: 'note', note }]);
  });
});

describe('item types and their fields', () => {
  const base: SavedPublication = { ...nsobRecord(), subtitle: undefined, related: [], notes: '' };
  const itemOf = (changes: Partial<SavedPublication>) => toZoteroEntry({ ...base, ...changes }).item;

  it('reports, essays, advice, policy briefs and working papers are reports', () => {
    for (const type of ['report', 'essay', 'advice', 'policy-brief', 'working-paper', 'rapport'])
      expect(zoteroItemType({ type }), type).toBe('report');
    const item = itemOf({ type: 'policy-brief', isbn: '9789085551234', doi: '10.1234/x' });
    expect(item).toMatchObject({ reportType: 'Policy brief', ISBN: '9789085551234', DOI: '10.1234/x' });
    expect(item.shortTitle).toBeUndefined();
  });

  it('a book is a book, with its ISBN and publisher', () => {
    const book = { publisher: 'Brookings Institution Press', ISBN: '9780815739456' };
    const item = itemOf({ type: 'book', publisher: book.publisher, isbn: book.ISBN });
    expect(item).toMatchObject({ itemType: 'book', ...book });
    expect(item.institution).toBeUndefined();
    expect(schemaProblems(item, 'api')).toEqual([]);
  });

  it('a journal article names its journal; one without a journal is a web page', () => {
    const article = toZoteroEntry({
      ...base,
      type: 'article',
      publisher: 'Beleidsonderzoek Online',
      isbn: '9789085551234',
    }).item;
    expect(article.itemType).toBe('journalArticle');
    expect(article.publicationTitle).toBe('Beleidsonderzoek Online');
    // A journal article has no ISBN field: it goes in extra.
    expect(article.ISBN).toBeUndefined();
    expect(article.extra).toContain('ISBN: 9789085551234');
    expect(zoteroItemType({ type: 'article' })).toBe('webpage');
  });

  it('blogs, chapters, other and untyped pages are web pages with the site as website title', () => {
    for (const type of ['blog', 'chapter', 'other', undefined])
      expect(zoteroItemType({ type }), type).toBe('webpage');
    const { item } = toZoteroEntry({ ...base, type: 'blog', publisher: 'Rathenau Instituut' });
    expect(item.websiteTitle).toBe('Rathenau Instituut');
    expect(item.websiteType).toBe('Blog');
    expect(schemaProblems(item, 'api')).toEqual([]);
  });

  it('a page the reader has not saved carries no status tag and no access date', () => {
    const { id: _id, status: _s, tags: _t, notes: _n, savedAt: _a, ...publication } = base;
    const { item, note } = toZoteroEntry(publication);
    expect(item.tags).toEqual([{ tag: 'Sturen in netwerken', type: 1 }]);
    expect(item.accessDate).toBeUndefined();
    expect(note).toBeUndefined();
  });

  it('the PDF address and a saved address other than the canonical one go in extra', () => {
    const { item } = toZoteroEntry({
      ...base,
      url: 'https://www.nsob.nl/publicaties/leren-van-doen?utm=x',
      pdfUrl: 'https://www.nsob.nl/files/leren.pdf',
    });
    expect(item.url).toBe('https://www.nsob.nl/publicaties/leren-van-doen');
    expect(item.extra!.split('\n')).toEqual([
      'Leesmap URL: https://www.nsob.nl/publicaties/leren-van-doen?utm=x',
      'PDF: https://www.nsob.nl/files/leren.pdf',
    ]);
  });
});

describe('names, titles and notes', () => {
  it('keeps particles with the last name and organisations whole', () => {
    expect(zoteroCreator('Mark van Twist')).toEqual({
      creatorType: 'author',
      firstName: 'Mark',
      lastName: 'van Twist',
    });
    expect(zoteroCreator('Jean de la Fontaine')).toMatchObject({
      firstName: 'Jean',
      lastName: 'de la Fontaine',
    });
    expect(zoteroCreator('Anne-Marie de Vries-Baaijens')).toMatchObject({ lastName: 'de Vries-Baaijens' });
    expect(zoteroCreator('Wetenschappelijke Raad voor het Regeringsbeleid')).toEqual({
      creatorType: 'author',
      name: 'Wetenschappelijke Raad voor het Regeringsbeleid',
    });
    expect(zoteroCreator('Plato')).toEqual({ creatorType: 'author', name: 'Plato' });
  });

  it('writes "Title: Subtitle", without a colon after a title\'s own question mark', () => {
    expect(fullTitle('Leren van doen', 'Ervaringen')).toBe('Leren van doen: Ervaringen');
    expect(fullTitle('Wie stuurt?', 'Over regie')).toBe('Wie stuurt? Over regie');
    expect(fullTitle('Alleen', undefined)).toBe('Alleen');
  });

  it('never lets notes become markup', () => {
    expect(noteHtml('<img src=x onerror=alert(1)>\nregel 2')).toBe(
      '<p>&lt;img src=x onerror=alert(1)&gt;<br/>regel 2</p>',
    );
  });
});

describe('any record', () => {
  it("becomes an item Zotero's schema accepts, in both forms, with its title and every author", () => {
    fc.assert(
      fc.property(recordArbitrary(), (record) => {
        const entry = toZoteroEntry(record);
        expect(schemaProblems(entry.item, 'api')).toEqual([]);
        expect(schemaProblems(toConnectorItem(entry, 'x'), 'connector')).toEqual([]);
        expect(entry.item.title.length).toBeGreaterThan(0);
        expect(entry.item.creators.length).toBe(record.authors.filter((a) => a.trim()).length);
        if (entry.note) expect(entry.note).not.toMatch(/<(?!\/?p>|br\/>)/);
      }),
      { numRuns: 1000 },
    );
  });
});

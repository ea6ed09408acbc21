/**
 * RIS and CSL-JSON as another tool reads them: citation-js (the library Zotero-like web tools and
 * Pandoc filters use) parses Leesmap's files, and every field it has a place for holds what
 * Leesmap wrote. Plus: RIS `ID`s stay unique however many records share a publisher.
 */
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-csl';
import '@citation-js/plugin-ris';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CARRIED_FIELDS, validateRecords } from '@/utils/export';
import { fromCslItems, fromCslName, toCslJson, type CslItem } from '@/utils/export/csl';
import { fromRis, toRis } from '@/utils/export/ris';
import { newSavedPublication, type SavedPublication } from '@/utils/record';
import { recordArbitrary } from './generators';
import { nsobRecord } from './nsob';

const seed = Date.now() % 2 ** 31;
const records = [nsobRecord(), ...validateRecords(fc.sample(recordArbitrary(), { numRuns: 500, seed }))];

function datePartsOf(record: SavedPublication): number[] | undefined {
  if (record.published) return record.published.split('-').map(Number);
  return record.year === undefined ? undefined : [record.year];
}

/**
 * citation-js reads `SN` as the ISBN of these; for JOUR it is the ISSN, for RPRT the report number
 * (as the RIS spec and Zotero have it), so citation-js leaves a report's ISBN out.
 */
const ISBN_TYPES = new Set(['BOOK', 'CHAP', 'ELEC', 'BLOG']);
const RIS_TYPES: Record<string, string> = {
  RPRT: 'report',
  BOOK: 'book',
  JOUR: 'article-journal',
  ELEC: 'webpage',
  BLOG: 'post-weblog',
  CHAP: 'chapter',
};

describe(`RIS read by citation-js (seed ${seed})`, { timeout: 120_000 }, () => {
  const ris = toRis(records);
  const items = new Cite(ris, { forceType: '@ris/file' }).data as CslItem[];

  it('gives one item per record, each field where Leesmap put it', () => {
    expect(items).toHaveLength(records.length);
    const types = [...ris.matchAll(/^TY {2}- (\w+)\r$/gm)].map((m) => m[1]);
    records.forEach((record, i) => {
      const item = items[i];
      const at = (field: string) => `record ${i} (${types[i]}), ${field}`;
      expect(item.type, at('type')).toBe(RIS_TYPES[types[i]]);
      expect(item.title, at('title')).toBe(
        record.subtitle ? `${record.title}: ${record.subtitle}` : record.title,
      );
      if (record.subtitle) expect(item['title-short'], at('title-short')).toBe(record.title);
      // A name holding a comma is "Last, First" to every RIS reader; all others come back whole.
      const names = (item.author ?? []).map(fromCslName);
      record.authors.forEach((name, j) => {
        if (!name.includes(',')) expect(names[j], at('author')).toBe(name);
      });
      // citation-js reads chapters' year only (RIS's chapter has no DA) and misreads years before 1000.
      const parts = datePartsOf(record);
      if (!parts || parts[0] >= 1000) {
        expect(item.issued?.['date-parts']?.[0]?.map(Number), at('issued')).toEqual(
          types[i] === 'CHAP' ? parts?.slice(0, 1) : parts,
        );
      }
      expect(item[types[i] === 'JOUR' ? 'container-title' : 'publisher'], at('publisher')).toBe(
        record.publisher,
      );
      expect(item.abstract, at('abstract')).toBe(record.summary);
      expect(item.URL, at('URL')).toBe(record.canonicalUrl ?? record.url);
      // citation-js drops a DOI's trailing full stops (punctuation after a DOI), and with them a DOI
      // that is no DOI without them.
      const doi = record.doi?.replace(/\.+$/, '');
      expect(item.DOI, at('DOI')).toBe(doi && /^10\.\d+\/$/.test(doi) ? undefined : doi);
      if (ISBN_TYPES.has(types[i])) expect(item.ISBN, at('ISBN')).toBe(record.isbn);
      expect(item.language, at('language')).toBe(record.language);
      // One KW line per keyword; citation-js joins them with commas.
      expect(item.keyword, at('keyword')).toBe(
        record.keywords.length ? record.keywords.join(',') : undefined,
      );
      // citation-js trims each line's end, joins continuation lines with spaces, and cuts a value
      // at "  - " (it splits each line there): other single-line notes come back.
      if (!/\n| {2}-/.test(record.notes)) expect(item.note ?? '', at('note')).toBe(record.notes.trimEnd());
    });
  });

  it('and Leesmap reads the same file back whole', () => {
    const back = fromRis(ris, 1);
    back.forEach((record, i) => {
      for (const field of CARRIED_FIELDS.ris)
        expect(record[field], `record ${i}, ${field}`).toEqual(records[i][field]);
    });
  });
});

describe(`CSL-JSON read by citation-js (seed ${seed})`, () => {
  it('keeps every item as written, custom.leesmap included, so Leesmap reads its output back whole', () => {
    const written = JSON.parse(toCslJson(records)) as CslItem[];
    const read = new Cite(written, { forceType: '@csl/list+object' }).data as CslItem[];
    expect(read).toHaveLength(records.length);
    read.forEach((item, i) => {
      const { _graph, ...fields } = item as CslItem & { _graph?: unknown };
      void _graph;
      expect(fields, `item ${i}`).toEqual(written[i]);
    });
    const { records: back, problems } = fromCslItems(read, 1);
    expect(problems).toEqual([]);
    back.forEach((record, i) => {
      for (const field of CARRIED_FIELDS['csl-json']) {
        expect(record[field], `record ${i}, ${field}`).toEqual(validateRecords([records[i]])[0][field]);
      }
    });
  });
});

describe('RIS IDs', () => {
  it('are unique over 10,000 records of one publisher, and never cut', () => {
    const many = Array.from({ length: 10_000 }, (_, n) =>
      newSavedPublication({
        id: `url:chathamhouse.org/2023/${n}`,
        url: `https://www.chathamhouse.org/2023/${n}`,
        title: n % 3 ? 'Report on AI geopolitics' : `Report ${n}`,
        authors: n % 2 ? [] : ['Chatham House'],
        year: 2023,
        publisher: 'Chatham House',
        type: 'report',
        savedAt: 0,
      }),
    );
    const ids = [...toRis(many).matchAll(/^ID {2}- (.+)\r$/gm)].map((m) => m[1]);
    expect(ids).toHaveLength(10_000);
    expect(new Set(ids).size).toBe(10_000);
    // Readable first: publisher, year, first title word; a suffix only where records share those.
    expect(ids[1]).toMatch(/^[a-z]+2023report-[0-9a-z]{4,}$/);
    expect(ids.some((id) => id.length > 20)).toBe(true);
    // The same record keeps its ID in another export with the same neighbours.
    expect(
      [...toRis(many.slice().reverse()).matchAll(/^ID {2}- (.+)\r$/gm)].map((m) => m[1]).reverse(),
    ).toEqual(ids);
  });
});

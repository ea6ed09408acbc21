/**
 * The record's own package: one field list, one table of caps, the factories, and its place at the
 * bottom of the layering (it imports nothing else of Leesmap's).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  EDITABLE_FIELDS,
  EXTRACTED_FIELDS,
  LIMITS,
  newPublication,
  newSavedPublication,
  publicationFromCatalog,
  READER_FIELDS,
  RECORD_FIELDS,
  sanitizeChanges,
  sanitizePublication,
  validateRecords,
  type CatalogEntry,
} from '@/utils/record';
import { CARRIED_FIELDS } from '@/utils/export/fields';

const RECORD_DIR = join(__dirname, '../../../utils/record');

describe('utils/record', () => {
  it('imports nothing of Leesmap outside itself', () => {
    for (const file of readdirSync(RECORD_DIR).filter((f) => f.endsWith('.ts'))) {
      const source = readFileSync(join(RECORD_DIR, file), 'utf8');
      const specifiers = [...source.matchAll(/from '([^']+)'/g)].map((m) => m[1]);
      expect(
        specifiers.filter((s) => !s.startsWith('./')),
        file,
      ).toEqual([]);
    }
  });

  it('lists every field once: editable and extracted fields and reader fields are record fields', () => {
    expect(new Set(RECORD_FIELDS).size).toBe(RECORD_FIELDS.length);
    for (const field of [...EDITABLE_FIELDS, ...EXTRACTED_FIELDS, ...READER_FIELDS]) {
      expect(RECORD_FIELDS).toContain(field);
    }
    expect(CARRIED_FIELDS['leesmap-json']).toEqual(RECORD_FIELDS);
    for (const field of CARRIED_FIELDS.csv) expect(RECORD_FIELDS).toContain(field);
  });

  it('caps a summary the same on every way in: page, import and edit', () => {
    const long = 's'.repeat(LIMITS.summary + 50);
    const page = sanitizePublication({
      url: 'https://a.org/x',
      title: 'T',
      summary: long,
      related: [{ title: 'R', summary: long }],
    });
    const [imported] = validateRecords([
      { id: 'a', url: 'https://a.org/x', title: 'T', savedAt: 1, summary: long },
    ]);
    const edited = sanitizeChanges({ summary: long });
    expect(page?.summary).toHaveLength(LIMITS.summary);
    expect(page?.related[0].summary).toHaveLength(LIMITS.summary);
    expect(imported.summary).toHaveLength(LIMITS.summary);
    expect(edited.summary).toHaveLength(LIMITS.summary);
  });

  it('builds a publication with empty lists and no placeholder for an absent field', () => {
    const p = newPublication({ url: 'https://a.org/x', title: 'T', subtitle: undefined, year: 2024 });
    expect(p).toEqual({
      url: 'https://a.org/x',
      title: 'T',
      year: 2024,
      authors: [],
      themes: [],
      keywords: [],
      related: [],
    });
    expect('subtitle' in p).toBe(false);
  });

  it('gives a new saved record the reader defaults, fresh each time', () => {
    const a = newSavedPublication({ id: 'a', url: 'https://a.org/x', title: 'T', savedAt: 5 });
    const b = newSavedPublication({
      id: 'b',
      url: 'https://a.org/y',
      title: 'U',
      savedAt: 6,
      status: 'read',
    });
    expect(a).toMatchObject({ status: 'to-read', notes: '', tags: [], starred: false, editedFields: [] });
    expect(a.updatedAt).toBe(5);
    expect(b.status).toBe('read');
    a.tags.push('x');
    expect(b.tags).toEqual([]);
  });

  it('saves what the catalog knows of a publication, without its sources or times', () => {
    const entry: CatalogEntry = {
      id: 'url:a.org/x',
      title: 'T',
      subtitle: 'S',
      url: 'https://a.org/x',
      themes: ['klimaat'],
      keywords: [],
      authors: ['A. Auteur'],
      publisher: 'Instituut',
      year: 2023,
      sources: [{ kind: 'visited' }],
      firstSeenAt: 1,
      lastSeenAt: 2,
    };
    expect(publicationFromCatalog(entry, 'https://a.org/x')).toEqual({
      url: 'https://a.org/x',
      title: 'T',
      subtitle: 'S',
      authors: ['A. Auteur'],
      themes: ['klimaat'],
      keywords: [],
      related: [],
      publisher: 'Instituut',
      year: 2023,
    });
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Vocabulary, type VectorFields } from '@/utils/suggest/vocabulary';

const fields = (over: Partial<VectorFields>): VectorFields => ({
  title: '',
  subtitle: '',
  summary: '',
  keywords: [],
  themes: [],
  language: 'nl',
  ...over,
});

/** Term → count, readable. */
function counts(vocabulary: Vocabulary, vector: { terms: Int32Array; counts: Float64Array }) {
  return Object.fromEntries([...vector.terms].map((id, i) => [vocabulary.terms[id], vector.counts[i]]));
}

describe('a record as a term vector', () => {
  it('counts a title word twice, a subtitle, summary, keyword or theme word once', () => {
    const vocabulary = new Vocabulary();
    const title = counts(vocabulary, vocabulary.vectorOf(fields({ title: 'Klimaat' })));
    expect(Object.values(title)).toEqual([2]);
    const term = Object.keys(title)[0];
    for (const field of ['subtitle', 'summary'] as const) {
      expect(counts(vocabulary, vocabulary.vectorOf(fields({ [field]: 'Klimaat' })))).toEqual({ [term]: 1 });
    }
    expect(counts(vocabulary, vocabulary.vectorOf(fields({ keywords: ['Klimaat'] })))).toEqual({ [term]: 1 });
    expect(counts(vocabulary, vocabulary.vectorOf(fields({ themes: ['Klimaat'] })))).toEqual({ [term]: 1 });
    expect(counts(vocabulary, vocabulary.vectorOf(fields({ title: 'Klimaat', summary: 'klimaat' })))).toEqual(
      {
        [term]: 3,
      },
    );
  });

  it('leaves out stop words and keeps term ids ascending', () => {
    const vocabulary = new Vocabulary();
    const vector = vocabulary.vectorOf(
      fields({ title: 'De toekomst van het openbaar bestuur', summary: 'bestuur en toekomst' }),
    );
    expect(Object.keys(counts(vocabulary, vector))).not.toContain('de');
    expect([...vector.terms]).toEqual([...vector.terms].sort((a, b) => a - b));
  });
});

describe('IDF', () => {
  it('weighs a term in fewer documents more, and forgets a removed document entirely', () => {
    const vocabulary = new Vocabulary();
    const common = vocabulary.vectorOf(fields({ title: 'overheid' }));
    const rare = vocabulary.vectorOf(fields({ title: 'overheid stikstof' }));
    const docs = [common, rare, vocabulary.vectorOf(fields({ title: 'overheid' }))];
    for (const doc of docs) vocabulary.addDocument(doc);
    vocabulary.ensureIdf();
    const [overheid, stikstof] = [...rare.terms];
    expect(vocabulary.idf[stikstof]).toBeGreaterThan(vocabulary.idf[overheid]);
    const before = Float64Array.from(vocabulary.idf);

    const extra = vocabulary.vectorOf(fields({ title: 'stikstof' }));
    vocabulary.addDocument(extra);
    vocabulary.ensureIdf();
    expect(vocabulary.idf[stikstof]).not.toBe(before[stikstof]);
    vocabulary.removeDocument(extra);
    vocabulary.ensureIdf();
    expect([...vocabulary.idf]).toEqual([...before]);
  });

  it('recomputes (and bumps its version) only after a change', () => {
    const vocabulary = new Vocabulary();
    vocabulary.addDocument(vocabulary.vectorOf(fields({ title: 'wonen' })));
    vocabulary.ensureIdf();
    const version = vocabulary.idfVersion;
    vocabulary.ensureIdf();
    expect(vocabulary.idfVersion).toBe(version);
    vocabulary.addDocument(vocabulary.vectorOf(fields({ title: 'zorg' })));
    vocabulary.ensureIdf();
    expect(vocabulary.idfVersion).toBe(version + 1);
  });

  it('gives a vector the TF-IDF length for the current IDF, also after the IDF changed', () => {
    const words = ['wonen', 'zorg', 'klimaat', 'energie', 'europa', 'rechtsstaat', 'onderwijs'];
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.constantFrom(...words), { minLength: 1, maxLength: 6 }), {
          minLength: 2,
          maxLength: 8,
        }),
        (titles) => {
          const vocabulary = new Vocabulary();
          const docs = titles.map((title) => ({
            ...vocabulary.vectorOf(fields({ title: title.join(' ') })),
            norm: 0,
            normVersion: -1,
          }));
          const expectedNorm = (doc: (typeof docs)[number]) =>
            Math.sqrt(
              [...doc.terms].reduce((sum, id, i) => sum + (doc.counts[i] * vocabulary.idf[id]) ** 2, 0),
            );
          vocabulary.addDocument(docs[0]);
          vocabulary.ensureIdf();
          expect(vocabulary.normOf(docs[0])).toBeCloseTo(expectedNorm(docs[0]), 12);
          for (const doc of docs.slice(1)) vocabulary.addDocument(doc);
          vocabulary.ensureIdf();
          for (const doc of docs) expect(vocabulary.normOf(doc)).toBeCloseTo(expectedNorm(doc), 12);
        },
      ),
      { numRuns: 50 },
    );
  });
});

/** Every record the extractor gives validates against the shared contract (tests/schema/). */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import { describe, expect, it } from 'vitest';
import { runLeesmap } from '@/scripts/lib/leesmap';
import { jsonLd, page } from './helpers';

const schema = JSON.parse(readFileSync(join(__dirname, '../../schema/publication.schema.json'), 'utf8'));
const validate = new Ajv2020({ allErrors: true, strict: false }).compile(schema);
const FIXTURES = join(__dirname, '../../fixtures');

function check(result: unknown): void {
  const valid = validate(result);
  expect(valid, JSON.stringify(validate.errors)).toBe(true);
}

describe('output validates against publication.schema.json', () => {
  const fixtures = existsSync(FIXTURES)
    ? readdirSync(FIXTURES).filter(
        (name) =>
          existsSync(join(FIXTURES, name, 'source.html')) &&
          existsSync(join(FIXTURES, name, 'expected.json')),
      )
    : [];

  it('has fixtures to validate', () => {
    expect(fixtures.length).toBeGreaterThan(0);
  });

  for (const name of fixtures) {
    it(name, () => {
      const { url } = JSON.parse(readFileSync(join(FIXTURES, name, 'expected.json'), 'utf8'));
      check(runLeesmap(readFileSync(join(FIXTURES, name, 'source.html'), 'utf8'), url));
    });
  }

  it('a page with odd values (bad DOI, bad dates, empty strings) still gives a valid record', () => {
    const html = page(
      `<meta name="citation_doi" content="doi: nonsense"><meta name="citation_publication_date" content="31/31/99">${jsonLd({ '@type': 'Report', headline: 'Rapport', author: ['', ' ', 'Eline Bakker'], inLanguage: '??' })}`,
      '<main><h1>Rapport</h1></main>',
    );
    const result = runLeesmap(html, 'https://example.org/r');
    check(result);
    expect(result.publication?.doi).toBeUndefined();
    expect(result.publication?.authors).toEqual(['Eline Bakker']);
  });

  it('the schema rejects what it should (the check is not vacuous)', () => {
    expect(validate({ detected: true, confidence: 2, signals: [] })).toBe(false);
    expect(
      validate({
        detected: true,
        confidence: 1,
        signals: [],
        publication: {
          url: 'x',
          title: 't',
          authors: [],
          themes: [],
          keywords: [],
          related: [],
          published: '22-09-2020',
        },
      }),
    ).toBe(false);
  });
});

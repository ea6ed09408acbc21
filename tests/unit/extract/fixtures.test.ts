/**
 * Every publication fixture, field by field (Readability style): a failure names the page and
 * the field. Scored with the same rules as `npm run eval` (scripts/lib/score.ts).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Publication } from '@/utils/record';
import { runLeesmap } from '@/scripts/lib/leesmap';
import { FIXTURE_FIELDS, fromPublication, scoreField, tokenF1, truthFromFixture } from '@/scripts/lib/score';

const FIXTURES = join(__dirname, '../../fixtures');

interface Fixture {
  name: string;
  html: string;
  expected: { url: string; detected: boolean; publication?: Publication };
}

function loadFixtures(): Fixture[] {
  if (!existsSync(FIXTURES)) return [];
  return readdirSync(FIXTURES)
    .filter(
      (name) =>
        existsSync(join(FIXTURES, name, 'expected.json')) && existsSync(join(FIXTURES, name, 'source.html')),
    )
    .sort()
    .map((name) => ({
      name,
      html: readFileSync(join(FIXTURES, name, 'source.html'), 'utf8'),
      expected: JSON.parse(readFileSync(join(FIXTURES, name, 'expected.json'), 'utf8')),
    }));
}

const publications = loadFixtures().filter(
  (fixture) => fixture.expected.detected && fixture.expected.publication,
);

describe('publication fixtures', () => {
  it('has publication fixtures to check', () => {
    expect(publications.length).toBeGreaterThanOrEqual(15);
  });

  for (const fixture of publications) {
    describe(fixture.name, () => {
      const result = runLeesmap(fixture.html, fixture.expected.url);
      const expected = fixture.expected.publication!;
      const output = fromPublication(result.detected, result.publication);
      const truth = truthFromFixture(fixture.expected);

      for (const field of FIXTURE_FIELDS) {
        if (scoreField(field, truth, truth) === undefined) continue;
        it(field, () => {
          expect(
            scoreField(field, output, truth),
            `expected ${JSON.stringify(truth[field])}, got ${JSON.stringify(output[field])}`,
          ).toBe(true);
        });
      }

      if (expected.related.length) {
        it('related cards: subtitle, URL, teaser and themes', () => {
          const related = result.publication!.related;
          expected.related.forEach((card, i) => {
            const got = related[i];
            expect(got.url, `card ${i} url`).toBe(card.url);
            if (card.subtitle)
              expect(tokenF1(got.subtitle ?? '', card.subtitle), `card ${i} subtitle`).toBeGreaterThanOrEqual(
                0.9,
              );
            else expect(got.subtitle, `card ${i} subtitle`).toBeUndefined();
            if (card.summary)
              expect(tokenF1(got.summary ?? '', card.summary), `card ${i} summary`).toBeGreaterThanOrEqual(
                0.6,
              );
            else expect(got.summary, `card ${i} summary`).toBeUndefined();
            expect(got.themes, `card ${i} themes`).toEqual(card.themes);
          });
        });
      }
    });
  }
});

/** The seed record (../shared/seed/README.md) that a reader expects from the NSOB reference page. */
const SEED = {
  title: 'Leren van doen',
  subtitle: 'Ervaringen met samenwerken in het IBP',
  type: 'essay',
  publisher: 'NSOB',
  year: 2020,
  published: '2020',
  authors: ['Martijn van der Steen', 'Myrthe van Delden', 'Petra Ophoff'],
  themes: ['Sturen in netwerken'],
  keywords: [],
  related: [
    ['Balanceren tussen inkapseling en afstoting', 'Strategie en toekomst'],
    ['Verschuivende verwachtingen', 'Strategie en toekomst'],
    ['Strategiseren in de schaduw van de macht', 'Strategie en toekomst'],
    ['Toekomstverkenning en organisatieontwikkeling', 'Strategie en toekomst'],
    ['Figureren in het verhaal van een ander', 'Politiek en bestuur'],
  ],
};

describe('the reference page in three markups gives the seed record', () => {
  const markups = loadFixtures().filter((fixture) => fixture.name.startsWith('nsob-leren-van-doen-'));

  it('has the three markups', () => {
    expect(markups.map((fixture) => fixture.name).sort()).toEqual([
      'nsob-leren-van-doen-dl',
      'nsob-leren-van-doen-headings',
      'nsob-leren-van-doen-labels',
    ]);
  });

  for (const fixture of markups) {
    it(fixture.name, () => {
      const result = runLeesmap(fixture.html, fixture.expected.url);
      expect(result.detected).toBe(true);
      const publication = result.publication!;
      const { related, ...fields } = SEED;
      expect(publication).toMatchObject(fields);
      expect(publication.summary).toMatch(/^Sinds februari 2018 .* samenwerkingen binnen het IBP\.$/);
      // The page says nl or nl-NL; the seed's language is Dutch.
      expect(publication.language?.split('-')[0]).toBe('nl');
      expect(publication.related.map((card) => [card.title, ...card.themes])).toEqual(related);
      for (const card of publication.related) {
        expect(card.subtitle).toBeTruthy();
        expect(card.summary).toBeTruthy();
        expect(card.url).toMatch(/^https:\/\/www\.nsob\.nl\/publicaties\//);
      }
      expect(publication).toEqual(
        fixture.expected.publication && { ...fixture.expected.publication, language: publication.language },
      );
    });
  }
});

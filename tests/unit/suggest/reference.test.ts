// The reference case from the NSOB page "Leren van doen": its related list names four
// "Strategie en toekomst" publications and one "Politiek en bestuur" one.
import { describe, expect, it } from 'vitest';
import { catalogEntry, NOW, savedRecord, suggest } from './helpers';

const lerenVanDoen = savedRecord({
  id: 'leren-van-doen',
  title: 'Leren van doen',
  subtitle: 'Ervaringen met samenwerken in het IBP',
  url: 'https://www.nsob.nl/publicaties/leren-van-doen',
  publisher: 'NSOB',
  year: 2020,
  language: 'nl',
  themes: ['Sturen in netwerken'],
  authors: ['Martijn van der Steen'],
  summary: 'Lessen uit regionale samenwerkingen tussen overheden aan maatschappelijke opgaven.',
});

const savedStrategy = savedRecord({
  id: 'strategie-saved',
  title: 'Strategisch denken in de publieke sector',
  publisher: 'NSOB',
  language: 'nl',
  themes: ['Strategie en toekomst'],
  summary: 'Hoe organisaties van de overheid vooruitkijken.',
});

const relatedStrategy = [
  catalogEntry(
    {
      id: 'balanceren',
      title: 'Balanceren tussen inkapseling en afstoting',
      subtitle: 'De strategische functie bij de Rijksoverheid',
      themes: ['Strategie en toekomst'],
      publisher: 'NSOB',
    },
    [lerenVanDoen],
  ),
  catalogEntry(
    {
      id: 'verwachtingen',
      title: 'Verschuivende verwachtingen',
      subtitle: 'Over rolverandering en strategische professionaliteit',
      themes: ['Strategie en toekomst'],
      publisher: 'NSOB',
    },
    [lerenVanDoen],
  ),
  catalogEntry(
    {
      id: 'schaduw',
      title: 'Strategiseren in de schaduw van de macht',
      subtitle: 'Politiek assistenten als verborgen verbinders',
      themes: ['Strategie en toekomst'],
      publisher: 'NSOB',
    },
    [lerenVanDoen],
  ),
  catalogEntry(
    {
      id: 'toekomstverkenning',
      title: 'Toekomstverkenning en organisatieontwikkeling',
      subtitle: 'Ontwerpkeuzes in een scenarioproject',
      themes: ['Strategie en toekomst'],
      publisher: 'NSOB',
    },
    [lerenVanDoen],
  ),
];
const relatedPolitics = catalogEntry(
  {
    id: 'figureren',
    title: 'Figureren in het verhaal van een ander',
    subtitle: 'Over gezagsdragers in beeld',
    themes: ['Politiek en bestuur'],
    publisher: 'NSOB',
  },
  [lerenVanDoen],
);
const others = [
  catalogEntry({
    title: 'Weerbare democratie in onzekere tijden',
    themes: ['Democratie', 'Rechtsstaat'],
    publisher: 'WRR',
    year: 2025,
  }),
  catalogEntry({
    title: 'Kosten en baten van klimaatbeleid',
    themes: ['Klimaat en energie'],
    publisher: 'CPB',
    year: 2026,
  }),
  catalogEntry({
    title: 'Housing affordability and residential mobility',
    themes: ['Housing'],
    publisher: 'OECD',
    year: 2026,
  }),
  catalogEntry({ title: 'Werken aan opgaven', themes: ['Sturen in netwerken'], publisher: 'NSOB' }),
  catalogEntry({
    title: 'Strategic foresight in government',
    themes: ['Foresight'],
    publisher: 'OECD',
    year: 2026,
  }),
];

describe('reference case: "Leren van doen" and one "Strategie en toekomst" publication saved', () => {
  const suggestions = suggest(
    [lerenVanDoen, savedStrategy],
    [...relatedStrategy, relatedPolitics, ...others],
    [],
    NOW,
  );

  it('suggests the other "Strategie en toekomst" publications from its related list first', () => {
    expect(new Set(suggestions.slice(0, 4).map((s) => s.id))).toEqual(
      new Set(relatedStrategy.map((entry) => entry.id)),
    );
  });

  it('gives each of them a theme reason and a reason naming "Leren van doen"', () => {
    for (const suggestion of suggestions.slice(0, 4)) {
      expect(suggestion.reasons).toContainEqual(
        expect.objectContaining({ kind: 'theme', theme: 'Strategie en toekomst', savedCount: 1 }),
      );
      expect(suggestion.reasons).toContainEqual({
        kind: 'listedBy',
        id: 'leren-van-doen',
        title: 'Leren van doen',
        url: 'https://www.nsob.nl/publicaties/leren-van-doen',
      });
    }
  });

  it('still suggests the "Politiek en bestuur" item, listed by the same page, but without a theme reason', () => {
    const politics = suggestions.find((s) => s.id === 'figureren');
    expect(politics).toBeDefined();
    expect(politics!.reasons.some((reason) => reason.kind === 'theme')).toBe(false);
    expect(politics!.reasons.some((reason) => reason.kind === 'listedBy')).toBe(true);
  });
});

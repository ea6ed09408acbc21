import { catalogEntry, savedRecord } from './helpers';

/**
 * A small mixed library: two Dutch digital-government saves and an English housing save, and
 * candidates that each stand for one kind of reason (theme across wordings, shared author,
 * English theme, look-alike text without themes), one with no reason, and three that must never
 * be suggested (saved by id, saved by address, dismissed in some tests).
 */
export function library() {
  const saved = [
    savedRecord({
      id: 's1',
      title: 'Grip op grote ICT-projecten',
      themes: ['Digitalisering'],
      publisher: 'Algemene Rekenkamer',
      authors: ['Anna de Vries'],
      summary: 'Waarom digitale projecten van de overheid uitlopen.',
    }),
    savedRecord({
      id: 's2',
      title: 'Algoritmes getoetst',
      themes: ['Digitalisering', 'Rechtsstaat'],
      publisher: 'Algemene Rekenkamer',
      summary: 'Toetsing van algoritmes bij uitvoeringsorganisaties.',
    }),
    savedRecord({
      id: 's3',
      title: 'Housing affordability across cities',
      themes: ['Housing'],
      publisher: 'OECD',
      language: 'en',
      summary: 'Rents and house prices in growing cities.',
    }),
  ];
  const catalog = [
    catalogEntry(
      {
        id: 'c-digital',
        title: 'Digitale dienstverlening',
        themes: ['Digitale overheid'],
        publisher: 'WRR',
        summary: 'Burgers en het digitale loket van de overheid.',
      },
      [saved[0]],
    ),
    catalogEntry({
      id: 'c-author',
      title: 'Toezicht op data',
      authors: ['Anna de Vries'],
      publisher: 'Rathenau Instituut',
      summary: 'Toezicht in een datagedreven samenleving.',
    }),
    catalogEntry({
      id: 'c-housing',
      title: 'Zoning reform and the missing middle',
      themes: ['Housing'],
      publisher: 'Brookings',
      language: 'en',
      summary: 'How zoning limits housing supply in cities.',
    }),
    catalogEntry({
      id: 'c-text',
      title: 'Uitlopende ICT-projecten bij de overheid',
      publisher: 'ROB',
      summary: 'Digitale projecten van de overheid lopen vaak uit.',
    }),
    catalogEntry({
      id: 'c-far',
      title: 'Stikstof en landbouw',
      themes: ['Landbouw'],
      publisher: 'PBL',
      summary: 'Emissies van boerenbedrijven.',
    }),
    catalogEntry({
      id: 'c-saved-url',
      title: 'Algoritmes getoetst (kopie)',
      url: saved[1].url,
      themes: ['Digitalisering'],
    }),
    catalogEntry({ id: 's3', title: 'Housing affordability across cities', themes: ['Housing'] }),
    catalogEntry(
      {
        id: 'c-dismissed',
        title: 'Digitalisering in de zorg',
        themes: ['Digitalisering'],
        publisher: 'Rathenau Instituut',
      },
      [saved[0]],
    ),
  ];
  return { saved, catalog };
}

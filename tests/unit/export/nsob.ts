/** The reference page's record (NSOB essay "Leren van doen", tests/fixtures/nsob-leren-van-doen-dl). */
import { readFileSync } from 'node:fs';
import { identityKeys } from '@/utils/identity';
import type { Publication, SavedPublication } from '@/utils/record';

const fixture = JSON.parse(readFileSync('tests/fixtures/nsob-leren-van-doen-dl/expected.json', 'utf8')) as {
  publication: Publication;
};

/** The reference page's record as the reader saved it, with notes (several lines, TeX specials). */
export function nsobRecord(): SavedPublication {
  const record: SavedPublication = {
    ...fixture.publication,
    id: '',
    status: 'reading',
    notes: 'Hoofdstuk 3 voor het overleg.\n\nLet op: 50% van de regio’s & {IBP} — zie p. 12_13.',
    tags: ['werk'],
    starred: true,
    editedFields: [],
    savedAt: Date.UTC(2025, 10, 29, 4),
    updatedAt: Date.UTC(2025, 10, 29, 4),
  };
  record.id = identityKeys(record)[0];
  return record;
}

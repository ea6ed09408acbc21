/** Small saved records for UI tests; only the fields a test cares about are given. */
import { newSavedPublication, type SavedPublication } from '@/utils/record';

let counter = 0;

export function record(fields: Partial<SavedPublication> & { title: string }): SavedPublication {
  counter++;
  return newSavedPublication({
    id: `id-${counter}`,
    url: `https://example.org/publicaties/${counter}`,
    savedAt: 1_700_000_000_000 + counter * 1000,
    updatedAt: 1_700_000_000_000 + counter * 1000,
    ...fields,
  });
}

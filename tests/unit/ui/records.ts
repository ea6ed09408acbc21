/** Small saved records for UI tests; only the fields a test cares about are given. */
import type { SavedPublication } from '@/utils/record';

let counter = 0;

export function record(fields: Partial<SavedPublication> & { title: string }): SavedPublication {
  counter++;
  return {
    id: fields.id ?? `id-${counter}`,
    url: fields.url ?? `https://example.org/publicaties/${counter}`,
    authors: [],
    themes: [],
    keywords: [],
    related: [],
    status: 'to-read',
    notes: '',
    tags: [],
    starred: false,
    editedFields: [],
    savedAt: fields.savedAt ?? 1_700_000_000_000 + counter * 1000,
    updatedAt: fields.updatedAt ?? 1_700_000_000_000 + counter * 1000,
    ...fields,
  };
}

/**
 * The write of an import uses the plan its preview made, but only while the list is as the
 * preview saw it: a change in between (a save, an edit, a visit) makes the write plan again, so
 * it never writes over what happened after the preview.
 */
import { describe, expect, it } from 'vitest';
import {
  importPublications,
  listPublications,
  previewImport,
  recordVisit,
  savePublication,
  updatePublication,
} from '@/utils/db';
import { validateRecords, type SavedPublication } from '@/utils/record';
import { db, eachTestOnFreshDB, publication } from './helpers';

eachTestOnFreshDB();

function fileRecord(saved: SavedPublication, changes: Partial<SavedPublication>): SavedPublication[] {
  // As a file's records reach storage: checked once by validateRecords.
  return validateRecords([{ ...saved, ...changes }]);
}

describe('import preview, then write', () => {
  it('writes what the preview said when the list did not change', async () => {
    const saved = await savePublication(db, publication(), { notes: 'eigen' }, 1);
    const records = fileRecord(saved, { summary: 'Nieuwe samenvatting', updatedAt: 5 });
    const preview = await previewImport(db, records, 'merge');
    expect(preview).toMatchObject({ added: 0, updated: 1, changedFields: { summary: 1 } });
    expect(await importPublications(db, records, 'merge', undefined, 10, preview)).toEqual({
      added: 0,
      updated: 1,
      unchanged: 0,
      removed: 0,
    });
    const [after] = await listPublications(db);
    expect(after).toMatchObject({ summary: 'Nieuwe samenvatting', notes: 'eigen' });
  });

  it("plans again when the reader changed the record after the preview: the reader's change stays", async () => {
    const saved = await savePublication(db, publication(), { notes: 'eigen' }, 1);
    const records = fileRecord(saved, { summary: 'Nieuwe samenvatting', updatedAt: 5 });
    const preview = await previewImport(db, records, 'merge', { readerFields: false });
    await updatePublication(db, saved.id, { status: 'read', title: 'Mijn titel' }, 6);
    await importPublications(db, records, 'merge', { readerFields: false }, 10, preview);
    const [after] = await listPublications(db);
    expect(after).toMatchObject({ summary: 'Nieuwe samenvatting', status: 'read', title: 'Mijn titel' });
  });

  it('plans again when a page was saved after the preview: one record, not two', async () => {
    const incoming = validateRecords([
      {
        ...publication(),
        id: 'url:www.nsob.nl/publicaties/leren-van-doen',
        savedAt: 1,
        notes: 'uit het bestand',
      },
    ]);
    const preview = await previewImport(db, incoming, 'merge');
    expect(preview.added).toBe(1);
    await recordVisit(db, publication(), 2, { autoSave: true });
    const result = await importPublications(db, incoming, 'merge', undefined, 10, preview);
    expect(result.added).toBe(0);
    expect(await listPublications(db)).toHaveLength(1);
  });

  it('does not take the plan of another file or mode', async () => {
    const saved = await savePublication(db, publication(), undefined, 1);
    const records = fileRecord(saved, { summary: 'Nieuwe samenvatting', updatedAt: 5 });
    const preview = await previewImport(db, records, 'merge');
    const other = fileRecord(saved, { summary: 'Een andere samenvatting', updatedAt: 5 });
    await importPublications(db, other, 'merge', undefined, 10, preview);
    expect((await listPublications(db))[0].summary).toBe('Een andere samenvatting');
  });
});

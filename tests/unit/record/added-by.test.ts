/**
 * Who added a record to a shared Zotero library (`addedBy`): a group member's name, chosen by them,
 * so it is checked like any other text on every way in: the validator of files and the sanitiser
 * of what the sync pulls. It survives a backup and its restore.
 */
import { describe, expect, it } from 'vitest';
import { fromBackupJson, toBackupJson } from '@/utils/export/backup';
import { cleanAddedBy, LIMITS, validateRecord, type ValidationIssue } from '@/utils/record';

const base = { id: 'url:nsob.nl/a', url: 'https://www.nsob.nl/a', title: 'A', savedAt: 1 };

describe('addedBy', () => {
  it('is kept by the validator, as one clean line within its cap', () => {
    const issues: ValidationIssue[] = [];
    const record = validateRecord(
      { ...base, addedBy: `  Anna\u202e de\u0007\nVries${'x'.repeat(500)}` },
      0,
      issues,
    );
    expect(issues).toEqual([]);
    expect(record!.addedBy!.startsWith('Anna de Vries')).toBe(true);
    expect(record!.addedBy!.length).toBeLessThanOrEqual(LIMITS.addedBy);
    expect(record!.addedBy).not.toContain('\u202e');
  });

  it('refuses what is not text, and leaves it out when absent or blank', () => {
    const issues: ValidationIssue[] = [];
    expect(validateRecord({ ...base, addedBy: { name: 'x' } }, 3, issues)).toBeUndefined();
    expect(issues).toEqual([{ index: 3, field: 'addedBy', message: 'must be text' }]);
    expect(validateRecord({ ...base, addedBy: ' \u200b ' }, 0, [])).not.toHaveProperty('addedBy');
    expect(validateRecord(base, 0, [])).not.toHaveProperty('addedBy');
  });

  it('cleanAddedBy: the same rule for a name the sync pulls', () => {
    expect(cleanAddedBy('  bert\t ')).toBe('bert');
    expect(cleanAddedBy(42)).toBeUndefined();
    expect(cleanAddedBy('y'.repeat(1000))).toHaveLength(LIMITS.addedBy);
  });

  it('goes through a backup and back', () => {
    const record = validateRecord({ ...base, addedBy: 'anna' }, 0, [])!;
    expect(fromBackupJson(toBackupJson([record]))[0].addedBy).toBe('anna');
  });
});

import { describe, expect, it } from 'vitest';
import { createWriteLimits } from '@/utils/background/limits';
import { WRITE_LIMITS } from '@/utils/rate-limit';
import { memorySession } from './helpers';

const NOW = 1_000_000;

describe('write limits', () => {
  it('lets a site auto-save its share, then holds until the bucket refills', async () => {
    const limits = createWriteLimits(memorySession());
    const taken = [];
    for (let i = 0; i < WRITE_LIMITS.autoSavePerSite.capacity + 2; i++)
      taken.push(await limits.takeAutoSave('nsob.nl', NOW));
    expect(taken.filter(Boolean)).toHaveLength(WRITE_LIMITS.autoSavePerSite.capacity);
    expect(await limits.takeAutoSave('example.org', NOW)).toBe(true);
    expect(await limits.takeAutoSave('nsob.nl', NOW + 3_600_000)).toBe(true);
  });

  it('reserves a visit’s catalog budget and takes back what it did not use', async () => {
    const limits = createWriteLimits(memorySession());
    const first = await limits.reserveCatalog(1, 'nsob.nl', NOW);
    expect(first).toBe(Math.min(WRITE_LIMITS.catalogPerTab.capacity, WRITE_LIMITS.catalogPerSite.capacity));
    // A second visit at the same time gets nothing while the first holds the budget …
    expect(await limits.reserveCatalog(1, 'nsob.nl', NOW)).toBe(0);
    // … and what the first did not write comes back.
    await limits.releaseCatalog(1, 'nsob.nl', first - 10, NOW);
    expect(await limits.reserveCatalog(1, 'nsob.nl', NOW)).toBe(first - 10);
  });

  it('survives a worker restart: a new instance over the same session does not refill', async () => {
    const session = memorySession();
    const before = createWriteLimits(session);
    for (let i = 0; i < WRITE_LIMITS.autoSavePerSite.capacity; i++) await before.takeAutoSave('nsob.nl', NOW);
    const after = createWriteLimits(session);
    expect(await after.takeAutoSave('nsob.nl', NOW)).toBe(false);
  });

  it('starts full when what is stored is unreadable', async () => {
    const session = memorySession();
    session.get = async () => Promise.reject(new Error('gone'));
    expect(await createWriteLimits(session).takeAutoSave('nsob.nl', NOW)).toBe(true);
  });
});

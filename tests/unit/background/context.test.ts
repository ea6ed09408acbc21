import { describe, expect, it } from 'vitest';
import { createBackground } from '@/utils/background/context';
import { fakeBackground } from './helpers';

describe('createBackground', () => {
  it('gives the flows the ports as they are, and limits kept in the session store', async () => {
    const f = await fakeBackground();
    const bg = createBackground({ ...f.bg });
    expect(await bg.database()).toBe(f.db);
    expect(bg.now()).toBe(f.clock.now);
    for (let i = 0; i < 5; i++) await bg.limits.takeAutoSave('nsob.nl', f.clock.now);
    // A worker restart: a new background over the same session keeps the spent budget.
    const restarted = createBackground({ ...f.bg });
    expect(await restarted.limits.takeAutoSave('nsob.nl', f.clock.now)).toBe(false);
  });
});

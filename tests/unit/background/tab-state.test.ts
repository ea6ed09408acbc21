import { describe, expect, it } from 'vitest';
import {
  autoSaveHeld,
  dismissAutoSaveNotice,
  forgetTab,
  getTabState,
  HELD_NOTICE_MS,
  holdAutoSave,
  setTabState,
} from '@/utils/background/tab-state';
import { TAB_STATE_BUDGET, jsonBytes } from '@/utils/tab-budget';
import { LETS_THROUGH, memorySession, publication } from './helpers';

const URL_A = 'https://www.nsob.nl/publicaties/leren-van-doen';

describe('tab state', () => {
  it('is kept per tab until the tab is forgotten', async () => {
    const session = memorySession();
    await setTabState(session, 1, { url: URL_A, firstCheck: LETS_THROUGH });
    expect(await getTabState(session, 1)).toEqual({ url: URL_A, firstCheck: LETS_THROUGH });
    expect(await getTabState(session, 2)).toBeUndefined();
    await forgetTab(session, 1);
    expect(await getTabState(session, 1)).toBeUndefined();
  });

  it('is trimmed to the tab’s budget and marked so, for a page that gives a huge record', async () => {
    const session = memorySession();
    const huge = publication({
      summary: 'x'.repeat(40_000),
      keywords: Array.from({ length: 500 }, (_, i) => `k${i}`),
    });
    await setTabState(session, 1, {
      url: URL_A,
      extraction: { detected: true, confidence: 1, signals: [], publication: huge },
    });
    const stored = await getTabState(session, 1);
    expect(jsonBytes(stored)).toBeLessThanOrEqual(TAB_STATE_BUDGET);
    expect(stored?.trimmed).toBe(true);
  });

  it('forgets the tab rather than keep an older page when storage fails', async () => {
    const session = memorySession();
    await setTabState(session, 1, { url: 'https://www.nsob.nl/oud' });
    session.set = async () => Promise.reject(new Error('QUOTA_BYTES quota exceeded'));
    await setTabState(session, 1, { url: URL_A });
    expect(await getTabState(session, 1)).toBeUndefined();
  });
});

describe('the auto-save notice', () => {
  it('counts the pages held back, names the last site, and ends after a day or when dismissed', async () => {
    const session = memorySession();
    await holdAutoSave(session, 'publisher:nsob', 1_000);
    await holdAutoSave(session, 'example.org', 2_000);
    expect(await autoSaveHeld(session, 3_000)).toEqual({ site: 'example.org', count: 2, at: 2_000 });
    expect(await autoSaveHeld(session, 2_000 + HELD_NOTICE_MS + 1)).toBeUndefined();
    await dismissAutoSaveNotice(session);
    expect(await autoSaveHeld(session, 3_000)).toBeUndefined();
  });

  it('ignores a stored notice of the wrong shape', async () => {
    const session = memorySession();
    await session.set('auto-save-held', { site: 1, count: 'many', at: 0 });
    expect(await autoSaveHeld(session, 0)).toBeUndefined();
  });
});

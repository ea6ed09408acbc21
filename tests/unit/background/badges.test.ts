import { beforeEach, describe, expect, it } from 'vitest';
import { badgeState, BADGE_LOOK, isDetected, refreshBadges } from '@/utils/background/badges';
import { savePage } from '@/utils/background/save';
import { setTabState } from '@/utils/background/tab-state';
import { fakeBackground, LETS_THROUGH, publication, RULED_OUT, type Fakes } from './helpers';

let f: Fakes;
beforeEach(async () => {
  f = await fakeBackground();
});

const detection = { detected: true, confidence: 0.9, signals: [] };

describe('isDetected', () => {
  it('is the full check’s verdict, on a page the first check let through', () => {
    expect(isDetected({ url: 'https://a.nl/', firstCheck: LETS_THROUGH, extraction: detection })).toBe(true);
    expect(isDetected({ url: 'https://a.nl/', firstCheck: RULED_OUT, extraction: detection })).toBe(false);
    expect(isDetected({ url: 'https://a.nl/', extraction: detection })).toBe(false);
    expect(isDetected({ url: 'https://a.nl/', firstCheck: LETS_THROUGH })).toBe(false);
  });
});

describe('badgeState', () => {
  it('puts saved before detected', () => {
    expect(badgeState(true, true)).toBe('saved');
    expect(badgeState(false, true)).toBe('detected');
    expect(badgeState(false, false)).toBe('none');
    expect(BADGE_LOOK.saved.text).not.toBe(BADGE_LOOK.detected.text);
  });
});

describe('refreshBadges', () => {
  it('shows ✓ on every tab of a saved record, + on detected pages, nothing elsewhere', async () => {
    const saved = await savePage(f.bg, publication());
    f.tabs.set(1, saved.url);
    f.tabs.set(2, `${saved.url}?utm_source=nieuwsbrief`);
    f.tabs.set(3, 'https://www.nsob.nl/publicaties/nieuw');
    f.tabs.set(4, 'https://www.nsob.nl/contact');
    await setTabState(f.session, 3, {
      url: 'https://www.nsob.nl/publicaties/nieuw',
      firstCheck: LETS_THROUGH,
      extraction: detection,
    });
    // A stale state (another address) says nothing about the tab's page now.
    await setTabState(f.session, 4, {
      url: 'https://www.nsob.nl/publicaties/nieuw',
      firstCheck: LETS_THROUGH,
      extraction: detection,
    });
    await refreshBadges(f.bg);
    expect(Object.fromEntries(f.badges)).toEqual({ 1: 'saved', 2: 'saved', 3: 'detected', 4: 'none' });
  });
});

import { beforeEach, describe, expect, it, vi } from 'vitest';
import { listCatalog, listPublications, savePublication } from '@/utils/db';
import { onPageChecked, tabStateFor } from '@/utils/background/page';
import { refreshBadges } from '@/utils/background/badges';
import { getTabState, setTabState } from '@/utils/background/tab-state';
import {
  checkedPage,
  fakeBackground,
  LETS_THROUGH,
  pageResult,
  publication,
  RULED_OUT,
  type Fakes,
} from './helpers';

const URL_A = 'https://www.nsob.nl/publicaties/leren-van-doen';

let f: Fakes;
beforeEach(async () => {
  f = await fakeBackground();
  f.tabs.set(1, URL_A);
});

/** Tab 1 visits `count` essays of one site in turn, each a publication. */
async function visitEssays(count: number): Promise<void> {
  for (let i = 0; i < count; i++) {
    const url = `https://www.nsob.nl/publicaties/essay-${i}`;
    f.tabs.set(1, url);
    f.pages.set(1, checkedPage(publication({ url, title: `Essay ${i}` })));
    await onPageChecked(f.bg, 1, url, LETS_THROUGH);
  }
}

describe('onPageChecked', () => {
  it('runs the full check where the first check let the page through, then the extractor on the publication it found; catalogs it and shows +', async () => {
    f.pages.set(1, checkedPage(publication()));
    await onPageChecked(f.bg, 1, URL_A, LETS_THROUGH, 3);
    expect(f.injected).toEqual([
      { tabId: 1, script: 'full-check' },
      { tabId: 1, script: 'extractor' },
    ]);
    expect(f.badges.get(1)).toBe('detected');
    expect((await listCatalog(f.db)).map((e) => e.title)).toEqual(['Leren van doen']);
    const state = await getTabState(f.session, 1);
    expect(state).toMatchObject({
      url: URL_A,
      checkMs: 3,
      timings: { fullCheckMs: 4, recordMs: 12, handedOff: true },
      extraction: { detected: true, publication: { title: 'Leren van doen' } },
    });
    expect(state?.timings?.fullCheckRoundTripMs).toBeGreaterThanOrEqual(0);
    expect(state?.timings?.recordRoundTripMs).toBeGreaterThanOrEqual(0);
  });

  it('never loads the extractor into a page the full check does not call a publication', async () => {
    f.pages.set(1, checkedPage(undefined));
    await onPageChecked(f.bg, 1, URL_A, LETS_THROUGH, 3);
    expect(f.injected).toEqual([{ tabId: 1, script: 'full-check' }]);
    expect(f.badges.get(1)).toBe('none');
    expect(await listCatalog(f.db)).toEqual([]);
    const state = await getTabState(f.session, 1);
    expect(state).toMatchObject({ checkMs: 3, timings: { fullCheckMs: 4 }, extraction: { detected: false } });
    expect(state?.timings?.recordMs).toBeUndefined();
  });

  it('shows + on a detected page whose record could not be read, and reads it when checked again', async () => {
    f.settings.autoSave = true;
    f.pages.set(1, { ...checkedPage(publication()), extractor: new Error('Frame with ID 0 was removed.') });
    await onPageChecked(f.bg, 1, URL_A, LETS_THROUGH);
    expect(f.badges.get(1)).toBe('detected');
    expect(await listPublications(f.db)).toEqual([]);
    expect((await getTabState(f.session, 1))?.extraction).toMatchObject({ detected: true });
    // The page reloaded during the read: its content script reports the same address again.
    f.pages.set(1, checkedPage(publication()));
    await onPageChecked(f.bg, 1, URL_A, LETS_THROUGH);
    expect(f.injected.map((i) => i.script)).toEqual(['full-check', 'extractor', 'full-check', 'extractor']);
    expect((await listPublications(f.db)).map((p) => p.title)).toEqual(['Leren van doen']);
    expect(f.badges.get(1)).toBe('saved');
  });

  it('files nothing under the address when the tab shows the next page before its content script said so', async () => {
    const next = 'https://www.nsob.nl/publicaties/volgende';
    // The reader followed a link: both scripts, or only the extractor, ran on the next page.
    for (const ranNext of [['full-check', 'extractor'], ['extractor']]) {
      const page = checkedPage(publication({ url: next, title: 'Volgende' }));
      for (const script of ranNext)
        page[script as 'extractor'] = { ...(page[script as 'extractor'] as object), url: next };
      f.pages.set(1, page);
      await onPageChecked(f.bg, 1, URL_A, LETS_THROUGH);
      const state = await getTabState(f.session, 1);
      expect(state?.extraction?.publication).toBeUndefined();
      expect(await listCatalog(f.db)).toEqual([]);
      expect(f.badges.has(1)).toBe(false);
    }
    expect(f.injected.map((i) => i.script)).toEqual(['full-check', 'full-check', 'extractor']);
  });

  it('loads no extractor into a tab that moved on after the full check', async () => {
    const next = 'https://www.nsob.nl/publicaties/volgende';
    const page = checkedPage(publication());
    f.bg.inject = async (tabId, script) => {
      f.injected.push({ tabId, script });
      await setTabState(f.session, 1, { url: next, firstCheck: LETS_THROUGH });
      return page[script];
    };
    await onPageChecked(f.bg, 1, URL_A, LETS_THROUGH);
    expect(f.injected).toEqual([{ tabId: 1, script: 'full-check' }]);
    expect((await getTabState(f.session, 1))?.url).toBe(next);
    expect(await listCatalog(f.db)).toEqual([]);
  });

  /** Holds extractor.js until `release` is called; `reading` once it was injected. */
  function holdExtractor(): { release: () => void; reading: () => boolean } {
    const inject = f.bg.inject;
    let release = () => {};
    let reading = false;
    const held = new Promise<void>((resolve) => (release = resolve));
    f.bg.inject = async (tabId, script) => {
      if (script === 'extractor') {
        reading = true;
        await held;
      }
      return inject(tabId, script);
    };
    return { release: () => release(), reading: () => reading };
  }

  it('shows ✓ as soon as the full check finds a publication saved at this address, before the record', async () => {
    await savePublication(f.db, publication());
    f.pages.set(1, checkedPage(publication()));
    const { release } = holdExtractor();
    const checking = onPageChecked(f.bg, 1, URL_A, LETS_THROUGH);
    await vi.waitFor(() => expect(f.badges.get(1)).toBe('saved'));
    release();
    await checking;
    expect(f.shown).toEqual([
      { tabId: 1, badge: 'saved' },
      { tabId: 1, badge: 'saved' },
    ]);
  });

  it('shows no + before the record, which may turn out saved under another address or be auto-saved', async () => {
    const doi = '10.1234/leren';
    await savePublication(
      f.db,
      publication({ url: 'https://www.nsob.nl/publicaties/leren-van-doen-pdf', doi }),
    );
    f.pages.set(1, checkedPage(publication({ doi })));
    await onPageChecked(f.bg, 1, URL_A, LETS_THROUGH);
    expect(f.shown).toEqual([{ tabId: 1, badge: 'saved' }]);
    f.settings.autoSave = true;
    f.tabs.set(2, 'https://www.nsob.nl/publicaties/ander-essay');
    f.pages.set(
      2,
      checkedPage(publication({ url: 'https://www.nsob.nl/publicaties/ander-essay', title: 'Ander essay' })),
    );
    await onPageChecked(f.bg, 2, 'https://www.nsob.nl/publicaties/ander-essay', LETS_THROUGH);
    expect(f.shown.slice(1)).toEqual([{ tabId: 2, badge: 'saved' }]);
  });

  it('keeps the + of a detected page whose record is being read when another tab saves meanwhile', async () => {
    f.pages.set(1, checkedPage(publication()));
    const { release, reading } = holdExtractor();
    const checking = onPageChecked(f.bg, 1, URL_A, LETS_THROUGH);
    await vi.waitFor(() => expect(reading()).toBe(true));
    await refreshBadges(f.bg);
    expect(f.badges.get(1)).toBe('detected');
    release();
    await checking;
    expect(f.badges.get(1)).toBe('detected');
  });

  it('reads a page once: the same address checked again keeps its record and timings', async () => {
    f.pages.set(1, checkedPage(publication()));
    await onPageChecked(f.bg, 1, URL_A, LETS_THROUGH, 3);
    await onPageChecked(f.bg, 1, URL_A, LETS_THROUGH, 2);
    expect(f.injected).toHaveLength(2);
    expect(await getTabState(f.session, 1)).toMatchObject({
      checkMs: 2,
      timings: { fullCheckMs: 4, recordMs: 12 },
      extraction: { publication: { title: 'Leren van doen' } },
    });
    expect(f.badges.get(1)).toBe('detected');
  });

  it('injects nothing into a page the first check ruled out, and shows no badge', async () => {
    f.pages.set(1, checkedPage(publication()));
    await onPageChecked(f.bg, 1, URL_A, RULED_OUT);
    expect(f.injected).toEqual([]);
    expect(f.badges.get(1)).toBe('none');
    expect(await listCatalog(f.db)).toEqual([]);
  });

  it('shows ✓ on a page the reader saved, also one the full check does not call a publication', async () => {
    await savePublication(f.db, publication());
    f.pages.set(1, checkedPage(undefined));
    await onPageChecked(f.bg, 1, URL_A, LETS_THROUGH);
    expect(f.badges.get(1)).toBe('saved');
  });

  it('files the publication under the address the content script reported, a #fragment jump no other page', async () => {
    const page = checkedPage(publication({ url: `${URL_A}#hoofdstuk-2` }));
    for (const script of ['full-check', 'extractor'] as const)
      page[script] = { ...(page[script] as object), url: `${URL_A}#hoofdstuk-2` };
    f.pages.set(1, page);
    await onPageChecked(f.bg, 1, URL_A, LETS_THROUGH);
    expect((await getTabState(f.session, 1))?.extraction?.publication?.url).toBe(URL_A);
    expect((await listCatalog(f.db)).map((e) => e.url)).toEqual([URL_A]);
  });

  it('drops an extraction of another origin (the tab moved on while the script ran)', async () => {
    f.pages.set(1, checkedPage(publication({ url: 'https://evil.example/x' })));
    await onPageChecked(f.bg, 1, URL_A, LETS_THROUGH);
    expect((await getTabState(f.session, 1))?.extraction?.publication).toBeUndefined();
    expect(await listCatalog(f.db)).toEqual([]);
  });

  it('keeps a newer check when the tab moved on during the full check', async () => {
    const next = 'https://www.nsob.nl/publicaties/volgende';
    f.bg.inject = async () => {
      await setTabState(f.session, 1, { url: next, firstCheck: LETS_THROUGH });
      return pageResult(publication());
    };
    await onPageChecked(f.bg, 1, URL_A, LETS_THROUGH);
    expect((await getTabState(f.session, 1))?.url).toBe(next);
    expect(f.badges.has(1)).toBe(false);
  });

  it('auto-saves a detected publication when the reader asked for it, and tells open pages', async () => {
    f.settings.autoSave = true;
    f.pages.set(1, checkedPage(publication()));
    await onPageChecked(f.bg, 1, URL_A, LETS_THROUGH);
    const [saved] = await listPublications(f.db);
    expect(saved.title).toBe('Leren van doen');
    expect(f.badges.get(1)).toBe('saved');
    expect(f.broadcasts).toEqual([{ type: 'background/list-changed', payload: { ids: [saved.id] } }]);
  });

  it('auto-saves in the visit’s own transaction: one write, no catalog entry left behind', async () => {
    f.settings.autoSave = true;
    f.pages.set(1, checkedPage(publication()));
    const before = f.counts.readwrite;
    await onPageChecked(f.bg, 1, URL_A, LETS_THROUGH);
    expect(f.counts.readwrite - before).toBe(1);
    expect((await listPublications(f.db)).map((p) => p.title)).toEqual(['Leren van doen']);
    expect(await listCatalog(f.db)).toEqual([]);
  });

  it('spends no auto-save on a page the reader saved already', async () => {
    f.settings.autoSave = true;
    await savePublication(f.db, publication());
    for (let i = 0; i < 6; i++) {
      f.pages.set(1, checkedPage(publication()));
      await onPageChecked(f.bg, 1, URL_A, LETS_THROUGH);
    }
    await visitEssays(5);
    expect(await listPublications(f.db)).toHaveLength(6);
  });

  it('holds auto-save back past five pages of one site, and says so to the popup', async () => {
    f.settings.autoSave = true;
    await visitEssays(7);
    expect(await listPublications(f.db)).toHaveLength(5);
    expect(f.badges.get(1)).toBe('detected');
    const state = await tabStateFor(f.bg, 1, false);
    expect(state.autoSaveHeld).toMatchObject({ count: 2 });
  });
});

describe('tabStateFor', () => {
  it('reads the page with the extractor when the popup asks and no record was read yet', async () => {
    f.pages.set(1, { extractor: pageResult(publication(), false) });
    const state = await tabStateFor(f.bg, 1, true);
    expect(f.injected).toEqual([{ tabId: 1, script: 'extractor' }]);
    expect(state.extraction?.publication?.title).toBe('Leren van doen');
    expect(state.saved).toBeUndefined();
  });

  it('gives the saved record, and the saved records a page elsewhere only resembles', async () => {
    const saved = await savePublication(f.db, publication({ doi: '10.1234/abc' }));
    expect((await tabStateFor(f.bg, 1, false)).saved?.id).toBe(saved.id);
    const mirror = 'https://www.example.org/leren-van-doen';
    f.tabs.set(2, mirror);
    f.pages.set(2, { extractor: pageResult(publication({ url: mirror, doi: '10.1234/abc' })) });
    const elsewhere = await tabStateFor(f.bg, 2, true);
    expect(elsewhere.saved).toBeUndefined();
    expect(elsewhere.resembles?.map((r) => r.id)).toEqual([saved.id]);
  });

  it('takes no record read from the next page the tab shows meanwhile', async () => {
    const next = 'https://www.nsob.nl/publicaties/volgende';
    f.pages.set(1, {
      extractor: { ...(pageResult(publication({ url: next }), false) as object), url: next },
    });
    const state = await tabStateFor(f.bg, 1, true);
    expect(state.extraction).toBeUndefined();
    expect((await getTabState(f.session, 1))?.extraction).toBeUndefined();
  });

  it('never injects into a page that is not on the web', async () => {
    f.tabs.set(3, 'chrome://settings/');
    const state = await tabStateFor(f.bg, 3, true);
    expect(f.injected).toEqual([]);
    expect(state).toMatchObject({ tabId: 3, url: 'chrome://settings/', resembles: [] });
  });

  it('forgets what it knew of a tab once the tab shows another address', async () => {
    await setTabState(f.session, 1, { url: 'https://www.nsob.nl/oud', firstCheck: LETS_THROUGH });
    const state = await tabStateFor(f.bg, 1, false);
    expect(state.firstCheck).toBeUndefined();
  });

  it('fails for a tab that is gone', async () => {
    await expect(tabStateFor(f.bg, 99, false)).rejects.toThrow(/No tab/);
  });
});

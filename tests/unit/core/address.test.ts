import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  addressWithoutHash,
  headMayBeStale,
  isNewPageAddress,
  watchPageAddress,
  type NavigationEvents,
} from '@/utils/address';

describe('headMayBeStale', () => {
  const loaded = 'https://www.nsob.nl/publicaties/leren-van-doen';
  const other = 'https://www.nsob.nl/publicaties/strategisch-vermogen';
  it('trusts the head of a document still at the address it loaded from, fragment jumps included', () => {
    expect(headMayBeStale(loaded, loaded, [loaded])).toBe(false);
    expect(
      headMayBeStale(loaded, `${loaded}#hoofdstuk-2`, [
        loaded,
        `${loaded}#hoofdstuk-1`,
        `${loaded}#hoofdstuk-2`,
      ]),
    ).toBe(false);
    expect(headMayBeStale(loaded, loaded)).toBe(false);
  });
  it('doubts it once a single-page app changed the address, also after a return to the first one', () => {
    expect(headMayBeStale(loaded, other, [loaded, other])).toBe(true);
    expect(headMayBeStale(loaded, other)).toBe(true);
    expect(headMayBeStale(loaded, loaded, [loaded, other, loaded])).toBe(true);
    expect(headMayBeStale(undefined, loaded)).toBe(true);
  });
});

describe('isNewPageAddress', () => {
  it('treats a jump within the page as the same page', () => {
    expect(isNewPageAddress('https://www.nsob.nl/essay', 'https://www.nsob.nl/essay#conclusie')).toBe(false);
    expect(
      isNewPageAddress('https://www.nsob.nl/essay#inleiding', 'https://www.nsob.nl/essay#conclusie'),
    ).toBe(false);
    expect(addressWithoutHash('https://www.nsob.nl/essay#a#b')).toBe('https://www.nsob.nl/essay');
  });
  it('sees another path or query as another page', () => {
    expect(isNewPageAddress('https://www.nsob.nl/essay', 'https://www.nsob.nl/publicaties')).toBe(true);
    expect(isNewPageAddress('https://www.nsob.nl/zoeken?q=a', 'https://www.nsob.nl/zoeken?q=b#top')).toBe(
      true,
    );
  });
});

/** A page whose address a test changes, as pushState would, with the Navigation API or without. */
function fakePage(start: string, withNavigationApi: boolean) {
  let href = start;
  const target = new EventTarget();
  const navigation: NavigationEvents | undefined = withNavigationApi
    ? {
        addEventListener: (type, listener) => target.addEventListener(type, listener),
        removeEventListener: (type, listener) => target.removeEventListener(type, listener),
      }
    : undefined;
  return {
    navigation,
    read: () => href,
    go(to: string) {
      href = to;
      target.dispatchEvent(new Event('currententrychange'));
    },
  };
}

const START = 'https://www.wrr.nl/publicaties/rapporten/2023/09/28/rapport';

/** Watches `page` from START as the content script does; returns the spy told of each new page and the stop. */
function watch(page: ReturnType<typeof fakePage>, alive: () => boolean = () => true) {
  const onNewPage = vi.fn();
  const stop = watchPageAddress({
    checked: START,
    read: page.read,
    onNewPage,
    alive,
    navigation: page.navigation,
  });
  return { onNewPage, stop };
}
const LISTING = 'https://www.wrr.nl/publicaties';
const OTHER = 'https://www.wrr.nl/publicaties/rapporten/2024/01/10/ander-rapport';

/** The tests of this block run on Vitest's fake clock. */
function useFakeClock(): void {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });
}

describe.each([
  ['with the Navigation API', true],
  ['by reading the address each second', false],
])('watchPageAddress %s', (_name, withNavigationApi) => {
  useFakeClock();

  it('checks a new page once, after its view had time to render', () => {
    const page = fakePage(START, withNavigationApi);
    const { onNewPage } = watch(page);
    page.go(LISTING);
    vi.advanceTimersByTime(withNavigationApi ? 399 : 1_000);
    expect(onNewPage).not.toHaveBeenCalled();
    vi.advanceTimersByTime(withNavigationApi ? 1 : 400);
    expect(onNewPage).toHaveBeenCalledExactlyOnceWith(LISTING);
    vi.advanceTimersByTime(5_000);
    expect(onNewPage).toHaveBeenCalledTimes(1);

    page.go(OTHER);
    vi.advanceTimersByTime(1_400);
    expect(onNewPage).toHaveBeenLastCalledWith(OTHER);
    expect(onNewPage).toHaveBeenCalledTimes(2);
  });

  it('ignores a change of only the #fragment, and a return to the page already checked', () => {
    const page = fakePage(START, withNavigationApi);
    const { onNewPage } = watch(page);
    page.go(`${START}#samenvatting`);
    vi.advanceTimersByTime(3_000);
    // Away and back before the view settled (a pushState then history.back()).
    page.go(LISTING);
    page.go(START);
    vi.advanceTimersByTime(3_000);
    expect(onNewPage).not.toHaveBeenCalled();
  });

  it('stops for good once the extension is gone', () => {
    const page = fakePage(START, withNavigationApi);
    let alive = true;
    const { onNewPage } = watch(page, () => alive);
    alive = false;
    page.go(LISTING);
    vi.advanceTimersByTime(3_000);
    expect(onNewPage).not.toHaveBeenCalled();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('can be stopped by its caller', () => {
    const page = fakePage(START, withNavigationApi);
    const { onNewPage, stop } = watch(page);
    stop();
    page.go(LISTING);
    vi.advanceTimersByTime(3_000);
    expect(onNewPage).not.toHaveBeenCalled();
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe('watchPageAddress with the Navigation API', () => {
  useFakeClock();

  it('checks once after quick successive changes, for the last address', () => {
    const page = fakePage(START, true);
    const { onNewPage } = watch(page);
    page.go(LISTING);
    vi.advanceTimersByTime(200);
    page.go(OTHER);
    vi.advanceTimersByTime(399);
    expect(onNewPage).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(onNewPage).toHaveBeenCalledExactlyOnceWith(OTHER);
  });

  it('does not poll the address when the browser reports changes', () => {
    const page = fakePage(START, true);
    watch(page);
    expect(vi.getTimerCount()).toBe(0);
  });
});

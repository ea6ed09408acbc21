/**
 * Noticing when a single-page app shows a new page, for the content script. It listens to what the
 * browser already reports (the Navigation API) or reads `location.href` once a second where that
 * API is missing, and never touches the page: no events are posted to it, nothing is added to it.
 */

/** An address without its `#fragment`: a jump within the page is not a new page. */
export function addressWithoutHash(href: string): string {
  const hash = href.indexOf('#');
  return hash === -1 ? href : href.slice(0, hash);
}

/** True when `current` is another page than `checked`, ignoring the fragment. */
export function isNewPageAddress(checked: string, current: string): boolean {
  return addressWithoutHash(checked) !== addressWithoutHash(current);
}

/**
 * Whether the document may show another view than the one it loaded with, so that its head may
 * still describe an earlier page: a single-page app changed the address in place. `loadedAt`: the
 * address the document loaded from (its navigation timing entry); `visited`: the addresses of the
 * history entries this document has made (Navigation API, where the browser has it), which also
 * catch a return to the first address. `#fragment` jumps are no change. Unknown counts as changed.
 */
export function headMayBeStale(
  loadedAt: string | undefined,
  current: string,
  visited: readonly string[] = [],
): boolean {
  return (
    loadedAt === undefined || [current, ...visited].some((address) => isNewPageAddress(loadedAt, address))
  );
}

/** headMayBeStale for the document this runs in (content script, injected scripts); true when unsure. */
export function documentHeadMayBeStale(): boolean {
  try {
    const navigation = (globalThis as { navigation?: { entries?: unknown } }).navigation;
    const entries =
      typeof navigation?.entries === 'function'
        ? (navigation.entries() as Array<{ sameDocument?: boolean; url?: string | null }>)
        : [];
    const visited = entries
      .filter((entry) => entry.sameDocument && typeof entry.url === 'string')
      .map((entry) => entry.url as string);
    return headMayBeStale(performance.getEntriesByType('navigation')[0]?.name, location.href, visited);
  } catch {
    return true;
  }
}

/** The part of the Navigation API (window.navigation) used here; not yet in TypeScript's DOM types. */
export interface NavigationEvents {
  addEventListener(type: 'currententrychange', listener: () => void): void;
  removeEventListener(type: 'currententrychange', listener: () => void): void;
}

export interface PageAddressWatch {
  /** The address the page was last checked at (the one it loaded with, at first). */
  checked: string;
  /** Reads the address now (`location.href`). */
  read: () => string;
  /** Runs for each new page, once its view has had time to render. */
  onNewPage: (href: string) => void;
  /** False once the extension is gone (reloaded, updated or removed): the watch then stops. */
  alive: () => boolean;
  /** `window.navigation` where the browser has it (Chromium; Firefox from 147). */
  navigation?: NavigationEvents;
  /** Wait after an address change before `onNewPage`, so the new view is there. */
  settleMs?: number;
  /** How often `location.href` is read without the Navigation API. */
  pollMs?: number;
}

/**
 * Calls `onNewPage` after in-page navigation to another address (pushState, replaceState, back,
 * forward), `settleMs` after the last change. Returns a function that stops watching.
 */
export function watchPageAddress(watch: PageAddressWatch): () => void {
  const { read, onNewPage, alive, navigation, settleMs = 400, pollMs = 1_000 } = watch;
  let checked = watch.checked;
  let pending: ReturnType<typeof setTimeout> | undefined;
  let poll: ReturnType<typeof setInterval> | undefined;

  const stop = () => {
    navigation?.removeEventListener('currententrychange', changed);
    if (poll !== undefined) clearInterval(poll);
    if (pending !== undefined) clearTimeout(pending);
    poll = pending = undefined;
  };
  const settled = () => {
    pending = undefined;
    if (!alive()) return stop();
    const href = read();
    // Back to the address already checked before the view settled: nothing new to say.
    if (!isNewPageAddress(checked, href)) return;
    checked = href;
    onNewPage(href);
  };
  function changed() {
    if (!alive()) return stop();
    if (!isNewPageAddress(checked, read())) return;
    // Several quick changes (a redirect by replaceState) lead to one check, after the last.
    if (pending !== undefined) clearTimeout(pending);
    pending = setTimeout(settled, settleMs);
  }

  if (navigation) navigation.addEventListener('currententrychange', changed);
  else poll = setInterval(changed, pollMs);
  return stop;
}

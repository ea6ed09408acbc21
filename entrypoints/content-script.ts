import { documentHeadMayBeStale, watchPageAddress, type NavigationEvents } from '@/utils/address';
import { firstCheck } from '@/utils/detect/first-check';
import { envelope } from '@/utils/messages';

/**
 * Runs on every matching page (declared in wxt.config.ts's manifest, and registered by
 * background/site-access.ts for "detect on all sites"): only the first check (head and address),
 * then one small message. Where that does not rule the page out, the background injects
 * entrypoints/full-check.ts, whose full check decides. An unlisted script rather than WXT's
 * content script: WXT's ContentScriptContext posts a message naming the extension to the page's
 * window on every load, which any page script could read. This reads the page and never changes
 * it or talks to it.
 */
export default defineUnlistedScript(() => {
  // The head may describe an earlier view only once a single-page app changed the address in place.
  // After an in-page navigation that is so; on the first run (document_idle) the check asks the
  // Navigation Timing and Navigation APIs only when the head alone would rule the page out: asking
  // costs a fresh page 0.2-0.3 ms.
  const run = (url: string, afterInPageNavigation: boolean) => {
    const started = performance.now();
    const check = firstCheck(document, url, afterInPageNavigation || documentHeadMayBeStale);
    const ms = performance.now() - started;
    browser.runtime.sendMessage(envelope('content/checked', { url, check, ms })).catch(() => {
      // The extension was reloaded or updated: this old script has nobody to talk to.
    });
  };
  run(location.href, false);
  // Single-page apps: check again once the new view has rendered its content.
  watchPageAddress({
    checked: location.href,
    read: () => location.href,
    onNewPage: (url) => run(url, true),
    alive: () => browser.runtime?.id !== undefined,
    navigation: (window as { navigation?: NavigationEvents }).navigation,
  });
});

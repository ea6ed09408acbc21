import { watchPageAddress, type NavigationEvents } from '@/utils/address';
import { isPublicationPage } from '@/utils/detect';
import { envelope } from '@/utils/messages';

/**
 * Runs on every matching page (declared in wxt.config.ts's manifest, and registered by
 * background/site-access.ts for "detect on all sites"): only the cheap check, then one small
 * message. The full extractor is injected by the background where the check says yes
 * (entrypoints/extractor.ts). An unlisted script rather than WXT's content script: WXT's
 * ContentScriptContext posts a message naming the extension to the page's window on every load,
 * which any page script could read. This reads the page and never changes it or talks to it.
 */
export default defineUnlistedScript(() => {
  const check = (url: string) => {
    const started = performance.now();
    const detection = isPublicationPage(document, url);
    const ms = performance.now() - started;
    browser.runtime.sendMessage(envelope('content/checked', { url, detection, ms })).catch(() => {
      // The extension was reloaded or updated: this old script has nobody to talk to.
    });
  };
  check(location.href);
  // Single-page apps: check again once the new view has rendered its content.
  watchPageAddress({
    checked: location.href,
    read: () => location.href,
    onNewPage: check,
    alive: () => browser.runtime?.id !== undefined,
    navigation: (window as { navigation?: NavigationEvents }).navigation,
  });
});

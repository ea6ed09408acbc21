import { isPublicationPage } from '@/utils/detect';
import { envelope } from '@/utils/messages';
import { PUBLISHER_MATCH_PATTERNS } from '@/utils/publishers';

/**
 * Runs on every matching page: only the cheap check, then one small message. The full extractor
 * is injected by the background where the check says yes (entrypoints/extractor.ts). Reads the
 * page, never changes it.
 */
export default defineContentScript({
  matches: PUBLISHER_MATCH_PATTERNS,
  runAt: 'document_idle',
  main(ctx) {
    const check = () => {
      if (ctx.isInvalid) return;
      const detection = isPublicationPage(document, location.href);
      browser.runtime
        .sendMessage(envelope('content/checked', { url: location.href, detection }))
        .catch(() => {
          // The extension was reloaded or updated: this old script has nobody to talk to.
        });
    };
    check();
    // Single-page apps: check again once the new view has rendered its content.
    ctx.addEventListener(window, 'wxt:locationchange', () => ctx.setTimeout(check, 400));
  },
});

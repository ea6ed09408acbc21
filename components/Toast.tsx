/** The page's short confirmation line (utils/stores/notice.ts), with its optional action. */
import { t } from '@/utils/i18n';
import type { NoticeStore } from '@/utils/stores/notice';

export function Toast({ store }: { store: NoticeStore }) {
  const notice = store.current.value;
  return (
    <div class="toast-region" role="status" aria-live="polite" data-testid="toast-region">
      {notice && (
        <div class={`toast ${notice.kind}`} data-testid="toast">
          <span>{notice.text}</span>
          {notice.action && (
            <button type="button" class="link-button" data-testid="toast-action" onClick={store.act}>
              {notice.action.label}
            </button>
          )}
          <button type="button" class="icon-button" aria-label={t('closeButton')} onClick={store.clear}>
            <span aria-hidden="true">×</span>
          </button>
        </div>
      )}
    </div>
  );
}

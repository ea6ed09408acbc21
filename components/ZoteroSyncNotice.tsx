/**
 * The popup's line about the sync through a Zotero library: shown when the last sync failed
 * (Zotero offline, the key refused, anything else) or changes still wait to go, with the number
 * waiting and a way to the options, where the whole status is. Nothing while sync is off or all
 * is in Zotero. The status is the one the background keeps in `storage.local`
 * (utils/zotero/sync-settings.ts); this only reads it.
 */
import { useEffect, useState } from 'preact/hooks';
import { formatNumber, t } from '@/utils/i18n';
import { syncNotice, type SyncNotice } from '@/utils/zotero/sync-queue';
import type { SyncStatus } from '@/utils/zotero/sync-settings';

export interface SyncNoticePorts {
  load: () => Promise<{ on: boolean; status?: SyncStatus }>;
  /** Calls back when the status or the choice changes; returns the unsubscribe. */
  onChange: (listener: () => void) => () => void;
}

const PROBLEM = {
  offline: 'zoteroNoticeOffline',
  'bad-key': 'zoteroNoticeBadKey',
  failed: 'zoteroNoticeFailed',
} as const;

export function ZoteroSyncNotice({
  ports,
  openOptions,
}: {
  ports: SyncNoticePorts;
  openOptions: () => void;
}) {
  const [notice, setNotice] = useState<SyncNotice | undefined>();
  useEffect(() => {
    let live = true;
    const read = () =>
      void ports
        .load()
        .then(({ on, status }) => live && setNotice(syncNotice(on, status)))
        .catch(() => undefined);
    read();
    const stop = ports.onChange(read);
    return () => {
      live = false;
      stop();
    };
  }, [ports]);
  if (!notice) return null;
  const problem = notice.kind === 'waiting' ? undefined : PROBLEM[notice.kind];
  return (
    <p
      class={`zotero-sync-notice small${problem ? ' error' : ''}`}
      role="status"
      data-testid="zotero-sync-notice"
      data-kind={notice.kind}
    >
      {problem && `${t(problem)} `}
      {notice.pending > 0 && `${t('zoteroSyncPending', formatNumber(notice.pending))} `}
      <button type="button" class="link-button" data-testid="zotero-sync-notice-open" onClick={openOptions}>
        {t('zoteroNoticeOpen')}
      </button>
    </p>
  );
}

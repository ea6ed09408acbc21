/**
 * Zotero in the interface: a "Send to Zotero" button (popup: this page; library: the selection or
 * the whole list), with "attach PDF" where the target has one, and the Zotero section of the
 * options (on/off, the hosts Leesmap may reach). The host permissions are asked from the click
 * itself, the first thing its handler does: the browser grants them only from a user gesture, and
 * no request reaches Zotero before the reader said yes.
 */
import { useEffect, useState } from 'preact/hooks';
import { formatDate, formatNumber, t, type MessageKey } from '@/utils/i18n';
import {
  ZOTERO_CONNECTOR,
  zoteroOrigins,
  type SendResult,
  type ZoteroProblem,
} from '@/utils/zotero/connector';
import { browserSyncPorts } from '@/utils/zotero/sync-ports';
import { ZoteroSync, type ZoteroSyncPorts } from './ZoteroSync';

const PROBLEM_TEXT: Record<ZoteroProblem, MessageKey> = {
  'not-running': 'zoteroErrorNotRunning',
  'read-only': 'zoteroErrorReadOnly',
  'session-exists': 'zoteroErrorSessionExists',
  'no-permission': 'zoteroErrorNoPermission',
  'pdf-unavailable': 'zoteroPdfMissing',
  failed: 'zoteroErrorFailed',
};

/** The sentence for a failed send: `code` is `zotero:<problem>` from the background. */
export function zoteroProblemText(code: string | undefined): string {
  const problem = code?.startsWith('zotero:') ? code.slice('zotero:'.length) : '';
  return Object.prototype.hasOwnProperty.call(PROBLEM_TEXT, problem)
    ? t(PROBLEM_TEXT[problem as ZoteroProblem])
    : t('zoteroErrorFailed');
}

/** The sentence for a send that went through. */
export function zoteroResultText(result: SendResult): string {
  const parts = [t('zoteroSent', formatNumber(result.saved))];
  if (result.attached > 0) parts.push(t('zoteroSentPdf', formatNumber(result.attached)));
  if (result.pdfMissing > 0) parts.push(t('zoteroPdfMissing'));
  return parts.join(' ');
}

export interface ZoteroSendProps {
  /** The button's text (a function: it follows the interface language). */
  label: () => string;
  /** The PDFs of what would be sent (none: no "attach PDF" box). */
  pdfUrls: () => string[];
  send: (attachPdf: boolean) => Promise<SendResult>;
  /** `browser.permissions.request` for these origins. */
  request: (origins: string[]) => Promise<boolean>;
  /** Read at each render (a signal's value may change). */
  disabled?: () => boolean;
  idPrefix: string;
}

export function ZoteroSend({ label, pdfUrls, send, request, disabled, idPrefix }: ZoteroSendProps) {
  const [attachPdf, setAttachPdf] = useState(false);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<{ text: string; error: boolean } | undefined>();
  const pdfs = pdfUrls();
  const click = () => {
    const wanted = attachPdf && pdfs.length > 0;
    // First thing in the handler: the browser grants permissions only from the click.
    const asking = request(zoteroOrigins(wanted ? pdfs : []));
    setBusy(true);
    setStatus({ text: t('zoteroSending'), error: false });
    void asking
      .then(async (granted) => {
        if (!granted) throw Object.assign(new Error('denied'), { code: 'zotero:no-permission' });
        setStatus({ text: zoteroResultText(await send(wanted)), error: false });
      })
      .catch((error: unknown) =>
        setStatus({ text: zoteroProblemText((error as { code?: string } | null)?.code), error: true }),
      )
      .finally(() => setBusy(false));
  };
  return (
    <div class="zotero-send inline-row" data-testid={`${idPrefix}-zotero`}>
      <button
        type="button"
        data-testid={`${idPrefix}-zotero-send`}
        disabled={disabled?.() === true || busy}
        onClick={click}
      >
        {label()}
      </button>
      {pdfs.length > 0 && (
        <label class="option">
          <input
            type="checkbox"
            data-testid={`${idPrefix}-zotero-pdf`}
            checked={attachPdf}
            onChange={(e) => setAttachPdf((e.currentTarget as HTMLInputElement).checked)}
          />
          {t('zoteroAttachPdf')}
        </label>
      )}
      {status && (
        <p
          class={status.error ? 'error' : 'muted small'}
          role={status.error ? 'alert' : 'status'}
          data-testid={`${idPrefix}-zotero-status`}
        >
          {status.text}
        </p>
      )}
    </div>
  );
}

export interface ZoteroOptionsProps {
  /** Whether the connector permission is granted (Zotero on). */
  enabled: () => Promise<boolean>;
  request: (origins: string[]) => Promise<boolean>;
  remove: (origins: string[]) => Promise<boolean>;
  /** The last send (from any page or the context menu). */
  last: () => Promise<{ at: number; saved?: number; problem?: string } | undefined>;
  /** The sync through a Zotero library (default: over the browser). */
  sync?: ZoteroSyncPorts;
}

export function ZoteroOptions({ enabled, request, remove, last, sync }: ZoteroOptionsProps) {
  const [on, setOn] = useState<boolean | undefined>();
  const [lastText, setLastText] = useState('');
  useEffect(() => {
    void enabled().then(setOn);
    void last().then((outcome) => {
      if (!outcome) return;
      const what = outcome.problem
        ? zoteroProblemText(`zotero:${outcome.problem}`)
        : t('zoteroSent', formatNumber(outcome.saved ?? 0));
      setLastText(t('zoteroLast', formatDate(outcome.at), what));
    });
  }, []);
  const toggle = () => {
    const origins = zoteroOrigins();
    const change = on ? remove(origins).then((removed) => !removed) : request(origins);
    void change.then(setOn);
  };
  return (
    <section class="panel" data-testid="zotero-options" aria-labelledby="zotero-options-title">
      <h2 id="zotero-options-title">{t('zoteroOptionsTitle')}</h2>
      <p class="muted small">{t('zoteroOptionsHint')}</p>
      <p role="status" data-testid="zotero-options-state">
        {on === undefined ? '' : on ? t('zoteroOptionsStateOn') : t('zoteroOptionsStateOff')}
      </p>
      <button type="button" data-testid="zotero-options-toggle" disabled={on === undefined} onClick={toggle}>
        {on ? t('zoteroOptionsTurnOff') : t('zoteroOptionsTurnOn')}
      </button>
      <p class="small">
        {t('zoteroOptionsHosts')}{' '}
        <code data-testid="zotero-options-hosts">{on ? ZOTERO_CONNECTOR : '—'}</code>
      </p>
      {lastText && (
        <p class="muted small" data-testid="zotero-options-last">
          {lastText}
        </p>
      )}
      <ZoteroSync ports={sync ?? browserSyncPorts()} />
    </section>
  );
}

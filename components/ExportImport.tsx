/**
 * Export (Leesmap JSON, CSL-JSON, CSV; see utils/stores/transfer.ts) as a file download made in the page, and import
 * of a chosen file: read and validated here (utils/export), written by the background ('page/import').
 */
import { useState } from 'preact/hooks';
import { formatNumber, t, type MessageKey } from '@/utils/i18n';
import type { SavedPublication } from '@/utils/publication';
import type { Send } from '@/utils/stores/reading-list';
import { exportFile, importFile, PAGE_EXPORT_FORMATS, type PageExportFormat } from '@/utils/stores/transfer';

const FORMAT_LABELS: Record<PageExportFormat, MessageKey> = {
  'leesmap-json': 'formatLeesmapJson',
  'csl-json': 'formatCslJson',
  csv: 'formatCsv',
};

/** An import file larger than this is refused before reading (a 10,000-record backup is ~10 MB). */
const MAX_IMPORT_BYTES = 100 * 1024 * 1024;

function download(filename: string, mimeType: string, content: string) {
  const url = URL.createObjectURL(new Blob([content], { type: `${mimeType};charset=utf-8` }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function ExportPanel({
  records,
  idPrefix,
  label,
}: {
  records: () => SavedPublication[] | Promise<SavedPublication[]>;
  idPrefix: string;
  label?: string;
}) {
  const [format, setFormat] = useState<PageExportFormat>('leesmap-json');
  const [message, setMessage] = useState('');
  return (
    <section class="panel" aria-labelledby={`${idPrefix}-export-heading`} data-testid="export-panel">
      <h2 id={`${idPrefix}-export-heading`}>{t('exportHeading')}</h2>
      <div class="inline-row">
        <label for={`${idPrefix}-export-format`}>{t('exportFormat')}</label>
        <select
          id={`${idPrefix}-export-format`}
          data-testid="export-format"
          value={format}
          onChange={(e) => setFormat((e.currentTarget as HTMLSelectElement).value as PageExportFormat)}
        >
          {PAGE_EXPORT_FORMATS.map((f) => (
            <option key={f} value={f}>
              {t(FORMAT_LABELS[f])}
            </option>
          ))}
        </select>
        <button
          type="button"
          class="primary"
          data-testid="export-button"
          onClick={async () => {
            try {
              const list = await records();
              const file = exportFile(list, format);
              download(file.filename, file.mimeType, file.content);
              setMessage(t('exportDone', formatNumber(list.length)));
            } catch (e) {
              setMessage(t('errorGeneric', e instanceof Error ? e.message : String(e)));
            }
          }}
        >
          {label ?? t('exportButton')}
        </button>
      </div>
      <p role="status" class="muted small" data-testid="export-status">
        {message}
      </p>
    </section>
  );
}

export function ImportPanel({ send, idPrefix }: { send: Send; idPrefix: string }) {
  const [file, setFile] = useState<File | undefined>();
  const [mode, setMode] = useState<'merge' | 'replace'>('merge');
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);
  return (
    <section class="panel" aria-labelledby={`${idPrefix}-import-heading`} data-testid="import-panel">
      <h2 id={`${idPrefix}-import-heading`}>{t('importHeading')}</h2>
      <div class="inline-row">
        <label for={`${idPrefix}-import-file`}>{t('importFile')}</label>
        <input
          id={`${idPrefix}-import-file`}
          type="file"
          data-testid="import-file"
          accept=".json,application/json"
          onChange={(e) => setFile((e.currentTarget as HTMLInputElement).files?.[0])}
        />
      </div>
      <fieldset>
        <legend>{t('importMode')}</legend>
        <label class="option">
          <input type="radio" name={`${idPrefix}-import-mode`} checked={mode === 'merge'} onChange={() => setMode('merge')} />
          {t('importMerge')}
        </label>
        <label class="option">
          <input type="radio" name={`${idPrefix}-import-mode`} checked={mode === 'replace'} onChange={() => setMode('replace')} />
          {t('importReplace')}
        </label>
      </fieldset>
      <button
        type="button"
        data-testid="import-button"
        disabled={!file || busy}
        onClick={async () => {
          if (!file) return;
          setBusy(true);
          try {
            if (file.size > MAX_IMPORT_BYTES) throw new Error(`${file.name}: > ${MAX_IMPORT_BYTES / 1024 / 1024} MB`);
            const records = importFile(await file.text());
            const { added, updated } = await send('page/import', { records, mode });
            setMessage(t('importDone', formatNumber(added), formatNumber(updated)));
          } catch (e) {
            setMessage(t('importFailed', e instanceof Error ? e.message : String(e)));
          } finally {
            setBusy(false);
          }
        }}
      >
        {t('importButton')}
      </button>
      <p role="status" class="muted small" data-testid="import-status">
        {message}
      </p>
    </section>
  );
}

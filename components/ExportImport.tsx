/**
 * Export (Leesmap JSON, CSL-JSON, BibTeX, RIS, CSV) as a file download made in the page, and import
 * of a chosen file (Leesmap JSON, CSL-JSON, BibTeX, RIS, recognised from its content): read and
 * validated in the page, written by the background ('page/import'). State and work live in
 * utils/stores/transfer.ts; these components only wire it to controls.
 */
import { useMemo, useRef } from 'preact/hooks';
import { t } from '@/utils/i18n';
import type { SavedPublication } from '@/utils/publication';
import type { Send } from '@/utils/stores/reading-list';
import {
  createExportStore,
  createImportStore,
  FORMAT_LABELS,
  IMPORT_ACCEPT,
  PAGE_EXPORT_FORMATS,
  type ExportedFile,
  type ImportMode,
  type PageExportFormat,
} from '@/utils/stores/transfer';

function download({ filename, mimeType, content }: ExportedFile) {
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
  /** The records to export when the button is pressed: the list, or the page's selection. */
  records: () => SavedPublication[] | Promise<SavedPublication[]>;
  idPrefix: string;
  label?: string;
}) {
  // The store lives as long as the panel; it asks the latest `records` prop when exporting.
  const latest = useRef(records);
  latest.current = records;
  const store = useMemo(() => createExportStore({ records: () => latest.current(), download }), []);
  return (
    <section class="panel" aria-labelledby={`${idPrefix}-export-heading`} data-testid="export-panel">
      <h2 id={`${idPrefix}-export-heading`}>{t('exportHeading')}</h2>
      <div class="inline-row">
        <label for={`${idPrefix}-export-format`}>{t('exportFormat')}</label>
        <select
          id={`${idPrefix}-export-format`}
          data-testid="export-format"
          value={store.format.value}
          onChange={(e) => (store.format.value = (e.currentTarget as HTMLSelectElement).value as PageExportFormat)}
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
          disabled={store.busy.value}
          onClick={() => void store.exportNow()}
        >
          {label ?? t('exportButton')}
        </button>
      </div>
      <p role="status" class={store.failed.value ? 'error small' : 'muted small'} data-testid="export-status">
        {store.message.value}
      </p>
    </section>
  );
}

export function ImportPanel({ send, idPrefix }: { send: Send; idPrefix: string }) {
  const store = useMemo(() => createImportStore({ send }), [send]);
  const mode = store.mode.value;
  const setMode = (next: ImportMode) => (store.mode.value = next);
  const problems = store.problems.value;
  return (
    <section class="panel" aria-labelledby={`${idPrefix}-import-heading`} data-testid="import-panel">
      <h2 id={`${idPrefix}-import-heading`}>{t('importHeading')}</h2>
      <div class="inline-row">
        <label for={`${idPrefix}-import-file`}>{t('importFile')}</label>
        <input
          id={`${idPrefix}-import-file`}
          type="file"
          data-testid="import-file"
          accept={IMPORT_ACCEPT}
          aria-describedby={`${idPrefix}-import-hint`}
          onChange={(e) => store.chooseFile((e.currentTarget as HTMLInputElement).files?.[0])}
        />
      </div>
      <p id={`${idPrefix}-import-hint`} class="muted small">
        {t('importFormatsHint')}
      </p>
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
        disabled={!store.file.value || store.busy.value}
        onClick={() => void store.importNow()}
      >
        {t('importButton')}
      </button>
      <div role="status" data-testid="import-status">
        <p class={problems.length ? 'error small' : 'muted small'}>{store.message.value}</p>
        {problems.length > 0 && (
          <ul class="small" data-testid="import-problems">
            {problems.map((problem, i) => (
              <li key={i}>{problem}</li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}

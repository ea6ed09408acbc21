/**
 * Export (Leesmap JSON, CSL-JSON, BibTeX, RIS, CSV) as a file download made in the page, and import
 * of a chosen file (Leesmap JSON, CSL-JSON, BibTeX, RIS, recognised from its content): read,
 * validated and previewed in the page, written when the reader confirms, undoable once. State and
 * work live in utils/stores/transfer.ts; these components only wire it to controls.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { formatNumber, t, type MessageKey } from '@/utils/i18n';
import type { SavedPublication } from '@/utils/record';
import {
  createExportStore,
  createImportStore,
  FORMAT_LABELS,
  IMPORT_ACCEPT,
  PAGE_EXPORT_FORMATS,
  type ExportedFile,
  type ImportMode,
  type ImportPorts,
  type ImportStore,
  type PageExportFormat,
} from '@/utils/stores/transfer';

/** How the preview names a record's fields. */
const FIELD_LABELS: Record<string, MessageKey> = {
  title: 'fieldTitle',
  subtitle: 'fieldSubtitle',
  authors: 'fieldAuthors',
  published: 'fieldPublished',
  year: 'fieldYear',
  publisher: 'fieldPublisher',
  type: 'fieldType',
  themes: 'fieldThemes',
  keywords: 'fieldKeywords',
  summary: 'fieldSummary',
  language: 'fieldLanguage',
  related: 'fieldRelated',
  pdfUrl: 'fieldPdf',
  url: 'fieldAddress',
  canonicalUrl: 'fieldAddress',
  doi: 'fieldIdentifiers',
  isbn: 'fieldIdentifiers',
  tags: 'fieldTags',
  notes: 'fieldNotes',
  status: 'fieldStatus',
  starred: 'starred',
};

const IMPORT_MODES: ReadonlyArray<[ImportMode, MessageKey]> = [
  ['merge', 'importMerge'],
  ['replace', 'importReplace'],
];

/** A button of a panel whose store may be busy: it waits while the store works. */
function StoreButton(p: {
  store: { busy: { value: boolean } };
  testId: string;
  primary?: boolean;
  onClick: () => void;
  children: ComponentChildren;
}) {
  return (
    <button
      type="button"
      class={p.primary ? 'primary' : undefined}
      data-testid={p.testId}
      disabled={p.store.busy.value}
      onClick={p.onClick}
    >
      {p.children}
    </button>
  );
}

function fieldList(fields: string[]): string {
  return [...new Set(fields.map((field) => (FIELD_LABELS[field] ? t(FIELD_LABELS[field]) : field)))].join(
    ', ',
  );
}

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
  listSize,
}: {
  /** The records to export when the button is pressed: the list, or the page's selection. */
  records: () => SavedPublication[] | Promise<SavedPublication[]>;
  idPrefix: string;
  label?: string;
  /** The number of records in the list: a notice about an earlier export goes when it is 0. */
  listSize?: number;
}) {
  // The store lives as long as the panel; it asks the latest `records` prop when exporting.
  const latest = useRef(records);
  latest.current = records;
  const store = useMemo(() => createExportStore({ records: () => latest.current(), download }), []);
  // A notice about an earlier export goes once the list is emptied (it no longer describes it).
  useEffect(() => {
    if (listSize === 0 && !store.busy.peek()) store.message.value = '';
  }, [listSize]);
  return (
    <section class="panel" aria-labelledby={`${idPrefix}-export-heading`} data-testid="export-panel">
      <h2 id={`${idPrefix}-export-heading`}>{t('exportHeading')}</h2>
      <div class="inline-row">
        <label for={`${idPrefix}-export-format`}>{t('exportFormat')}</label>
        <select
          id={`${idPrefix}-export-format`}
          data-testid="export-format"
          value={store.format.value}
          onChange={(e) =>
            (store.format.value = (e.currentTarget as HTMLSelectElement).value as PageExportFormat)
          }
        >
          {PAGE_EXPORT_FORMATS.map((f) => (
            <option key={f} value={f}>
              {t(FORMAT_LABELS[f])}
            </option>
          ))}
        </select>
        <StoreButton store={store} primary testId="export-button" onClick={() => void store.exportNow()}>
          {label ?? t('exportButton')}
        </StoreButton>
      </div>
      <p role="status" class={store.failed.value ? 'error small' : 'muted small'} data-testid="export-status">
        {store.message.value}
      </p>
    </section>
  );
}

/**
 * A file field whose button and "no file" text are ours, in the interface language (the browser
 * draws its own in the browser's language: "Choose File" in a Dutch interface).
 */
function FilePicker({
  id,
  hint,
  onFile,
}: {
  id: string;
  hint: string;
  onFile: (file: File | undefined) => void;
}) {
  const [name, setName] = useState('');
  return (
    <div class="inline-row file-picker">
      <span id={`${id}-label`}>{t('importFile')}</span>
      <input
        id={id}
        type="file"
        class="visually-hidden"
        data-testid="import-file"
        accept={IMPORT_ACCEPT}
        aria-labelledby={`${id}-label`}
        aria-describedby={hint}
        onChange={(e) => {
          const file = (e.currentTarget as HTMLInputElement).files?.[0];
          setName(file?.name ?? '');
          onFile(file);
        }}
      />
      <label for={id} class="button-like">
        {t('importChooseFile')}
      </label>
      <span class="muted small" data-testid="import-file-name">
        {name || t('importNoFile')}
      </span>
    </div>
  );
}

export function ImportPanel({ ports, idPrefix }: { ports: ImportPorts; idPrefix: string }) {
  const store = useMemo(() => createImportStore({ ports }), [ports]);
  useEffect(() => void store.start(), [store]);
  const mode = store.mode.value;
  const setMode = (next: ImportMode) => (store.mode.value = next);
  const problems = store.problems.value;
  return (
    <section class="panel" aria-labelledby={`${idPrefix}-import-heading`} data-testid="import-panel">
      <h2 id={`${idPrefix}-import-heading`}>{t('importHeading')}</h2>
      <FilePicker
        id={`${idPrefix}-import-file`}
        hint={`${idPrefix}-import-hint`}
        onFile={(file) => store.chooseFile(file)}
      />
      <p id={`${idPrefix}-import-hint`} class="muted small">
        {t('importFormatsHint')}
      </p>
      <fieldset>
        <legend>{t('importMode')}</legend>
        {IMPORT_MODES.map(([value, label]) => (
          <label class="option" key={value}>
            <input
              type="radio"
              data-testid={`import-mode-${value}`}
              name={`${idPrefix}-import-mode`}
              checked={mode === value}
              onChange={() => setMode(value)}
            />
            {t(label)}
          </label>
        ))}
      </fieldset>
      <div class="inline-row">
        <button
          type="button"
          data-testid="import-button"
          disabled={!store.file.value || store.busy.value}
          onClick={() => void store.check()}
        >
          {t('importCheck')}
        </button>
        {store.canUndo.value && (
          <button
            type="button"
            data-testid="import-undo"
            disabled={store.busy.value}
            onClick={() => void store.undo()}
          >
            {t('importUndo')}
          </button>
        )}
      </div>
      <ImportPreviewBox store={store} />
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

/** What the import would change, and the reader's go-ahead: nothing is written before it. */
function ImportPreviewBox({ store }: { store: ImportStore }) {
  const plan = store.pending.value;
  if (!plan) return null;
  const changed = Object.keys(plan.changedFields);
  return (
    <div class="notice" data-testid="import-preview">
      <div>
        <p>
          {t(
            'importPreview',
            t(FORMAT_LABELS[plan.format]),
            formatNumber(plan.added),
            formatNumber(plan.updated),
            formatNumber(plan.unchanged),
          )}
        </p>
        {changed.length > 0 && <p class="small">{t('importPreviewFields', fieldList(changed))}</p>}
        {plan.removed > 0 && (
          <p class="small error">{t('importPreviewRemoved', formatNumber(plan.removed))}</p>
        )}
        {plan.lacking.length > 0 && (
          <p class="small muted">{t('importPreviewLacking', fieldList(plan.lacking))}</p>
        )}
        <div class="inline-row">
          <StoreButton store={store} primary testId="import-confirm" onClick={() => void store.confirm()}>
            {plan.mode === 'replace'
              ? t('importConfirmReplace', formatNumber(plan.removed))
              : t('importConfirm')}
          </StoreButton>
          <StoreButton store={store} testId="import-cancel" onClick={store.cancel}>
            {t('importCancel')}
          </StoreButton>
        </div>
      </div>
    </div>
  );
}

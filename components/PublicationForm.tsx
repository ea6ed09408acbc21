/**
 * Editing every field of a publication, before or after saving. Lists (authors one per line,
 * themes and tags comma-separated) keep the reader's typing as is and are parsed on each change.
 */
import { useState } from 'preact/hooks';
import { t } from '@/utils/i18n';
import type { Draft, DraftField } from '@/utils/stores/current-page';
import { KNOWN_TYPES, typeLabel } from './labels';
import { Select } from './Select';
import { StatusToggle } from './StatusToggle';

export interface PublicationFormProps {
  draft: Draft;
  onField: <K extends DraftField>(field: K, value: Draft[K]) => void;
  onSubmit: () => void;
  onCancel: () => void;
  busy?: boolean;
  submitLabel: string;
  /** Prefix for element ids, so two forms on one page don't clash. */
  idPrefix: string;
}

const splitLines = (text: string) => text.split('\n');
const splitCommas = (text: string) => text.split(/[,;]/);

type ListName = 'authors' | 'themes' | 'tags';

/** A list field: the reader's typing is kept as is and parsed on each change. */
function ListField({
  id,
  name,
  label,
  hint,
  initial,
  onField,
}: {
  id: string;
  name: ListName;
  label: string;
  hint: string;
  initial: string[];
  onField: PublicationFormProps['onField'];
}) {
  const lines = name === 'authors';
  const [text, setText] = useState(initial.join(lines ? '\n' : ', '));
  const onInput = (e: Event) => {
    const value = (e.currentTarget as HTMLInputElement | HTMLTextAreaElement).value;
    setText(value);
    onField(name, lines ? splitLines(value) : splitCommas(value));
  };
  return (
    <>
      <label for={id}>
        {label} <span class="hint">· {hint}</span>
      </label>
      {lines ? (
        <textarea id={id} rows={3} data-testid={`edit-${name}`} value={text} onInput={onInput} />
      ) : (
        <input type="text" id={id} data-testid={`edit-${name}`} value={text} onInput={onInput} />
      )}
    </>
  );
}

function TypeSelect({
  id,
  value,
  onField,
}: {
  id: string;
  value: string;
  onField: PublicationFormProps['onField'];
}) {
  const types = KNOWN_TYPES.includes(value) || !value ? KNOWN_TYPES : [value, ...KNOWN_TYPES];
  return (
    <Select
      id={id}
      data-testid="edit-type"
      value={value}
      empty={t('typeNone')}
      choices={types.map((type) => ({ value: type, label: typeLabel(type) }))}
      onChoose={(type) => onField('type', type)}
    />
  );
}

function LongText({
  id,
  name,
  label,
  value,
  onField,
}: {
  id: string;
  name: 'summary' | 'notes';
  label: string;
  value: string;
  onField: PublicationFormProps['onField'];
}) {
  return (
    <>
      <label for={id}>{label}</label>
      <textarea
        id={id}
        rows={3}
        data-testid={`edit-${name}`}
        value={value}
        onInput={(e) => onField(name, (e.currentTarget as HTMLTextAreaElement).value)}
      />
    </>
  );
}

function FormActions(p: { busy?: boolean; title: string; submitLabel: string; onCancel: () => void }) {
  return (
    <div class="form-actions">
      <button
        type="submit"
        class="primary"
        disabled={p.busy || p.title.trim() === ''}
        data-testid="edit-submit"
      >
        {p.submitLabel}
      </button>
      <button type="button" onClick={p.onCancel} data-testid="edit-cancel">
        {t('cancelButton')}
      </button>
    </div>
  );
}

export function PublicationForm({
  draft,
  onField,
  onSubmit,
  onCancel,
  busy,
  submitLabel,
  idPrefix,
}: PublicationFormProps) {
  const id = (field: string) => `${idPrefix}-${field}`;
  const text = (field: 'title' | 'subtitle' | 'publisher' | 'year') => ({
    id: id(field),
    value: draft[field],
    'data-testid': `edit-${field}`,
    onInput: (e: Event) => onField(field, (e.currentTarget as HTMLInputElement).value),
  });
  const list = (name: ListName, label: string, hint: string) => (
    <ListField id={id(name)} name={name} label={label} hint={hint} initial={draft[name]} onField={onField} />
  );
  return (
    <form
      class="pub-form"
      data-testid="edit-form"
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit();
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          onCancel();
        }
      }}
    >
      <label for={id('title')}>{t('fieldTitle')}</label>
      <input type="text" required maxLength={1000} {...text('title')} />
      <label for={id('subtitle')}>{t('fieldSubtitle')}</label>
      <input type="text" maxLength={1000} {...text('subtitle')} />
      {list('authors', t('fieldAuthors'), t('fieldAuthorsHint'))}
      <div class="form-row">
        <div>
          <label for={id('year')}>{t('fieldYear')}</label>
          <input type="text" inputMode="numeric" pattern="\d{4}" maxLength={4} size={5} {...text('year')} />
        </div>
        <div>
          <label for={id('type')}>{t('fieldType')}</label>
          <TypeSelect id={id('type')} value={draft.type} onField={onField} />
        </div>
      </div>
      <label for={id('publisher')}>{t('fieldPublisher')}</label>
      <input type="text" maxLength={1000} {...text('publisher')} />
      {list('themes', t('fieldThemes'), t('fieldListHint'))}
      {list('tags', t('fieldTags'), t('fieldListHint'))}
      <span class="label" id={id('status-label')}>
        {t('fieldStatus')}
      </span>
      <StatusToggle status={draft.status} onChange={(s) => onField('status', s)} title={draft.title} />
      <LongText
        id={id('summary')}
        name="summary"
        label={t('fieldSummary')}
        value={draft.summary}
        onField={onField}
      />
      <LongText id={id('notes')} name="notes" label={t('fieldNotes')} value={draft.notes} onField={onField} />
      <FormActions busy={busy} title={draft.title} submitLabel={submitLabel} onCancel={onCancel} />
    </form>
  );
}

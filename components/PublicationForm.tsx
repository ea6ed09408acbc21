/**
 * Editing every field of a publication, before or after saving. Lists (authors one per line,
 * themes and tags comma-separated) keep the reader's typing as is and are parsed on each change.
 */
import { useState } from 'preact/hooks';
import { t } from '@/utils/i18n';
import type { Draft, DraftField } from '@/utils/stores/current-page';
import { KNOWN_TYPES, typeLabel } from './labels';
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

export function PublicationForm({
  draft,
  onField,
  onSubmit,
  onCancel,
  busy,
  submitLabel,
  idPrefix,
}: PublicationFormProps) {
  const [authorsText, setAuthorsText] = useState(draft.authors.join('\n'));
  const [themesText, setThemesText] = useState(draft.themes.join(', '));
  const [tagsText, setTagsText] = useState(draft.tags.join(', '));
  const id = (field: string) => `${idPrefix}-${field}`;
  const text = (field: 'title' | 'subtitle' | 'publisher' | 'year') => ({
    id: id(field),
    value: draft[field],
    'data-testid': `edit-${field}`,
    onInput: (e: Event) => onField(field, (e.currentTarget as HTMLInputElement).value),
  });
  const types = KNOWN_TYPES.includes(draft.type) || !draft.type ? KNOWN_TYPES : [draft.type, ...KNOWN_TYPES];

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
      <label for={id('authors')}>
        {t('fieldAuthors')} <span class="hint">({t('fieldAuthorsHint')})</span>
      </label>
      <textarea
        id={id('authors')}
        rows={3}
        data-testid="edit-authors"
        value={authorsText}
        onInput={(e) => {
          const value = (e.currentTarget as HTMLTextAreaElement).value;
          setAuthorsText(value);
          onField('authors', splitLines(value));
        }}
      />
      <div class="form-row">
        <div>
          <label for={id('year')}>{t('fieldYear')}</label>
          <input type="text" inputMode="numeric" pattern="\d{4}" maxLength={4} size={5} {...text('year')} />
        </div>
        <div>
          <label for={id('type')}>{t('fieldType')}</label>
          <select
            id={id('type')}
            data-testid="edit-type"
            value={draft.type}
            onChange={(e) => onField('type', (e.currentTarget as HTMLSelectElement).value)}
          >
            <option value="">{t('typeNone')}</option>
            {types.map((type) => (
              <option key={type} value={type}>
                {typeLabel(type)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <label for={id('publisher')}>{t('fieldPublisher')}</label>
      <input type="text" maxLength={1000} {...text('publisher')} />
      <label for={id('themes')}>
        {t('fieldThemes')} <span class="hint">({t('fieldListHint')})</span>
      </label>
      <input
        type="text"
        id={id('themes')}
        data-testid="edit-themes"
        value={themesText}
        onInput={(e) => {
          const value = (e.currentTarget as HTMLInputElement).value;
          setThemesText(value);
          onField('themes', splitCommas(value));
        }}
      />
      <label for={id('tags')}>
        {t('fieldTags')} <span class="hint">({t('fieldListHint')})</span>
      </label>
      <input
        type="text"
        id={id('tags')}
        data-testid="edit-tags"
        value={tagsText}
        onInput={(e) => {
          const value = (e.currentTarget as HTMLInputElement).value;
          setTagsText(value);
          onField('tags', splitCommas(value));
        }}
      />
      <span class="label" id={id('status-label')}>
        {t('fieldStatus')}
      </span>
      <StatusToggle status={draft.status} onChange={(s) => onField('status', s)} title={draft.title} />
      <label for={id('summary')}>{t('fieldSummary')}</label>
      <textarea
        id={id('summary')}
        rows={3}
        data-testid="edit-summary"
        value={draft.summary}
        onInput={(e) => onField('summary', (e.currentTarget as HTMLTextAreaElement).value)}
      />
      <label for={id('notes')}>{t('fieldNotes')}</label>
      <textarea
        id={id('notes')}
        rows={3}
        data-testid="edit-notes"
        value={draft.notes}
        onInput={(e) => onField('notes', (e.currentTarget as HTMLTextAreaElement).value)}
      />
      <div class="form-actions">
        <button
          type="submit"
          class="primary"
          disabled={busy || draft.title.trim() === ''}
          data-testid="edit-submit"
        >
          {submitLabel}
        </button>
        <button type="button" onClick={onCancel} data-testid="edit-cancel">
          {t('cancelButton')}
        </button>
      </div>
    </form>
  );
}

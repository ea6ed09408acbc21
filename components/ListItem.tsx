/**
 * One saved publication in a list: title (a link when the address is http/https), authors, year,
 * publisher, themes, and the status buttons. Everything a page supplied is rendered as text.
 */
import { formatAuthors, formatDate, t } from '@/utils/i18n';
import type { ReadingStatus, SavedPublication } from '@/utils/publication';
import { safeHttpUrl } from '@/utils/sanitize';
import { StatusToggle } from './StatusToggle';

export interface ListItemProps {
  record: SavedPublication;
  onStatus: (status: ReadingStatus) => void;
  onEdit?: () => void;
  active?: boolean;
  selected?: boolean;
  onSelect?: (selected: boolean) => void;
  /** Shows when the record was saved (the library has room for it). */
  showSavedDate?: boolean;
}

export function ListItem({
  record,
  onStatus,
  onEdit,
  active,
  selected,
  onSelect,
  showSavedDate,
}: ListItemProps) {
  const href = safeHttpUrl(record.url);
  const title = record.title || record.url;
  const themes = record.themes.slice(0, 4).join(' · ');
  return (
    <article
      class={`item${active ? ' active' : ''}${selected ? ' selected' : ''}`}
      data-testid="list-item"
      data-id={record.id}
      aria-current={active ? 'true' : undefined}
      tabIndex={active === undefined ? undefined : -1}
    >
      {onSelect && (
        <input
          type="checkbox"
          class="item-select"
          checked={selected}
          aria-label={t('selectPublication', title)}
          data-testid="item-select"
          tabIndex={-1}
          onChange={(e) => onSelect((e.currentTarget as HTMLInputElement).checked)}
        />
      )}
      <div class="item-body">
        <h3 class="item-title" data-testid="item-title" title={title}>
          {href ? (
            <a href={href} target="_blank" rel="noopener noreferrer">
              {title}
            </a>
          ) : (
            title
          )}
        </h3>
        <p class="item-meta">
          <span data-testid="item-authors">{formatAuthors(record.authors)}</span>
          {record.year !== undefined && (
            <span class="item-year" data-testid="item-year">
              {String(record.year)}
            </span>
          )}
          {record.publisher && <span class="item-publisher">{record.publisher}</span>}
        </p>
        <p class="item-themes" data-testid="item-themes">
          {showSavedDate && (
            <span class="item-saved" data-testid="item-saved">
              {t('savedOn', formatDate(record.savedAt))}
            </span>
          )}
          {showSavedDate && themes ? ' · ' : ''}
          {themes}
        </p>
      </div>
      <div class="item-actions">
        <StatusToggle status={record.status} onChange={onStatus} title={title} compact />
        {onEdit && (
          <button
            type="button"
            class="icon-button"
            aria-label={t('editPublication', title)}
            data-testid="item-edit"
            onClick={onEdit}
          >
            ✎
          </button>
        )}
      </div>
    </article>
  );
}

/**
 * One saved publication in a list: title (a link when the address is http/https), authors,
 * year · publisher · type (· added by NAME, for what a group member put in a shared Zotero
 * library), tags and themes as chips, and the row's actions (status, PDF, citation,
 * edit). The library's row adds the notes, keywords and related publications. Everything a page
 * supplied is rendered as text; search matches are marked with <mark>.
 */
import { formatAuthors, formatDate, t } from '@/utils/i18n';
import type { ReadingStatus, SavedPublication } from '@/utils/record';
import { NO_NAME_TABLES, viewRecord, type NameTables, type RecordView } from '@/utils/record-view';
import { safeHttpUrl } from '@/utils/record';
import type { Highlighter } from '@/utils/search';
import { themeSearchText } from '@/utils/themes/aliases';
import { Highlight } from './Highlight';
import { typeLabel } from './labels';
import { RowActions } from './RowActions';

export interface ListItemProps {
  record: SavedPublication;
  onStatus: (status: ReadingStatus) => void;
  onEdit?: () => void;
  onCite?: () => void;
  active?: boolean;
  selected?: boolean;
  onSelect?: (selected: boolean) => void;
  /** The library's row: saved date, notes, keywords and related publications too. */
  detailed?: boolean;
  tables?: NameTables;
  highlighter?: Highlighter;
}

function Chips({ record, view, hl }: { record: SavedPublication; view: RecordView; hl?: Highlighter }) {
  const themes = view.themes.slice(0, 4);
  if (record.tags.length === 0 && themes.length === 0) return null;
  return (
    <ul class="chips item-chips" aria-label={t('chipsLabel')} data-testid="item-chips">
      {record.tags.slice(0, 6).map((tag) => (
        <li key={`t:${tag}`} class="chip tag" data-testid="item-tag">
          <Highlight text={tag} highlighter={hl} />
        </li>
      ))}
      {themes.map((theme) => {
        const hit = hl?.matches(themeSearchText(theme, {}));
        return (
          <li key={`h:${theme}`} class="chip theme" data-testid="item-theme">
            {hit ? <mark>{theme}</mark> : theme}
          </li>
        );
      })}
    </ul>
  );
}

function Details({ record, hl }: { record: SavedPublication; hl?: Highlighter }) {
  const related = (record.related ?? []).slice(0, 3).map((r) => r.title);
  return (
    <>
      {record.notes && (
        <p class="item-notes" data-testid="item-notes">
          <Highlight text={record.notes} highlighter={hl} />
        </p>
      )}
      {(record.keywords.length > 0 || related.length > 0) && (
        <p class="item-extra" data-testid="item-extra">
          {record.keywords.length > 0 && (
            <span>
              {t('keywordsLine')} <Highlight text={record.keywords.slice(0, 8).join(', ')} highlighter={hl} />
            </span>
          )}
          {related.length > 0 && <span>{t('relatedLine', related.join(' · '))}</span>}
        </p>
      )}
    </>
  );
}

function Meta({
  record,
  view,
  detailed,
  hl,
}: {
  record: SavedPublication;
  view: RecordView;
  detailed?: boolean;
  hl?: Highlighter;
}) {
  const publisher = view.publisher && (detailed ? view.publisher.label : view.publisher.short);
  return (
    <p class="item-meta" data-testid="item-meta">
      {record.year !== undefined && (
        <span class="item-year" data-testid="item-year">
          <Highlight text={String(record.year)} highlighter={hl} />
        </span>
      )}
      {publisher && (
        <span class="item-publisher" data-testid="item-publisher" title={view.publisher?.label}>
          <Highlight text={publisher} highlighter={hl} />
        </span>
      )}
      {record.type && (
        <span class="item-type">
          <Highlight text={typeLabel(record.type)} highlighter={hl} />
        </span>
      )}
      {detailed && (
        <span class="item-saved" data-testid="item-saved">
          {t('savedOn', formatDate(record.savedAt))}
        </span>
      )}
      {record.addedBy && (
        <span class="item-added-by" data-testid="item-added-by">
          {t('addedByLine', record.addedBy)}
        </span>
      )}
    </p>
  );
}

export function ListItem(props: ListItemProps) {
  const { record, active, selected, onSelect, detailed, highlighter: hl } = props;
  const href = safeHttpUrl(record.url);
  const title = record.title || record.url;
  const view = viewRecord(record, props.tables ?? NO_NAME_TABLES);
  return (
    <article
      class={`item${active ? ' active' : ''}${selected ? ' selected' : ''}${detailed ? ' detailed' : ''}`}
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
              <Highlight text={title} highlighter={hl} />
            </a>
          ) : (
            <Highlight text={title} highlighter={hl} />
          )}
        </h3>
        <p class="item-authors" data-testid="item-authors">
          <Highlight text={formatAuthors(view.authors)} highlighter={hl} />
        </p>
        <div class="item-foot">
          <Meta record={record} view={view} detailed={detailed} hl={hl} />
          <Chips record={record} view={view} hl={hl} />
          <RowActions
            record={record}
            title={title}
            onStatus={props.onStatus}
            onCite={props.onCite}
            onEdit={props.onEdit}
          />
        </div>
        {detailed && <Details record={record} hl={hl} />}
      </div>
    </article>
  );
}

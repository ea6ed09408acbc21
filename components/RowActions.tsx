/**
 * A row's actions as one toolbar: one Tab stop, ←/→ (Home/End) move between status, PDF, citation
 * and edit. With the title link that makes two Tab stops per row, however many actions it has.
 */
import { t } from '@/utils/i18n';
import type { ReadingStatus, SavedPublication } from '@/utils/record';
import { safeHttpUrl } from '@/utils/record';
import { StatusCycle } from './StatusToggle';

export interface RowActionsProps {
  record: SavedPublication;
  title: string;
  onStatus: (status: ReadingStatus) => void;
  onCite?: () => void;
  onEdit?: () => void;
}

const KEYS: Record<string, (at: number, count: number) => number> = {
  ArrowRight: (at, n) => (at + 1) % n,
  ArrowDown: (at, n) => (at + 1) % n,
  ArrowLeft: (at, n) => (at - 1 + n) % n,
  ArrowUp: (at, n) => (at - 1 + n) % n,
  Home: () => 0,
  End: (_, n) => n - 1,
};

function moveFocus(e: KeyboardEvent) {
  const move = KEYS[e.key];
  if (!move) return;
  const bar = e.currentTarget as HTMLElement;
  const items = [...bar.querySelectorAll<HTMLElement>('button, a')];
  const at = items.indexOf(document.activeElement as HTMLElement);
  if (at < 0 || items.length === 0) return;
  e.preventDefault();
  e.stopPropagation();
  items[move(at, items.length)].focus();
}

export function RowActions({ record, title, onStatus, onCite, onEdit }: RowActionsProps) {
  const pdf = safeHttpUrl(record.pdfUrl);
  const buttons = [
    {
      testId: 'item-cite',
      label: t('copyCitationLabel', title),
      tip: t('copyCitation'),
      icon: '❝',
      onClick: onCite,
    },
    {
      testId: 'item-edit',
      label: t('editPublication', title),
      tip: t('editButton'),
      icon: '✎',
      onClick: onEdit,
    },
  ];
  return (
    <div
      class="item-actions"
      role="toolbar"
      aria-label={t('rowActions', title)}
      data-testid="item-actions"
      onKeyDown={moveFocus}
    >
      <StatusCycle status={record.status} onChange={onStatus} title={title} tabIndex={0} />
      {pdf && (
        <a
          class="action pdf"
          href={pdf}
          target="_blank"
          rel="noopener noreferrer"
          tabIndex={-1}
          data-testid="item-pdf"
          aria-label={t('openPdfLabel', title)}
        >
          PDF
        </a>
      )}
      {buttons.map(
        (b) =>
          b.onClick && (
            <button
              key={b.testId}
              type="button"
              class="action"
              tabIndex={-1}
              data-testid={b.testId}
              aria-label={b.label}
              title={b.tip}
              onClick={b.onClick}
            >
              <span aria-hidden="true">{b.icon}</span>
            </button>
          ),
      )}
    </div>
  );
}

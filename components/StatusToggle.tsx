/**
 * Reading status in one click: three pressed/unpressed buttons (the page card), or one compact
 * button that moves to the next status (list rows: Te lezen → Bezig → Gelezen → Te lezen).
 */
import { t } from '@/utils/i18n';
import { READING_STATUSES, type ReadingStatus } from '@/utils/record';
import { statusLabel } from './labels';

export interface StatusToggleProps {
  status: ReadingStatus;
  onChange: (status: ReadingStatus) => void;
  /** Names the record for screen readers ("Status of Leren van doen"). */
  title: string;
  disabled?: boolean;
  compact?: boolean;
}

export function StatusToggle({ status, onChange, title, disabled, compact }: StatusToggleProps) {
  return (
    <div
      role="group"
      aria-label={t('statusChange', title)}
      class={compact ? 'status compact' : 'status'}
      data-testid="status-toggle"
    >
      {READING_STATUSES.map((s) => (
        <button
          type="button"
          key={s}
          class={`status-${s}`}
          aria-pressed={status === s}
          disabled={disabled}
          data-testid={`status-${s}`}
          onClick={(e) => {
            e.stopPropagation();
            if (s !== status) onChange(s);
          }}
        >
          {statusLabel(s)}
        </button>
      ))}
    </div>
  );
}

/** The status after `status` in the cycle. */
export function nextStatus(status: ReadingStatus): ReadingStatus {
  const at = READING_STATUSES.indexOf(status);
  return READING_STATUSES[(at + 1) % READING_STATUSES.length];
}

export interface StatusCycleProps {
  status: ReadingStatus;
  onChange: (status: ReadingStatus) => void;
  title: string;
  tabIndex?: number;
}

/** One compact control: shows the status, a click moves it on. */
export function StatusCycle({ status, onChange, title, tabIndex }: StatusCycleProps) {
  const next = nextStatus(status);
  return (
    <button
      type="button"
      class={`status-cycle status-${status}`}
      data-testid="status-cycle"
      data-status={status}
      tabIndex={tabIndex}
      aria-label={t('statusCycleLabel', title, statusLabel(status), statusLabel(next))}
      title={t('statusCycleHint', statusLabel(next))}
      onClick={(e) => {
        e.stopPropagation();
        onChange(next);
      }}
    >
      <span class="status-dot" aria-hidden="true" />
      {statusLabel(status)}
    </button>
  );
}

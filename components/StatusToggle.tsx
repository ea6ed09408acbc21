/** Reading status in one click: three pressed/unpressed buttons. */
import { t } from '@/utils/i18n';
import { READING_STATUSES, type ReadingStatus } from '@/utils/publication';
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

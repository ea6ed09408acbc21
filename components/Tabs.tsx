/** WAI-ARIA tabs: arrow keys move between tabs, only the chosen panel is rendered. */
import type { ComponentChildren } from 'preact';
import { useRef } from 'preact/hooks';

export interface TabSpec<Id extends string> {
  id: Id;
  label: string;
  render: () => ComponentChildren;
}

export function Tabs<Id extends string>({
  tabs,
  selected,
  onSelect,
  label,
}: {
  tabs: Array<TabSpec<Id>>;
  selected: Id;
  onSelect: (id: Id) => void;
  label: string;
}) {
  const buttons = useRef<Array<HTMLButtonElement | null>>([]);
  const index = Math.max(
    0,
    tabs.findIndex((tab) => tab.id === selected),
  );
  const move = (to: number) => {
    const next = (to + tabs.length) % tabs.length;
    onSelect(tabs[next].id);
    buttons.current[next]?.focus();
  };
  return (
    <div class="tabs">
      <div
        role="tablist"
        aria-label={label}
        class="tablist"
        onKeyDown={(e) => {
          if (e.key === 'ArrowRight') move(index + 1);
          else if (e.key === 'ArrowLeft') move(index - 1);
          else if (e.key === 'Home') move(0);
          else if (e.key === 'End') move(tabs.length - 1);
          else return;
          e.preventDefault();
        }}
      >
        {tabs.map((tab, i) => (
          <button
            key={tab.id}
            ref={(el) => {
              buttons.current[i] = el;
            }}
            type="button"
            role="tab"
            id={`tab-${tab.id}`}
            aria-selected={i === index}
            aria-controls={`panel-${tab.id}`}
            tabIndex={i === index ? 0 : -1}
            data-testid={`tab-${tab.id}`}
            onClick={() => onSelect(tab.id)}
          >
            {tab.label}
          </button>
        ))}
      </div>
      <div
        role="tabpanel"
        id={`panel-${tabs[index].id}`}
        aria-labelledby={`tab-${tabs[index].id}`}
        class="tabpanel"
      >
        {tabs[index].render()}
      </div>
    </div>
  );
}

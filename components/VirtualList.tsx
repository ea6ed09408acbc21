/**
 * A list that renders only the rows in view (plus a few either side), so 10,000 records cost the
 * same as 20. Rows have one fixed height; the scroll container gets a spacer of the full height.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';

export interface VirtualListProps<T> {
  items: readonly T[];
  rowHeight: number;
  renderRow: (item: T, index: number) => ComponentChildren;
  itemKey: (item: T) => string;
  label: string;
  /** Row to keep in view (keyboard navigation). */
  activeIndex?: number;
  /** Height used until the container can be measured (tests, first frame). */
  fallbackHeight?: number;
  overscan?: number;
  onKeyDown?: (event: KeyboardEvent) => void;
  testId?: string;
}

export function VirtualList<T>({
  items,
  rowHeight,
  renderRow,
  itemKey,
  label,
  activeIndex,
  fallbackHeight = 400,
  overscan = 4,
  onKeyDown,
  testId,
}: VirtualListProps<T>) {
  const container = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(fallbackHeight);

  useLayoutEffect(() => {
    const element = container.current;
    if (!element) return;
    const measure = () => {
      if (element.clientHeight > 0) setHeight(element.clientHeight);
    };
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  // A new result set starts at the top.
  useEffect(() => {
    if (container.current && container.current.scrollTop > items.length * rowHeight) {
      container.current.scrollTop = 0;
      setScrollTop(0);
    }
  }, [items, rowHeight]);

  useEffect(() => {
    const element = container.current;
    if (!element || activeIndex === undefined || activeIndex < 0) return;
    const top = activeIndex * rowHeight;
    if (top < element.scrollTop) element.scrollTop = top;
    else if (top + rowHeight > element.scrollTop + height) element.scrollTop = top + rowHeight - height;
  }, [activeIndex, rowHeight, height]);

  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - overscan);
  const last = Math.min(items.length, Math.ceil((scrollTop + height) / rowHeight) + overscan);
  const rows = [];
  for (let i = first; i < last; i++) {
    const item = items[i];
    rows.push(
      <li
        key={itemKey(item)}
        class="vlist-row"
        style={{ top: `${i * rowHeight}px`, height: `${rowHeight}px` }}
        aria-setsize={items.length}
        aria-posinset={i + 1}
      >
        {renderRow(item, i)}
      </li>,
    );
  }

  return (
    <div
      ref={container}
      class="vlist"
      data-testid={testId}
      tabIndex={onKeyDown ? 0 : undefined}
      aria-label={onKeyDown ? label : undefined}
      role={onKeyDown ? 'region' : undefined}
      onScroll={(e) => setScrollTop((e.currentTarget as HTMLDivElement).scrollTop)}
      onKeyDown={onKeyDown}
    >
      <ul class="vlist-inner" aria-label={label} style={{ height: `${items.length * rowHeight}px` }}>
        {rows}
      </ul>
    </div>
  );
}

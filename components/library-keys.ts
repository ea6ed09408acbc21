/**
 * The library list's keys: ↑/↓ (j/k), Home/End, PageUp/PageDown move; Enter opens; Space selects;
 * 1/2/3 set the status; e edits; c copies the citation; Delete removes. Keys typed inside a
 * control (a link, a button, a field) are the control's own.
 */
import { READING_STATUSES, type ReadingStatus, type SavedPublication } from '@/utils/record';
import { safeHttpUrl } from '@/utils/record';

export interface ListKeyActions {
  results: readonly SavedPublication[];
  active: number;
  focusRow: (index: number) => void;
  open: (url: string) => void;
  toggle: (id: string) => void;
  setStatus: (id: string, status: ReadingStatus) => void;
  edit: (record: SavedPublication) => void;
  cite?: (record: SavedPublication) => void;
  remove: (id: string) => void;
}

const MOVES: Record<string, (active: number, last: number) => number> = {
  ArrowDown: (a, last) => Math.min(last, a + 1),
  j: (a, last) => Math.min(last, a + 1),
  ArrowUp: (a) => Math.max(0, a - 1),
  k: (a) => Math.max(0, a - 1),
  Home: () => 0,
  End: (_, last) => last,
  PageDown: (a, last) => Math.min(last, a + 10),
  PageUp: (a) => Math.max(0, a - 10),
};

/** Handles one key; true when it was a list key (the caller prevents its default). */
function handle(key: string, a: ListKeyActions): boolean {
  const move = MOVES[key];
  if (move) {
    a.focusRow(move(a.active, a.results.length - 1));
    return true;
  }
  const record = a.results[a.active];
  if (!record) return false;
  if (key === 'Enter') {
    const href = safeHttpUrl(record.url);
    if (href) a.open(href);
  } else if (key === ' ') a.toggle(record.id);
  else if (key === '1' || key === '2' || key === '3')
    a.setStatus(record.id, READING_STATUSES[Number(key) - 1]);
  else if (key === 'e') a.edit(record);
  else if (key === 'c' && a.cite) a.cite(record);
  else if (key === 'Delete') a.remove(record.id);
  else return false;
  return true;
}

export function listKeyHandler(actions: () => ListKeyActions) {
  return (e: KeyboardEvent) => {
    if ((e.target as HTMLElement).closest('button, a, input, select, textarea')) return;
    if (handle(e.key, actions())) e.preventDefault();
  };
}

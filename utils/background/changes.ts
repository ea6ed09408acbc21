/**
 * After every change to the list, the same three steps: the suggestion engine learns it, open
 * extension pages are told (`background/list-changed`), and the badges are re-derived.
 */
import type { SavedPublication } from '@/utils/record';
import { refreshBadges } from './badges';
import type { Background } from './context';

export interface ListChange {
  /** Records written (saved, edited, merged into). */
  saved?: readonly SavedPublication[];
  /** Ids of records that are gone. */
  removed?: readonly string[];
  /** Anything may have changed (an import): the engine is rebuilt, pages reload the whole list. */
  everything?: boolean;
  /** Re-derive every tab's badge (default). An edit never makes a record saved or unsaved: false. */
  badges?: boolean;
}

export async function afterListChange(bg: Background, change: ListChange): Promise<void> {
  const saved = change.saved ?? [];
  const removed = change.removed ?? [];
  if (change.everything) {
    bg.suggestions.reset();
  } else {
    await bg.suggestions.noteRemoved(removed);
    await bg.suggestions.noteSaved(saved);
  }
  const ids = change.everything ? [] : [...new Set([...removed, ...saved.map((r) => r.id)])];
  bg.broadcast('background/list-changed', { ids });
  if (change.badges !== false) await refreshBadges(bg);
}

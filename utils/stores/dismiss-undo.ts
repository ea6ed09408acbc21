/**
 * "Niet interessant" with undo: a dismissed suggestion disappears at once, but the dismissal is
 * only sent once the undo window has passed (or the page closes: `flush`). Undo within the window
 * brings it back and sends nothing, so no background message is needed to take a dismissal back.
 */
import { signal } from '@preact/signals';

export function createDismissUndo(commit: (id: string) => Promise<void> | void, windowMs = 6_000) {
  const pending = signal<ReadonlySet<string>>(new Set());
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  const drop = (id: string) => {
    clearTimeout(timers.get(id));
    timers.delete(id);
    const next = new Set(pending.peek());
    next.delete(id);
    pending.value = next;
  };
  const send = (id: string) => {
    drop(id);
    void commit(id);
  };
  return {
    /** Ids hidden but not yet dismissed. */
    pending,
    hide(id: string) {
      if (timers.has(id)) return;
      pending.value = new Set([...pending.peek(), id]);
      timers.set(
        id,
        setTimeout(() => send(id), windowMs),
      );
    },
    undo(id: string) {
      if (timers.has(id)) drop(id);
    },
    /** Sends every pending dismissal now (the page is closing). */
    flush() {
      for (const id of [...timers.keys()]) send(id);
    },
  };
}

/**
 * Short confirmations in the extension's own pages ("Bronvermelding gekopieerd", "Opgeslagen:
 * …"), shown as a polite live region and cleared after a few seconds; one at a time, the newest
 * wins. An optional action (Undo) runs at most once.
 */
import { signal } from '@preact/signals';

export interface Notice {
  text: string;
  kind: 'ok' | 'error';
  action?: { label: string; run: () => void };
}

export function createNoticeStore(durationMs = 6_000) {
  const current = signal<Notice | undefined>(undefined);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const clear = () => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    current.value = undefined;
  };
  return {
    current,
    show(notice: Notice) {
      if (timer) clearTimeout(timer);
      current.value = notice;
      timer = setTimeout(clear, durationMs);
    },
    /** Runs the notice's action (once) and clears it. */
    act() {
      const action = current.peek()?.action;
      clear();
      action?.run();
    },
    clear,
  };
}

export type NoticeStore = ReturnType<typeof createNoticeStore>;

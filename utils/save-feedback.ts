/**
 * What the reader sees after saving without the popup (the Alt+Shift+S shortcut or the context
 * menu): a mark on the toolbar icon for a few seconds and its tooltip naming what was saved. No
 * notification: that permission would prompt the reader. Never anything written into the page.
 * Plain data here; the background applies it (utils/background/gestures.ts, browser.action).
 */
import { t } from '@/utils/i18n';

export type SaveOutcome = { ok: true; title: string } | { ok: false; reason: string };

export interface SaveFeedback {
  badgeText: string;
  badgeColor: string;
  /** The toolbar button's tooltip while the mark shows. */
  title: string;
  /** How long the mark stays before the badge goes back to the page's state (ms). */
  holdMs: number;
}

const MAX_TITLE_CHARS = 120;

export function saveFeedback(outcome: SaveOutcome): SaveFeedback {
  if (outcome.ok) {
    const title = outcome.title.replace(/\s+/g, ' ').trim().slice(0, MAX_TITLE_CHARS);
    const text = t('feedbackSaved', title);
    return {
      badgeText: '✓',
      badgeColor: '#1d6b32',
      title: text,
      holdMs: 4_000,
    };
  }
  const text = t('feedbackSaveFailed', outcome.reason.slice(0, MAX_TITLE_CHARS));
  return {
    badgeText: '!',
    badgeColor: '#a4161a',
    title: text,
    holdMs: 6_000,
  };
}

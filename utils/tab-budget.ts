/**
 * Per-tab state lives in `storage.session`, which has a fixed quota for the whole browser (10 MB in
 * Chrome). A hostile page can make its extraction large, and once the quota is full every tab's
 * badge would stop. So each tab's state gets a fixed budget: past it the extraction is trimmed,
 * least needed first, and marked `trimmed` so the popup reads the page again when it needs it all.
 */
import type { ExtractionResult } from '@/utils/record';

/** Bytes of JSON per tab: 200 tabs of maximal pages stay well within Chrome's 10 MB. */
export const TAB_STATE_BUDGET = 16 * 1024;

const encoder = new TextEncoder();
export const jsonBytes = (value: unknown): number => encoder.encode(JSON.stringify(value) ?? '').length;

type Trim = (extraction: ExtractionResult) => void;

/** Each step gives up more than the one before. */
const TRIMS: Trim[] = [
  (e) => {
    if (e.publication)
      e.publication.related = e.publication.related.map(({ title, url }) =>
        url ? { title, url, themes: [] } : { title, themes: [] },
      );
  },
  (e) => {
    if (e.publication) e.publication.related = e.publication.related.slice(0, 10);
  },
  (e) => {
    e.signals = e.signals.slice(0, 10).map((signal) => signal.slice(0, 100));
    if (e.publication?.summary) e.publication.summary = e.publication.summary.slice(0, 500);
  },
  (e) => {
    const p = e.publication;
    if (!p) return;
    p.related = [];
    p.authors = p.authors.slice(0, 10);
    p.themes = p.themes.slice(0, 10);
    p.keywords = p.keywords.slice(0, 10);
  },
  (e) => {
    delete e.publication;
  },
];

/**
 * `state` with its extraction trimmed until the whole fits `budget` bytes of JSON. Returns the same
 * object when it fits already; otherwise a copy with `trimmed: true`.
 */
export function fitTabState<T extends TrimmableState>(state: T, budget: number = TAB_STATE_BUDGET): T {
  if (jsonBytes(state) <= budget) return state;
  const fitted: T = { ...state, trimmed: true };
  if (fitted.firstCheck) {
    fitted.firstCheck = {
      ...fitted.firstCheck,
      signals: fitted.firstCheck.signals.slice(0, 10).map((s) => s.slice(0, 100)),
    };
  }
  if (fitted.extraction) {
    const extraction = structuredClone(fitted.extraction);
    fitted.extraction = extraction;
    for (const trim of TRIMS) {
      if (jsonBytes(fitted) <= budget) break;
      trim(extraction);
    }
  }
  return fitted;
}

interface TrimmableState {
  extraction?: ExtractionResult;
  firstCheck?: { ruledOut: boolean; signals: string[] };
  trimmed?: boolean;
}

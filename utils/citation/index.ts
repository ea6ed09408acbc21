/**
 * "Copy citation": one record as a reference in APA 7, in English or with Dutch terms ("z.d.",
 * "e.a.", "Geraadpleegd"), through citation-js's CSL plugin. The plugin bundles the APA style and
 * the CSL locales it formats with, nl-NL among them (see README.md here for their licence); no
 * style or locale is fetched.
 *
 * citation-js and its CSL processor are large: `formatCitation` loads them on first use, so the
 * popup's first paint does not wait for them.
 */
import { messageIn, type InterfaceLanguage } from '@/utils/i18n';
import type { SavedPublication } from '@/utils/record';
import { showPublisher } from '@/utils/publisher-names';
import type { CitationStyle } from '@/utils/settings';
import { nameKey } from '@/utils/themes/key';
import { typeLabelKey } from '@/utils/type-labels';
import type { CslItem } from '@/utils/export/csl';

export const CITATION_LOCALES: Record<CitationStyle, { lang: string; ui: InterfaceLanguage }> = {
  apa: { lang: 'en-US', ui: 'en' },
  'apa-nl': { lang: 'nl-NL', ui: 'nl' },
};

/**
 * The CSL item a citation is made from: the export's item, with the publisher under its full name,
 * the type in the citation's language, and no publisher where the author is the publisher (APA 7).
 */
export function citationItem(
  item: CslItem,
  record: SavedPublication,
  style: CitationStyle,
  publisherNames: Readonly<Record<string, string>> = {},
): CslItem {
  const { abstract: _a, keyword: _k, note: _n, custom: _c, accessed: _d, ...rest } = item;
  const out: CslItem = { ...rest };
  const shown = showPublisher(record.publisher, publisherNames);
  const field = out.type === 'article-journal' ? 'container-title' : 'publisher';
  if (shown && out[field]) out[field] = shown.names[0];
  const keys = new Set(shown?.names.map(nameKey) ?? []);
  const authorIsPublisher = (out.author ?? []).some((a) => a.literal && keys.has(nameKey(a.literal)));
  if (authorIsPublisher) delete out.publisher;
  const labelKey = typeLabelKey(record.type);
  if (out.genre && labelKey) out.genre = messageIn(CITATION_LOCALES[style].ui, labelKey);
  return out;
}

let loading:
  Promise<[typeof import('@citation-js/core'), unknown, typeof import('@/utils/export/csl')]> | undefined;

/** citation-js with its CSL plugin, and the export's CSL conversion: loaded once. */
export function loadCitationJs() {
  loading ??= Promise.all([
    import('@citation-js/core'),
    import('@citation-js/plugin-csl'),
    import('@/utils/export/csl'),
  ]);
  return loading;
}

/** The reference as plain text, e.g. "Steen, M. van der (2020). Leren van doen [Essay]. NSOB. https://…". */
export async function formatCitation(
  record: SavedPublication,
  style: CitationStyle,
  publisherNames: Readonly<Record<string, string>> = {},
): Promise<string> {
  const [{ Cite }, , { toCslItem }] = await loadCitationJs();
  const item = citationItem(toCslItem(record), record, style, publisherNames);
  const text = new Cite([item]).format('bibliography', {
    format: 'text',
    template: 'apa',
    lang: CITATION_LOCALES[style].lang,
  });
  return String(text).trim();
}

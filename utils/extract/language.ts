/** Field: language as a BCP 47 tag, from the document, else inferred from its text. */
import { detectLanguage } from '@/utils/text';
import { firstRule, type ExtractionContext, type Rule } from './context';
import { mainValue, namesOf } from './jsonld';
import { firstMeta } from './meta';
import { textOf } from './text';

const TAG = /^[a-z]{2,3}(?:-[a-z0-9]{2,8})*$/i;

/** "en_US" → "en-US", "NL" → "nl"; anything that is not a language tag → undefined. */
export function cleanLanguage(raw: unknown): string | undefined {
  if (typeof raw !== 'string') return undefined;
  const value = raw
    .trim()
    .split(/[,;\s]/)[0]
    .replace(/_/g, '-');
  if (!TAG.test(value) || /^(?:und|zxx|mul|x)$/i.test(value)) return undefined;
  const [primary, ...rest] = value.split('-');
  return [primary.toLowerCase(), ...rest.map((part) => (part.length === 2 ? part.toUpperCase() : part))].join(
    '-',
  );
}

const fromText: Rule<string> = (ctx) => {
  const scope = ctx.select.first('main, [role="main"], article') ?? ctx.doc.body;
  const sample = `${ctx.headingText} ${textOf(scope, 5_000)}`;
  return detectLanguage(sample);
};

const RULES: Rule<unknown>[] = [
  (ctx) => ctx.doc.documentElement?.getAttribute('lang') ?? ctx.doc.documentElement?.getAttribute('xml:lang'),
  (ctx) =>
    firstMeta(
      ctx.meta,
      'content-language',
      'citation_language',
      'dc.language',
      'dcterms.language',
      'language',
    ),
  (ctx) => namesOf(ctx.jsonLd, mainValue(ctx.jsonLd, 'inLanguage'))[0],
  (ctx) => firstMeta(ctx.meta, 'og:locale'),
  fromText,
];

export function extractLanguage(ctx: ExtractionContext): string | undefined {
  return firstRule(
    ctx,
    RULES.map((rule) => (c: ExtractionContext) => cleanLanguage(rule(c))),
  );
}

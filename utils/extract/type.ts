/** Field: the kind of publication, in Leesmap's lower-case vocabulary (see PublicationType). */
import { firstRule, kickerText, type ExtractionContext, type Rule } from './context';
import { typesOf } from './jsonld';
import { firstMeta } from './meta';
import { fold } from './text';

/** Words publishers use, Dutch and English, → Leesmap's type. */
const TYPE_WORDS: Record<string, string[]> = {
  essay: ['essay', 'essays', 'beschouwing'],
  report: [
    'rapport',
    'rapporten',
    'report',
    'reports',
    'research report',
    'onderzoeksrapport',
    'onderzoek',
    'studie',
    'study',
    'verkenning',
    'monitor',
    'evaluatie',
    'evaluation',
    'technical report',
    'research',
    'briefing paper',
    'special report',
    'achtergrondstudie',
    'signalering',
  ],
  advice: ['advies', 'adviezen', 'adviesrapport', 'advice', 'advisory report', 'briefadvies', 'zienswijze'],
  'policy-brief': [
    'policy brief',
    'policy briefs',
    'beleidsnotitie',
    'beleidsbrief',
    'policy paper',
    'policy memo',
    'brief',
    'briefing',
    'notitie',
    'policy contribution',
    'memo',
  ],
  'working-paper': [
    'working paper',
    'working papers',
    'werkdocument',
    'discussion paper',
    'cpb discussion paper',
    'achtergronddocument',
    'background document',
    'paper',
    'papers',
    'cpb achtergronddocument',
    'wrr working paper',
  ],
  book: ['boek', 'boeken', 'book', 'books', 'bundel', 'monograph', 'monografie'],
  chapter: ['hoofdstuk', 'chapter', 'book chapter'],
  blog: ['blog', 'blogs', 'blogpost', 'blog post', 'weblog', 'column'],
  article: [
    'artikel',
    'artikelen',
    'article',
    'articles',
    'commentary',
    'opinie',
    'opinion',
    'analysis',
    'analyse',
    'op ed',
    'op-ed',
    'interview',
    'expert comment',
    'explainer',
    'journal article',
  ],
};

const TYPE_BY_WORD = new Map<string, string>();
for (const [type, words] of Object.entries(TYPE_WORDS))
  for (const word of words) TYPE_BY_WORD.set(fold(word), type);

export function typeFromWord(word: string): string | undefined {
  if (!word || word.length > 40) return undefined;
  return TYPE_BY_WORD.get(fold(word));
}

const JSONLD_TYPES: Record<string, string> = {
  report: 'report',
  book: 'book',
  chapter: 'chapter',
  blogposting: 'blog',
  scholarlyarticle: 'article',
  newsarticle: 'article',
  article: 'article',
  techarticle: 'article',
  reportagenewsarticle: 'article',
  analysisnewsarticle: 'article',
  opinionnewsarticle: 'article',
  thesis: 'other',
};

const fromLabel: Rule<string> = (ctx) => {
  const value = ctx.labels.get('type');
  if (!value) return undefined;
  for (const item of value.items.length ? value.items : [value.text]) {
    const type = typeFromWord(item);
    if (type) return type;
  }
  return undefined;
};

/** "NSOB | essay", "Policy brief", "Report · 12 May 2023" above the heading. */
const fromKicker: Rule<string> = (ctx) => {
  const kicker = kickerText(ctx);
  if (!kicker) return undefined;
  for (const part of kicker.split(/\s*[|·•/,–—-]\s*/)) {
    const type = typeFromWord(part);
    if (type) return type;
  }
  return undefined;
};

const fromJsonLd: Rule<string> = (ctx) => {
  const node = ctx.jsonLd.main;
  if (!node) return undefined;
  // ["Article", "Report"]: the more specific type wins (table order), not the first listed.
  const types = typesOf(node);
  for (const [jsonLdType, type] of Object.entries(JSONLD_TYPES)) if (types.includes(jsonLdType)) return type;
  const genre = node.genre ?? node.additionalType;
  return typeof genre === 'string' ? typeFromWord(genre) : undefined;
};

const RULES: Rule<string>[] = [
  fromLabel,
  fromKicker,
  (ctx) =>
    typeFromWord(
      firstMeta(ctx.meta, 'citation_article_type', 'dc.type', 'dcterms.type', 'prism.contenttype') ?? '',
    ),
  (ctx) =>
    firstMeta(ctx.meta, 'citation_technical_report_institution', 'citation_technical_report_number')
      ? 'report'
      : undefined,
  (ctx) => (firstMeta(ctx.meta, 'citation_book_title') ? 'chapter' : undefined),
  (ctx) =>
    firstMeta(ctx.meta, 'citation_isbn') && !firstMeta(ctx.meta, 'citation_journal_title')
      ? 'book'
      : undefined,
  fromJsonLd,
  (ctx) => (firstMeta(ctx.meta, 'citation_journal_title') ? 'article' : undefined),
];

function extractTypeUncached(ctx: ExtractionContext): string | undefined {
  return firstRule(ctx, RULES);
}

/** Cached per extraction: the authors rule asks for it too (an advice that names nobody). */
export function extractType(ctx: ExtractionContext): string | undefined {
  if (!ctx.cache.has('type')) ctx.cache.set('type', extractTypeUncached(ctx));
  return ctx.cache.get('type') as string | undefined;
}

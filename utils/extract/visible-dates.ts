/**
 * Finder: the publication date as the page shows it, where no metadata states it: an element
 * the site marks as the date (<span class="date">, <div class="news-date">, "entry-meta",
 * "Veröffentlicht am 06.10.2023") holding a date line, outside chrome, comments, cards and
 * update stamps ("Letztes Update", "lastchanged"). Document order: the article's own date comes
 * before the dates of comments and of other articles further down.
 */
import type { ExtractionContext } from './context';
import { UPDATE_WORDS, parseDate, withoutMonthWords } from './dates';
import { moreChildrenThan } from './elements';
import { siteNames, stripSiteName, titleParts } from './site-names';
import { hasDigit, textOf } from './text';
import { foldWords } from '@/utils/detect/words';

const MAX_ELEMENTS = 8_000;
const MAX_LINE = 90;
/** Class or id words of an element that holds the date. */
const DATE_MARK =
  /date|datum|time|publish|posted|submitted|entry-meta|post-meta|article-meta|meta-info|topline|dateline|byline/i;
/** An update stamp, a comment's or an event's date, or a "today" widget: not the publication date. */
const NOT_PUBLISHED =
  /modif|updat|lastchanged|changed|geaendert|geändert|aktualisiert|bijgewerkt|comment|kommentar|event|agenda|termin|veranstaltung|today|heute|current|weather|wetter|copyright|footer|cookie/i;
/** "Stand: 19.10.2019 11:05 Uhr": the day a page was last brought up to date (see fromLineNearHeading). */
const AS_OF = /^\s*stand:?\s/i;
/** What any full-day date holds: a four-digit year or "24.01.22" (a cheap test before parsing). */
const FULL_DAY_HINT = /\d{4}|\d\.\d{1,2}\.\d{2}/;
/** "13:15 Uhr - 19:00 Uhr": the hours of an event, whose day is not the publication's. */
export const TIME_RANGE = /\d{1,2}[:.]\d{2}\s*(?:uhr|h|am|pm)?\s*[-–—]\s*\d{1,2}[:.]\d{2}/i;
/**
 * Words a date line may hold besides the date (weekday, time, "veröffentlicht am", "von"), as whole
 * words between letters, not ASCII \b: "publié", "lunedì", "sábado" end or start with an accent.
 */
const LINE_WORDS =
  /(?<!\p{L})(?:gepubliceerd|publicatiedatum|verschenen|datum|op|published|publication|date|posted|on|at|geplaatst|veröffentlicht|veroeffentlicht|erschienen|publiziert|erstellt|am|vom|von|um|uhr|le|el|de|del|par|publié|publiée|publicado|pubblicato|mis|en|ligne|pressemitteilung|pressemeldung|mitteilung|meldung|news|nachricht|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag|monday|tuesday|wednesday|thursday|friday|saturday|sunday|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|lunes|martes|miércoles|miercoles|jueves|viernes|sábado|sabado|domingo|lunedì|lunedi|martedì|martedi|mercoledì|mercoledi|giovedì|giovedi|venerdì|venerdi|sabato|domenica|mo|di|mi|do|fr|sa|so|am|pm|utc|cet|cest|gmt)(?!\p{L})/giu;

/**
 * The same in Japanese and Chinese ("2019年02月22日 14時30分 公開"): year, month, day, hour,
 * minute and second marks, "published", "posted", "released". Not "updated" (更新).
 */
const CJK_LINE_WORDS = /[年月日時分秒]|公開|掲載|配信|投稿|発表|发布/g;

/**
 * A line that is a date and little else ("Veröffentlicht am 06.10.2023", "Friday, December 23,
 * 2016"): at most `otherWords` words besides the date and its usual words.
 */
export function isDateOnlyLine(text: string, otherWords = 2): boolean {
  const rest = withoutMonthWords(text.replace(LINE_WORDS, ' '))
    .replace(CJK_LINE_WORDS, ' ')
    .replace(/[\d\s.,:;/|()\-–—>]+/g, ' ')
    .trim();
  return rest.split(' ').filter(Boolean).length <= otherWords;
}

/**
 * A teaser or card of another page links to it; the page's own teaser text (the standfirst) links
 * nowhere, and a card that holds the main heading is the article itself.
 */
export function inTeaserCard(el: Element, heading: Element | null): boolean {
  const card = el.closest('[class*="teaser"], [class*="card"]');
  return Boolean(card && !(heading && card.contains(heading)) && card.querySelector('a[href]'));
}

/**
 * The meta column or footer of the article that holds the main heading (<article><h1>…<aside>
 * <li class="content__meta__date">26.02.2020</li></aside></article>) is the article's own, not the
 * page's sidebar or footer; never navigation, a related-publications block or a box of cards.
 */
function inArticleMeta(ctx: ExtractionContext, el: Element): boolean {
  const box = el.closest('aside, footer');
  const article = box?.closest('article');
  return Boolean(
    box &&
    article &&
    // Cards of related items have their own headings: <aside class="related-content"><h5>….
    !box.querySelector('h2, h3, h4, h5, h6') &&
    ctx.heading &&
    article.contains(ctx.heading) &&
    !el.closest('nav, [role="navigation"], [role="contentinfo"]') &&
    !ctx.relatedBlocks.some((block) => block.contains(el)),
  );
}

/** What a page's own text sits in: a wrapper that holds one is no sidebar. */
const MAIN_TEXT =
  'h1, main, article, [itemprop="articleBody"], [class*="entry-content"], [class*="post-content"], [class*="postcontent"]';

/**
 * In a sidebar or a form, not in a layout wrapper named after the sidebar it makes room for (<div
 * class="main-wrap with-sidebar">, <div class="zen-one-sidebar-second">) or a form around the
 * whole page (ASP.NET's <form id="aspnetForm">), which hold the heading and the article's own
 * date line.
 */
function around(ctx: ExtractionContext, el: Element, selector: string): boolean {
  const box = el.closest(selector);
  if (!box) return false;
  return ctx.heading ? !box.contains(ctx.heading) : !ctx.select.first(MAIN_TEXT, box);
}

/** A link to the site's front page ("/", "https://www.example.org/", "/index.html"). */
const HOME_LINK = /^(?:(?:https?:)?\/\/[^/?#]+)?\/(?:index\.\w{2,5})?(?:[?#]|$)/i;

/**
 * The site's header ("today" widgets, the edition's date), not a post's own <header class=
 * "entry-header"> outside <article>/<main>: one above the page's heading, without it, that holds
 * the site's navigation or a link home (a banner role says so itself).
 */
function inSiteHeader(ctx: ExtractionContext, el: Element): boolean {
  const header = el.closest('header, [role="banner"]');
  if (!header || header.closest('article, main')) return false;
  if (header.getAttribute('role') === 'banner') return true;
  const heading = titleHeading(ctx);
  // Node.DOCUMENT_POSITION_FOLLOWING: the heading comes after the header.
  if (heading && (header.contains(heading) || !(header.compareDocumentPosition(heading) & 4))) return false;
  if (header.querySelector('nav, [role="navigation"]')) return true;
  return Array.from(header.querySelectorAll('a[href]')).some((a) =>
    HOME_LINK.test(a.getAttribute('href') ?? ''),
  );
}

/**
 * Cards of other pages, comments and chrome hold dates that are not this page's. A widget that
 * holds the page's own heading or post is the article (a blog engine puts its posts in one).
 */
function elsewhere(ctx: ExtractionContext, el: Element): boolean {
  const own = inArticleMeta(ctx, el);
  if (!own && (ctx.isElsewhere(el) || el.closest('aside'))) return true;
  if (el.closest('[role="complementary"], [class*="comment"], [id*="comment"]')) return true;
  if (around(ctx, el, '[class*="sidebar"]') || around(ctx, el, 'form')) return true;
  if (inTeaserCard(el, ctx.heading) || inSiteHeader(ctx, el)) return true;
  const widget = el.closest('[class*="widget"]');
  return Boolean(
    widget &&
    !(ctx.heading && widget.contains(ctx.heading)) &&
    !widget.querySelector('article, .hentry, [itemprop="blogPost"], [itemprop="articleBody"]'),
  );
}

/**
 * Elements whose class or id names a date or a breadcrumb, from one read of the first
 * MAX_ELEMENTS elements' attributes, shared by the rules that need them (reading an attribute
 * costs more than a tag test in some DOMs).
 */
export function markedElements(ctx: ExtractionContext): { dates: Element[]; breadcrumb?: Element } {
  const cached = ctx.cache.get('markedElements') as { dates: Element[]; breadcrumb?: Element } | undefined;
  if (cached) return cached;
  const found: { dates: Element[]; breadcrumb?: Element } = { dates: [] };
  const all = ctx.elements.all;
  for (let i = 0; i < all.length && i < MAX_ELEMENTS; i++) {
    const el = all[i];
    if (!el.hasAttributes()) continue;
    // As written: getAttribute('class') makes some DOMs (linkedom) build the token list.
    const marks = `${el.getAttributeNode('class')?.value ?? ''} ${el.getAttributeNode('id')?.value ?? ''}`;
    if (marks.length < 4) continue;
    if (!found.breadcrumb && /breadcrumb/i.test(marks)) found.breadcrumb = el;
    if (DATE_MARK.test(marks) && !NOT_PUBLISHED.test(marks) && !moreChildrenThan(el, 6)) found.dates.push(el);
  }
  ctx.cache.set('markedElements', found);
  return found;
}

/**
 * An element's text with a space between its parts, where a theme sets the day, month and year
 * apart (<div class="date"><span>Apr</span> <span>04</span><span>2013</span></div>).
 */
function spacedText(el: Element): string {
  if (!el.firstElementChild) return textOf(el, MAX_LINE + 10);
  let text = '';
  for (let node = el.firstChild; node && text.length < MAX_LINE * 2; node = node.nextSibling) {
    // Text nodes run on (a DOM may split one at an entity: "2019&#x5E74;2"); elements stand apart.
    if (node.nodeType === 3) text += node.nodeValue ?? '';
    else if (node.nodeType === 1) text += ` ${textOf(node as Element, MAX_LINE + 10)} `;
  }
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, MAX_LINE + 10);
}

/** The first element marked as a date whose text is a full-day date line. */
export function fromDateMarkedElement(ctx: ExtractionContext): string | undefined {
  for (const el of markedElements(ctx).dates) {
    const text = spacedText(el);
    if (!text || text.length > MAX_LINE || UPDATE_WORDS.test(text) || TIME_RANGE.test(text)) continue;
    const date = parseDate(text);
    if (!date || date.length < 10 || !isDateOnlyLine(text) || elsewhere(ctx, el)) continue;
    return date;
  }
  return undefined;
}

/** Elements looked at before and after the main heading for a date line. */
const BEFORE_HEADING = 12;
const AFTER_HEADING = 80;
/**
 * "Pressemitteilung vom 25. Januar 2022 | Berlin – …", "18.02.2022, 10:27 | Recht", "Datum:
 * 03.02.2022 Autor: se Lesezeit: 4 min": the parts of a meta row, cut at separators and before
 * each further "Label:".
 */
const ROW_PARTS = /\s+[|·•]\s+|\s+[-–—]\s+|\s+(?=\p{Lu}\p{Ll}+:\s)/u;

/** The full-day date a short line, or the first part of a row, is (and no more than). */
function dateOfLine(text: string, asOf = false): string | undefined {
  // "30. März 2020, 13:15 Uhr - 19:00 Uhr": an event's day and hours, not a publication's.
  if (TIME_RANGE.test(text)) return undefined;
  const parts = text.split(ROW_PARTS);
  for (const part of text.length <= MAX_LINE ? parts : parts.slice(0, 1)) {
    if (part.length > MAX_LINE || !FULL_DAY_HINT.test(part) || NOT_PUBLISHED.test(part)) continue;
    const stand = AS_OF.test(part);
    if (stand !== asOf || UPDATE_WORDS.test(part.replace(AS_OF, ''))) continue;
    const date = parseDate(part);
    if (date?.length === 10 && isDateOnlyLine(withoutByline(part.replace(AS_OF, '')), 0)) return date;
  }
  return undefined;
}

/**
 * A byline after the date ("23.01.2019 By Jan Smit and Eva Berg", "15.2.2018, 19:51 > jsmit",
 * "Erstellt am: 30.01.2022 18:36 / sk") or before it ("Von Deutscher Tennis Bund 4. 2. 2022"): no
 * digit in it, a separator or "By"/"Von" opening it (after the date a capital one: not a line
 * that goes on as a sentence, "on 6/13/2018 by …").
 */
// Both run only on parts of at most MAX_LINE (90) characters of a text cut at 200 (dateOfLine):
// BYLINE_AFTER backtracks badly on a 100k-character input. Keep those caps.
const BYLINE_AFTER = /(?:\s*[/>]|\s+(?:By|Von|Door|Par|Por))\s+\D{1,60}$/u;
/**
 * Before the date, a name: capitalised words with their particles ("Von der Redaktion", "Par Jean
 * Dupont") or a user name with a digit ("von jsmit1 am"), not "Par arrêté du", "Par Décision du".
 */
const NAME_WORD = String.raw`(?:\p{Lu}[^\d\s]{0,30}|(?=\S*\d)[^\d\s]\S{0,30})`;
const PARTICLE = String.raw`(?:van|von|de|der|den|du|la|le|ten|ter|zu|da|di|dos)\s+`;
const BYLINE_BEFORE = new RegExp(
  String.raw`^(?:[Bb]y|[Vv]on|[Dd]oor|[Pp]ar|[Pp]or)(?:\s+(?:${PARTICLE})*${NAME_WORD}){1,6}?(?:\s+(?:am|on|op|le|el))?\s+(?=\d)`,
  'u',
);

/** A meta row's date part without the byline beside it. */
function withoutByline(part: string): string {
  return part.replace(BYLINE_AFTER, '').replace(BYLINE_BEFORE, '');
}

/**
 * A press release's dateline opening its first paragraph ("Karlsruhe, (12.11.2021). Traditionell
 * …", "(21. November 2022) Verbraucher erhalten …", "Berlin, 3. Mai 2021 – Der Rat …"): a place
 * and a comma, or a bracket, before the date, then the text (not a date that opens a sentence).
 */
const DATELINE =
  /^(?:\p{Lu}[\p{L}. -]{1,30},\s*\(?|\()(\d{1,2}\.\s?\d{1,2}\.\s?\d{4}|\d{1,2}\.?\s+\p{L}{3,10}\.?\s+\d{4})\)?\s*[.:–—-]?\s+\p{Lu}/u;

function datelineOf(text: string): string | undefined {
  if (text.length <= MAX_LINE) return undefined;
  const match = DATELINE.exec(text);
  const date = parseDate(match?.[1]);
  // "Bern, 17.08.2007 - Rede beim Städtegipfel, Basel, 18. August 2007": a line of two days tells
  // an event's day too, and not which one the page is from.
  if (!match || date?.length !== 10 || parseDate(text.slice(match[0].length))?.length === 10)
    return undefined;
  return date;
}

/**
 * The document's <title> without the site's name ("Neue Regeln für Gemeinden | Beispielportal"),
 * folded; `notItem`: the site's names and the title's parts beside the item's own (its longest),
 * which an h2 of the site header ("Beispielportal") may hold.
 */
function itemTitle(ctx: ExtractionContext): { title: string; notItem: Set<string> } {
  const names = siteNames(ctx);
  const parts = titleParts(ctx.docTitle);
  const longest = parts.reduce((a, b) => (b.length > a.length ? b : a), '');
  const notItem = new Set([...names, ...parts.filter((part) => part !== longest)].map(foldWords));
  return { title: foldWords(stripSiteName(ctx.docTitle, names)), notItem };
}

/**
 * The main heading; on a page without an h1 that says anything (a logo's <h1>, no h1 at all), the
 * first h2 whose text is in the document's <title>: the item's own heading, with its date line
 * under it.
 */
function titleHeading(ctx: ExtractionContext): Element | null {
  if (ctx.heading && ctx.headingText) return ctx.heading;
  let found = ctx.cache.get('titleHeading') as Element | null | undefined;
  if (found === undefined) {
    found = null;
    const item = itemTitle(ctx);
    const headings = ctx.elements.sectionHeadings;
    for (let i = 0; item.title && i < headings.length && !found; i++) {
      if (headings[i].tagName.toLowerCase() !== 'h2') continue;
      const text = foldWords(textOf(headings[i], 200));
      if (text.length >= 12 && item.title.includes(text) && !item.notItem.has(text)) found = headings[i];
    }
    ctx.cache.set('titleHeading', found);
  }
  return found ?? ctx.heading;
}

/**
 * A date line among the elements around the main heading, in page order (the kicker above it, the
 * meta row or dateline below it: "03.02.2022", "Veröffentlicht am 16.08.2019 Dauer: …"), where
 * nothing marks it as the date. From the one element list; bounded.
 */
export function fromLineNearHeading(ctx: ExtractionContext, asOf = false): string | undefined {
  const heading = titleHeading(ctx);
  if (!heading) return undefined;
  const near = nearHeading(ctx, heading);
  if (!near) return undefined;
  // A dateline opens the first paragraph under the heading (the first element after it of more
  // than a line): not a chronology's "Brüssel, 12. März 2020: …" further down, nor text above it.
  let lead = !asOf;
  for (let i = near.start; i < near.end; i++) {
    const text = lineAt(ctx, near, i);
    if (text === null) continue;
    const el = ctx.elements.all[i];
    const opens = lead && i > near.at && text.length > MAX_LINE;
    if (opens) lead = false;
    if (!text || !hasDigit(text)) continue;
    const date =
      dateOfLine(text, asOf) ?? (opens && !el.closest('li, blockquote') ? datelineOf(text) : undefined);
    // A date in a link is another page's ("Lagebericht vom 25. Februar 2020").
    if (date && !el.closest('a') && !elsewhere(ctx, el)) return date;
  }
  return undefined;
}

/**
 * The elements around the heading (positions start to end in the element index) and their texts,
 * read as the date-line rules reach them and kept for the next rule (published, then "Stand:").
 */
interface NearHeading {
  heading: Element;
  at: number;
  start: number;
  end: number;
  /** Past the heading's own elements (they follow it in page order). */
  inside: number;
  /** By position from start: the text, null for an element that is no line, undefined until read. */
  texts: (string | null | undefined)[];
}

function nearHeading(ctx: ExtractionContext, heading: Element): NearHeading | undefined {
  const cached = ctx.cache.get('nearHeading') as NearHeading | undefined;
  if (cached?.heading === heading) return cached;
  const all = ctx.elements.all;
  const at = all.indexOf(heading);
  if (at < 0) return undefined;
  const end = Math.min(all.length, at + AFTER_HEADING);
  let inside = at + 1;
  while (inside < end && heading.contains(all[inside])) inside++;
  const near: NearHeading = { heading, at, start: Math.max(0, at - BEFORE_HEADING), end, inside, texts: [] };
  ctx.cache.set('nearHeading', near);
  return near;
}

/** The text of the element at position i, or null when it is the heading, inside it or has more than 4 children. */
function lineAt(ctx: ExtractionContext, near: NearHeading, i: number): string | null {
  let text = near.texts[i - near.start];
  if (text === undefined) {
    const el = ctx.elements.all[i];
    text = (i >= near.at && i < near.inside) || moreChildrenThan(el, 4) ? null : textOf(el, MAX_LINE * 2);
    near.texts[i - near.start] = text;
  }
  return text;
}

/**
 * A blog theme's sentence under the post ("This entry was posted on Saturday, December 3rd, 2011
 * at …", "Dieser Beitrag wurde am Samstag, 3. Dezember 2011 um 10:15 Uhr veröffentlicht", "Dieser
 * Artikel wurde am 14. Dezember 2015 von Heiner geschrieben"): the post's own date, told once at
 * its foot, in the post that holds the heading.
 */
const POSTED_SENTENCE =
  /^(?:this|dieser|diese|deze|dit)\s+(?:entry|post|article|beitrag|artikel|eintrag|bericht)\s+(?:was|wurde|werd|is)\s/i;
const POSTED_VERB =
  /(?<!\p{L})(?:posted|published|written|veröffentlicht|geschrieben|verfasst|gepubliceerd|geplaatst|geschreven)(?!\p{L})/iu;
/** Elements of the post looked at after its heading. */
const POST_ELEMENTS = 3_000;

export function fromPostedSentence(ctx: ExtractionContext): string | undefined {
  const heading = ctx.heading;
  const post = heading?.closest('article, .hentry, .post');
  if (!heading || !post) return undefined;
  const all = ctx.elements.all;
  const at = all.indexOf(heading);
  for (let i = at + 1; at >= 0 && i < all.length && i < at + POST_ELEMENTS && post.contains(all[i]); i++) {
    const first = all[i].firstChild;
    const own = first?.nodeType === 3 ? (first.nodeValue ?? '').trimStart() : '';
    if (!POSTED_SENTENCE.test(own)) continue;
    const text = textOf(all[i], 160);
    const date = parseDate(text);
    if (date?.length === 10 && POSTED_VERB.test(text) && !elsewhere(ctx, all[i])) return date;
  }
  return undefined;
}

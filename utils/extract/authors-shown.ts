/**
 * Whether the reader sees a name the metadata gives: the page's text, without what the reader does
 * not see as the article's (hidden markup, reader comments, copyright notices).
 */
import type { ExtractionContext } from './context';
import { fold, walkReadableText } from './text';

const COPYRIGHT_NOTICE = /(?:©|\(c\)(?=\s*\d{4})|copyright\b)[^.]{0,80}/gi;

/** Reader comments, by whole class token or id ("comments-open", "commentaar-body", #commentary are not). */
const COMMENT_CLASS =
  /(?:^|\s)(?:comments?|comment-(?:list|body|content|text|meta|author|respond|thread)|comments-(?:area|list|section|wrapper)|commentlist)(?=\s|$)/;
const COMMENT_ID = /^(?:comments|comment-\d+|respond|disqus_thread)$/;
const PAGE_ITSELF = new Set(['html', 'body', 'main', 'article']);
/** Hidden markup the reader may still open: a tab panel ("Auteurs"), a section, a fold-out. */
const OPENABLE = new Set(['section', 'details', 'aside']);
const DISPLAY_NONE = /display:\s*none/i;
const MAX_HIDDEN_COPY = 200;

/** An attribute as written (getAttribute('class') makes some DOMs, linkedom, build a token list). */
const written = (el: Element, name: string) => el.getAttributeNode(name)?.value;

/**
 * Markup the reader does not see (a small hidden element, display: none: a theme's microformat
 * copy of the author) and reader comments (a commenter named like the account, "Reply to Jana"),
 * but never the page itself (<body class="showing-comments">) nor a hidden tab panel or section.
 * Runs on every element of the page: cheapest checks first.
 */
function notTheArticle(el: Element): boolean {
  if (!el.hasAttributes() || PAGE_ITSELF.has(el.localName)) return false;
  const style = written(el, 'style');
  if (el.hasAttribute('hidden') || (style && DISPLAY_NONE.test(style))) {
    const openable = OPENABLE.has(el.localName) || written(el, 'role') === 'tabpanel';
    if (!openable && (el.textContent ?? '').length <= MAX_HIDDEN_COPY) return true;
  }
  const id = written(el, 'id');
  if (id && COMMENT_ID.test(id)) return true;
  const classes = written(el, 'class');
  return !!classes && COMMENT_CLASS.test(classes);
}

/** The page's text without hidden markup, comments and copyright notices, folded, read once (capped). */
function pageText(ctx: ExtractionContext): { words: string; squashed: string } {
  if (!ctx.cache.has('pageText')) {
    // A copyright notice names the site's owner, not the article's author ("© 2020 by Jan Jansen").
    const raw = walkReadableText(ctx.doc.documentElement, 300_000, notTheArticle).replace(
      COPYRIGHT_NOTICE,
      ' ',
    );
    // fold() reads 10,000 characters at most: fold the text piece by piece.
    let words = ' ';
    for (let at = 0; at < raw.length; at += 10_000) words += `${fold(raw.slice(at, at + 10_000))} `;
    ctx.cache.set('pageText', { words, squashed: words.replace(/ /g, '') });
  }
  return ctx.cache.get('pageText') as { words: string; squashed: string };
}

/**
 * The name appears in the page's text: whole (textContent may run it into the next word,
 * "Evan HalperStaff Writer") or by its last word (a surname on its own, "Von Halper").
 */
export function shownOnPage(ctx: ExtractionContext, name: string): boolean {
  const text = pageText(ctx);
  const words = fold(name).split(' ').filter(Boolean);
  const last = words[words.length - 1] ?? '';
  return text.squashed.includes(words.join('')) || (last.length >= 4 && text.words.includes(` ${last} `));
}

/** A blog's user name the page shows after a byline prefix ("von flerche", "by annak42"). */
export function signsAsUser(ctx: ExtractionContext, raw: string): boolean {
  const name = fold(raw);
  if (!/^[a-z\d]{3,30}$/.test(name)) return false;
  const { words } = pageText(ctx);
  return [' von ', ' by ', ' door ', ' par ', ' por '].some((prefix) => words.includes(`${prefix}${name} `));
}

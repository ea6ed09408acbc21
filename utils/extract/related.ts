/**
 * Field: related publications the page lists ("Gerelateerde publicaties", "Related content", ...),
 * as cards with title, subtitle, teaser, URL and themes, in page order.
 */
import type { RelatedPublication } from '@/utils/record';
import type { ExtractionContext } from './context';
import { findLabels, labelField } from './labels';
import { listItems } from './themes';
import { cleanText, fold, textOf } from './text';
import { cleanUrl } from './urls';

const MAX_CARDS = 30;
const MAX_RELATED = 50;
const SUBTITLE_CLASS = /sub-?title|subheading|ondertitel|deck|standfirst|(?:^|[\s_-])sub(?:$|[\s_-])/i;
const THEME_CLASS = /topic|tags?(?:$|[\s_-])|theme|thema|categor|subject|labels/i;
/** Kickers, dates and tags in a card are not its teaser. */
const NOT_SUMMARY_CLASS = /label|meta|date|datum|type|topic|tag|theme|thema|categor|kicker|byline|author/i;
const SUMMARY_CLASS =
  /excerpt|teaser|summary|samenvatting|intro|description|card__text|field--name-body|lead|abstract/i;
const HEADING = 'h2, h3, h4, h5, h6';

export function extractRelated(ctx: ExtractionContext, ownUrls: string[]): RelatedPublication[] {
  const related: RelatedPublication[] = [];
  const seen = new Set<string>();
  const own = new Set(ownUrls);
  for (const block of ctx.relatedBlocks) {
    for (const card of cardsOf(block)) {
      try {
        const item = readCard(card, ctx);
        if (!item) continue;
        const key = fold(item.title);
        if (seen.has(key) || (item.url && own.has(item.url))) continue;
        seen.add(key);
        related.push(item);
        if (related.length >= MAX_RELATED) return related;
      } catch {
        // A broken card costs only itself.
      }
    }
  }
  return related;
}

/** The element whose children are the cards: most children that each hold a link. */
function cardsOf(block: Element): Element[] {
  let best: Element[] = [];
  const queue: [Element, number][] = [[block, 0]];
  let visited = 0;
  while (queue.length && visited < 200) {
    const [el, depth] = queue.shift()!;
    visited++;
    const cards: Element[] = [];
    const children = el.children;
    for (let i = 0; i < children.length && i < 100; i++) {
      const child = children[i];
      if (child.matches(HEADING) && !child.querySelector('a[href]')) continue;
      if (child.matches('a[href]') || child.querySelector('a[href]')) cards.push(child);
    }
    if (cards.length > best.length) best = cards;
    if (depth < 4) for (let i = 0; i < children.length && i < 50; i++) queue.push([children[i], depth + 1]);
  }
  // A single child that wraps everything is a wrapper, not a card, when its own children are cards.
  return best.slice(0, MAX_CARDS);
}

function readCard(card: Element, ctx: ExtractionContext): RelatedPublication | undefined {
  const titleEl = card.querySelector(HEADING) ?? titleByClass(card) ?? firstLinkWithText(card);
  if (!titleEl) return undefined;
  const title = textOf(titleEl, 300);
  if (title.length < 2 || labelField(title)) return undefined;
  const link =
    titleEl.closest('a[href]') ??
    titleEl.querySelector('a[href]') ??
    (card.matches('a[href]') ? card : card.querySelector('a[href]'));
  const url = cleanUrl(link?.getAttribute('href'), ctx.base);

  const item: RelatedPublication = { title, themes: [] };
  if (url) item.url = url;
  const subtitle = subtitleOf(card, titleEl);
  if (subtitle && fold(subtitle) !== fold(title)) item.subtitle = subtitle;
  const summary = summaryOf(card, titleEl, subtitle);
  if (summary) item.summary = summary;
  const themes = themesOf(card);
  if (themes.length) item.themes = themes;
  return item;
}

function titleByClass(card: Element): Element | undefined {
  const candidates = card.querySelectorAll('[class*="title"]');
  for (let i = 0; i < candidates.length && i < 20; i++) {
    if (!SUBTITLE_CLASS.test(candidates[i].getAttribute('class') ?? '')) return candidates[i];
  }
  return undefined;
}

function firstLinkWithText(card: Element): Element | undefined {
  const links = card.matches('a[href]') ? [card] : [...card.querySelectorAll('a[href]')].slice(0, 10);
  return links.find((link) => textOf(link, 20).length >= 2);
}

function subtitleOf(card: Element, titleEl: Element): string | undefined {
  const candidates = card.querySelectorAll('[class]');
  for (let i = 0; i < candidates.length && i < 100; i++) {
    const el = candidates[i];
    if (el === titleEl || el.contains(titleEl) || titleEl.contains(el)) continue;
    if (SUBTITLE_CLASS.test(el.getAttribute('class') ?? '')) return textOf(el, 300) || undefined;
  }
  // A lower-level heading right after the title heading: <h3>Title</h3><h4>Subtitle</h4>.
  const level = Number(titleEl.tagName.slice(1));
  const next = titleEl.nextElementSibling;
  if (
    level &&
    next?.matches(HEADING) &&
    Number(next.tagName.slice(1)) > level &&
    !labelField(textOf(next, 60))
  ) {
    return textOf(next, 300) || undefined;
  }
  return undefined;
}

function summaryOf(card: Element, titleEl: Element, subtitle: string | undefined): string | undefined {
  const candidates = card.querySelectorAll('p, [class]');
  let fallback: string | undefined;
  for (let i = 0; i < candidates.length && i < 100; i++) {
    const el = candidates[i];
    if (el.contains(titleEl) || titleEl.contains(el) || el.querySelector(HEADING) || el.matches(HEADING))
      continue;
    if (
      NOT_SUMMARY_CLASS.test(el.getAttribute('class') ?? '') ||
      SUBTITLE_CLASS.test(el.getAttribute('class') ?? '')
    )
      continue;
    if (el.querySelector('dt, strong, b') && labelField(textOf(el.querySelector('dt, strong, b'), 60)))
      continue;
    const text = textOf(el, 1_200);
    if (!text || (subtitle && fold(text) === fold(subtitle))) continue;
    const colon = text.indexOf(':');
    if (colon > 0 && colon < 30 && labelField(text.slice(0, colon))) continue;
    if (el.tagName.toLowerCase() === 'p' || SUMMARY_CLASS.test(el.getAttribute('class') ?? '')) {
      if (text.length >= 20) return cleanText(text, 1_000);
      fallback ??= text;
    }
  }
  return fallback;
}

function themesOf(card: Element): string[] {
  const value = findLabels(card).get('themes');
  if (value) return listItems(value.items.length ? value.items : [value.text]);
  const tags = card.querySelectorAll('a[rel~="tag"]');
  if (tags.length) return listItems([...tags].slice(0, 20).map((a) => textOf(a, 100)));
  const byClass = themesByClass(card);
  if (byClass.length) return byClass;
  return card.tagName.toLowerCase() === 'tr' ? themesByColumn(card) : [];
}

/** <ul class="card__topics"><li>…</li></ul>, <p class="card__themes">A · B</p>, <span class="tag">…</span>. */
function themesByClass(card: Element): string[] {
  const candidates = card.querySelectorAll('[class]');
  for (let i = 0; i < candidates.length && i < 100; i++) {
    const el = candidates[i];
    if (
      !THEME_CLASS.test(el.getAttribute('class') ?? '') ||
      el.matches(HEADING) ||
      el.matches('a[href]:not([class*="tag"]):not([class*="topic"])')
    )
      continue;
    const parts = [...el.children]
      .filter((child) => child.tagName.toLowerCase() !== 'br')
      .map((child) => textOf(child, 100))
      .filter(Boolean);
    if (parts.length && parts.join(' ').length >= textOf(el, 1_000).length * 0.8)
      return listItems(parts, false);
    const text = textOf(el, 400);
    if (text) return listItems(text.split(/\s*[,·|•;]\s*/));
  }
  return [];
}

/** A table row of publications: the cell under a "Thema" column header. */
function themesByColumn(row: Element): string[] {
  const table = row.closest('table');
  const header = table?.querySelector('thead tr, tr');
  if (!header || header === row) return [];
  const headers = [...header.children].map((cell) => labelField(textOf(cell, 60)));
  const column = headers.indexOf('themes');
  const cell = column >= 0 ? row.children[column] : undefined;
  return cell ? listItems(textOf(cell, 400).split(/\s*[,·|•;]\s*/)) : [];
}

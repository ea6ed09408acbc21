/**
 * The byline words detection and extraction both read a page by, in Dutch, English and German,
 * defined once: the prefixes ("door", "by", "von", "Erstellt von") and the author labels that
 * open a byline line ("Auteur:", "Author:", "Autor:"). The labels of every other field ("Thema's",
 * "Topics", "Themen") are in labels-vocabulary.ts. `utils/detect/page.ts` counts them as evidence
 * of a publication; `utils/extract/` reads the values behind them. Not imported by the first check
 * (the content script's bundle stays small).
 */

/** Words that introduce the author's name on a byline line, longest first. */
export const BYLINE_PREFIXES = [
  'geschreven door',
  'written by',
  'posted by',
  'reported by',
  'erstellt von',
  'veröffentlicht von',
  'geschrieben von',
  'verfasst von',
  'ein artikel von',
  'ein beitrag von',
  'ein gastbeitrag von',
  'gastbeitrag von',
  'blogbeitrag von',
  'blog beitrag von',
  'een bijdrage van',
  'gastbijdrage van',
  'a guest post by',
  'guest post by',
  'text von',
  'text und fotos von',
  'zeige alle beiträge von',
  'alle beiträge von',
  'door',
  'by',
  'von',
  'par',
  'por',
];

/** "Author:" labels, whose value is the byline. */
export const AUTHOR_LABELS = [
  'auteur',
  'auteurs',
  'author',
  'authors',
  'autor',
  'autorin',
  'autoren',
  'verfasser',
  'verfasserin',
  'redaktion',
  'redactie',
  'text',
  'tekst',
];

/** Author labels that name a person, not a desk or the text ("Text:", "Redaktion:"): a signature line opens with them. */
export const PERSON_LABELS = AUTHOR_LABELS.filter(
  (word) => !/^(?:text|tekst|redaktion|redactie)$/.test(word),
);

/** Words in any case, as a pattern that can still ask for a capital after them ("von Tobi", not "von der"). */
const alternatives = (words: string[]) =>
  words
    .map((word) =>
      word.replace(/\p{L}/gu, (ch) => `[${ch.toLowerCase()}${ch.toUpperCase()}]`).replace(/\s+/g, '\\s+'),
    )
    .join('|');

/** Dutch and German academic titles, written lower case and often run together ("prof.dr.", "dr.ir."). */
const ACADEMIC_TITLES = '(?:(?:prof|dr|ir|mr|drs|ing|em)\\.\\s*)*';

/** A colon some sites put after the prefix ("Written by: Jane Roe", "Von: Anna Dunst"). */
const PREFIX_COLON = '(?:\\s*[:：])?';

/**
 * A byline line: a prefix or an author label, then a capitalised name, maybe after academic titles
 * ("Von Anna Dunst", "Author: Jane Roe", "Door prof.dr. Jan Jansen"). A colon after the prefix
 * only where the prefix has two words or more ("Written by: Jane Roe"): after a bare "Von:",
 * "Door:", "By:" it is a form's or a timetable's field ("Von: Berlin Hbf", "By: Appointment Only").
 */
export const BYLINE_LINE = new RegExp(
  `^\\s*(?:(?:${alternatives(BYLINE_PREFIXES)})\\s+|(?:${alternatives(BYLINE_PREFIXES.filter((prefix) => prefix.includes(' ')))})\\s*[:：]\\s+|(?:${alternatives(AUTHOR_LABELS)})\\s*[:：]\\s*)${ACADEMIC_TITLES}\\p{Lu}`,
  'u',
);

/**
 * "Autor: Jane Roe" inside a meta row ("Datum: 03.11.2021 Autor: Peter Maahn Lesezeit: 5 min").
 * Not "Text:"/"Tekst:", which open a byline only at the start of a line: inside one they are
 * "Full text: Available as PDF", "Volledige tekst: Download".
 */
const LABEL_IN_ROW = new RegExp(
  `(?:^|\\s)((?:${alternatives(AUTHOR_LABELS.filter((word) => word !== 'text' && word !== 'tekst'))})\\s*[:：]\\s*\\p{Lu}.*)$`,
  'u',
);

/** "Von Hamburg nach Kiel", "Van Utrecht naar Zwolle": a route, not a byline. */
const ROUTE = /^\s*[Vv][oa]n\s+\p{Lu}[^,.:;]{0,60}?\s(?:nach|bis|naar|tot)\s+\p{Lu}/u;

/** A prefix on its own ("By" in its own element, the name in the next: "By<a>J.R. Stone</a>"). */
export const BYLINE_PREFIX_ONLY = new RegExp(`^\\s*(?:${alternatives(BYLINE_PREFIXES)})\\s*$`, 'u');

/**
 * The byline in a line of the page: the line itself, a part of a meta row ("yas! | By Cara Stiles |
 * April 13, 2020") or an author label inside one; undefined when it holds none.
 */
export function bylineOf(line: string): string | undefined {
  if (ROUTE.test(line)) return undefined;
  if (BYLINE_LINE.test(line)) return line;
  for (const part of line.split(/\s+[|·•–—]\s+/)) if (BYLINE_LINE.test(part)) return part;
  return LABEL_IN_ROW.exec(line)?.[1];
}

/** The prefix before any name, a blog's lower-case user name too ("von blauwal1977"). */
export const BYLINE_PREFIX_ANY = new RegExp(`^\\s*(?:${alternatives(BYLINE_PREFIXES)})\\s+(?=\\S)`, 'u');

/** The prefix itself, before a capitalised name, to be cut ("Erstellt von Andri Bryner" → "Andri Bryner"). */
export const BYLINE_PREFIX = new RegExp(
  `^\\s*(?:${alternatives(BYLINE_PREFIXES)})${PREFIX_COLON}\\s+(?=${ACADEMIC_TITLES}\\p{Lu})`,
  'u',
);

/**
 * Names of a site's sections and listings in nl/en/de ("Pressemitteilungen", "Nieuws", "Reden"):
 * as a page's heading or declared title they name the section above the item, not the item.
 */
export const SECTION_NAMES = new Set([
  'nieuws',
  'nieuwsberichten',
  'persberichten',
  'persbericht',
  'publicaties',
  'toespraken',
  'actueel',
  'berichten',
  'blog',
  'blogs',
  'news',
  'press releases',
  'press release',
  'publications',
  'speeches',
  'latest news',
  'media releases',
  'articles',
  'insights',
  'pressemitteilungen',
  'pressemitteilung',
  'medienmitteilungen',
  'medienmitteilung',
  'pressemeldungen',
  'presse',
  'nachrichten',
  'aktuelles',
  'meldungen',
  'fachmeldungen',
  'reden',
  'publikationen',
  'neuigkeiten',
  'mitteilungen',
  'magazin',
  'beiträge',
  'beitraege',
]);

/** "Pressemitteilungen", "Pressemeldungen des Deutschen Caritasverbandes": a section's name (text folded). */
export function isSectionName(folded: string): boolean {
  if (SECTION_NAMES.has(folded)) return true;
  const match = /^(\S+)\s+(?:des|der|von|vom|van|of|the)\s/.exec(folded);
  return Boolean(match && SECTION_NAMES.has(match[1]) && folded.split(' ').length <= 6);
}

/** Listings of a kind of publication ("Adviezen", "Reports", "Stellungnahmen"): a breadcrumb step, not a theme. */
export const PUBLICATION_LISTS = new Set([
  'adviezen',
  'rapporten',
  'publicaties',
  'onderzoek',
  'onderzoeken',
  'essays',
  'analyses',
  'verkenningen',
  'notities',
  'boeken',
  'kennis',
  'reports',
  'research',
  'publications',
  'policy briefs',
  'working papers',
  'briefings',
  'books',
  'commentary',
  'analysis',
  'papers',
  'veröffentlichungen',
  'veroffentlichungen',
  'studien',
  'berichte',
  'stellungnahmen',
  'gutachten',
  'publikationen',
  'positionspapiere',
]);

/**
 * Cleaner: raw author strings → one display name per person (or authoring body), in page order.
 * Splits on commas, semicolons, "en"/"and", "&", "|" and line breaks; drops "Door"/"By" prefixes,
 * academic titles ("prof. dr.") and roles (", decaan", "Senior Fellow"); keeps organisations.
 */
import { BYLINE_PREFIX } from '@/utils/detect/vocabulary';
import { withoutTrailingGlue } from './authors-glue';
import { cleanText, fold, hasDigit } from './text';

const MAX_AUTHORS = 50;

const PREFIX =
  /^(?:(?:geschreven\s+)?door|(?:written\s+|posted\s+|reported\s+)?by|auteurs?|authors?|autor(?:in|en)?|verfasser(?:in)?|redactie|redaktion(?=\s*[:：])|tekst|text)\s*[:：]?\s+/i;
/** What CMSes put where no one signed (Joomla's "Super User", WordPress's "admin"). */
const PLACEHOLDERS = new Set([
  'super user',
  'admin',
  'administrator',
  'name',
  'unknown',
  'anonymous',
  'anonym',
  'redaktion',
  'guest',
  'gast',
  'webmaster',
  'user',
  'editor',
  'redactie',
]);
/** A label an advertisement carries in the author's place ("Sponsored Post", "Anzeige"). */
const SPONSORED =
  /^(?:sponsored|gesponserte?|anzeige|werbung|advertorial|promoted|paid (?:post|content)|partner content|in samenwerking met)(?: |$)/;
/** A profession before the name ("Rechtsanwalt Jan Jansen", "advocaat mr. Els de Wit"). */
const PROFESSION =
  /^(?:rechtsanw(?:alt|ältin|aeltin)|fachanw(?:alt|ältin|aeltin)|notar(?:in)?|steuerberater(?:in)?|advocaat|notaris|attorney(?: at law)?)\s+(?=\p{L})/iu;
/** "prof. dr.", "prof.dr.", "dr.ir.", "em. prof.": titles, spaced or run together. */
const TITLES = /^(?:(?:prof|dr|drs|mr|ir|ing|ds|mw|dhr|mevr|mrs?|ms|sir|dame|em)(?:\.\s*|\s+))+/i;
const POSTNOMINALS =
  'phd|ph\\.d\\.|dphil|msc|m\\.sc\\.|mba|md|llm|ll\\.m\\.|llb|bsc|mphil|mpa|mpp|fba|frs|obe|cbe|mbe|jr\\.?|sr\\.?';
/** MA and BA only in capitals: "Jack Ma" keeps his name. */
const CAPITAL_POSTNOMINALS = 'MA|BA|M\\.A\\.|B\\.A\\.';
const TRAILING_POSTNOMINAL = new RegExp(`,?\\s+(?:${POSTNOMINALS})$`, 'i');
const TRAILING_CAPITAL_POSTNOMINAL = new RegExp(`,?\\s+(?:${CAPITAL_POSTNOMINALS})$`);
/** "PhD", "FBA" left on their own after splitting "Sarah Hill PhD, FBA" on the comma. */
const ONLY_POSTNOMINAL = new RegExp(`^(?:${POSTNOMINALS})$`, 'i');
const ONLY_CAPITAL_POSTNOMINAL = new RegExp(`^(?:${CAPITAL_POSTNOMINALS})$`);

/** "Jane Roe PhD MBA" → "Jane Roe". */
function withoutPostnominals(name: string): string {
  let out = name;
  for (let i = 0; i < 4; i++) {
    const next = out.replace(TRAILING_POSTNOMINAL, '').replace(TRAILING_CAPITAL_POSTNOMINAL, '');
    if (next === out) break;
    out = next;
  }
  return out;
}

/** "J.A. (Jan) de Vries": initials with the name the person goes by → "Jan de Vries". */
const INITIALS_WITH_NAME = /(?:^|\s)(?:\p{Lu}\.)+\s*\((\p{Lu}[\p{Ll}-]+)\)\s+/gu;
/** A part that is only a role or a joining word, not a name. */
const ROLE_WORDS = new Set(
  [
    'decaan',
    'directeur',
    'hoogleraar',
    'onderzoeker',
    'senior onderzoeker',
    'adviseur',
    'redacteur',
    'eindredactie',
    'voorzitter',
    'lid',
    'projectleider',
    'editor',
    'editors',
    'director',
    'senior fellow',
    'fellow',
    'nonresident senior fellow',
    'professor',
    'researcher',
    'research fellow',
    'associate',
    'senior associate',
    'analyst',
    'staff',
    'staff writer',
    'reporter',
    'correspondent',
    'contributor',
    'guest author',
    'et al',
    'e a',
    'm m v',
    'with',
    'met',
    'and',
    'en',
    'updated',
    'posted',
    'published',
    'author',
    'authors',
    'autor',
    'autoren',
    'quelle',
    'source',
    'bron',
    'auteur',
    'auteurs',
    'door',
    'by',
  ].map(fold),
);
const SPLIT = /\s*(?:[,;|\n\r•·]|\s+(?:and|en|und|et|y)\s+)\s*/i;
/** "Jane Doe March 11, 2015": a month as a whole word ("Jansen", "Mayer" are names, not months). */
const TRAILING_DATE =
  /\s+(?:on\s+)?(?:jan(?:uary|uari)?|feb(?:ruary|ruari)?|mar(?:ch)?|maart|apr(?:il)?|may|mei|jun[ei]?|jul[yi]?|aug(?:ust|ustus)?|sept?(?:ember)?|oct(?:ober)?|okt(?:ober)?|nov(?:ember)?|dec(?:ember)?)(?![a-z])\.?\s+\d{1,2}\b.*$/i;
/** "John Doe 3 October 2023", "Petra Smit 14 juni 2023": a day-first date after the name. */
const TRAILING_DAY_FIRST_DATE =
  /\s+(?:on\s+|op\s+)?\d{1,2}(?:st|nd|rd|th)?\.?\s+(?:jan|feb|mar|mrt|apr|may|mei|jun|jul|aug|sep|oct|okt|nov|dec)[a-z]*\.?,?\s+\d{4}\b.*$/i;
const ONLY_DATE =
  /^(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?\b/i;
const DATE_LINE =
  /\b(?:last\s+)?(?:updated|modified|bijgewerkt|gewijzigd|laatst gewijzigd|published|posted on|gepubliceerd|geplaatst|publiziert|veröffentlicht|aktualisiert|geändert|geaendert)(?![\p{L}])/iu;
const LOOKS_LIKE_DATE_OR_NUMBER = /\d{3,}|\d{1,2}:\d{2}/;

/**
 * A blog's user name: one word of 4 to 30 letters, digits, dashes or underscores (not a domain);
 * three lower-case letters are an editor's initials or an agency's code ("cpm", "zvg"), not a name.
 */
const USER_NAME = /^[\p{Ll}\d_-]{4,30}$/u;

/** Lower-case words a name may hold: particles ("van der", "von", "de la"), "and" between two. */
const PARTICLES = new Set(
  'von van der den de du da di la le del della dos das ter ten zu zur y bin ibn al el und and en et'.split(
    ' ',
  ),
);
/** Particles that open a surname on its own ("op de Beeck", "vom Bruch", "in 't Veld", "uit den Bogaard"). */
const LEADING_PARTICLES = new Set([
  ...PARTICLES,
  ..."op vom auf uit in aan am zum bij het 't ’t d' d’".split(' '),
]);
/** A phrase, not a name: three lower-case words that are no particles ("Fotos zum Download finden Sie hier"). */
function isPhrase(name: string): boolean {
  const words = name.split(/\s+/);
  return words.filter((word) => /^\p{Ll}/u.test(word) && !PARTICLES.has(word)).length >= 3;
}

/**
 * Words that open or close a name in lower case, no particle: a phrase or a widget's text ("See
 * all", "deinen Hochzeitsbloggern", "the National"), not a name.
 */
function lowerEdge(name: string): boolean {
  const words = name.split(/\s+/);
  if (words.length < 2 || !/^\p{Ll}/u.test(words[0])) return false;
  if (PARTICLES.has(words[0])) return false;
  // A run of particles, then the surname: "op de Beeck", "auf der Heide".
  const first = words.findIndex((word) => !LEADING_PARTICLES.has(word));
  return first < 0 || !/^\p{Lu}/u.test(words[first]);
}

/** A role at a body after the name: "Senior Fellow at Clingendael", "Redner bei beispiel.de". */
const AT_BODY = /\s+(bei|bij|at|für|chez)\s+(.*)$/u;
/** Words that qualify a role ("Senior Fellow", "Visiting Researcher"). */
const ROLE_QUALIFIERS = new Set([
  'senior',
  'junior',
  'visiting',
  'associate',
  'nonresident',
  'gast',
  'guest',
]);
/** One-word roles before "at", "bei", "bij" ("Redner bei …", "Woordvoerder bij …"). */
const AT_ROLES = new Set(
  'redner rednerin sprecher sprecherin pressesprecher pressesprecherin referent referentin mitarbeiter mitarbeiterin leiter leiterin medewerker woordvoerder promovendus student intern spokesperson spokesman spokeswoman head chief member partner economist econoom journalist journalistin lecturer docent lector scientist wissenschaftler wissenschaftlerin expert expertin'.split(
    ' ',
  ),
);

/**
 * The name before a role at a body: "Jan Jansen Senior Fellow at Clingendael" → "Jan Jansen",
 * "Jan at Clingendael" → "Jan"; a role alone ("Fellow at Clingendael") → "". A first name before
 * "bij de" and a capitalised word is a surname ("Arie bij de Vaate").
 */
function withoutRoleAtBody(name: string): string {
  const match = AT_BODY.exec(name);
  if (!match) return name;
  const words = name.slice(0, match.index).split(/\s+/);
  if (
    words.length === 1 &&
    match[1] === 'bij' &&
    /^(?:de|den|der|het|'t|’t)\s+\p{Lu}/u.test(match[2]) &&
    !isRoleWord(words[0])
  )
    return name;
  while (words.length && isRoleWord(words[words.length - 1])) words.pop();
  return words.join(' ');
}

function isRoleWord(word: string): boolean {
  const folded = fold(word);
  return ROLE_WORDS.has(folded) || ROLE_QUALIFIERS.has(folded) || AT_ROLES.has(folded);
}

/** Two to four capitalised words (particles between): a name, not a sentence. */
const NAME_ALONE =
  /^\p{Lu}[\p{L}'’.-]+(?:\s+(?:(?:von|van|der|den|de|du|da|di|la|le|zu|ter|ten)\s+)*\p{Lu}[\p{L}'’.-]*){1,3}$/u;

/** A line that is a person's name and nothing else ("Marina Vogt", "Jan van der Berg"). */
export function isNameAlone(text: string): boolean {
  return NAME_ALONE.test(text);
}

/** One raw string (possibly several names) → cleaned names. */
export function splitAuthors(raw: string, userNames = false): string[] {
  let text = cleanText(raw.replace(/<[^>]*>/g, ' ').replace(/\r?\n/g, ' , '), 1_000);
  text = text.replace(PREFIX, '').replace(BYLINE_PREFIX, '');
  // Both patterns below need a parenthesis; most bylines hold none (and a browser compiles a
  // pattern the first time it runs).
  const parenthesised = text.includes('(');
  if (parenthesised) text = text.replace(INITIALS_WITH_NAME, ' $1 ');
  text = withoutTrailingGlue(text);
  // "(Pressesprecher des EJW)", "(senior fellow at X)": a role after the name, not a person.
  if (parenthesised)
    text = text.replace(/\s*\([^()]*\s(?:des|der|bei|für|of|at|for|van|bij)\s[^()]*\)/giu, ' ');
  // "(with X and Y)" style asides are authors too.
  text = text.replace(/[()]/g, ', ').replace(/\s+avec\s+/gi, ', ');
  const parts = text
    .split(SPLIT)
    // "A & B" are two people; "Mac & i" (one word each side) is one name.
    .flatMap((part) => (/\S\s+\S+\s+&\s+\S+\s+\S/.test(part) ? part.split(/\s+&\s+/) : [part]));
  // A user name signs alone: lower-case words in a list are tags, not people.
  const alone = userNames && parts.filter((part) => part.trim()).length === 1;
  return parts.map((part) => cleanAuthor(part, alone)).filter((name): name is string => Boolean(name));
}

/** `userNames`: the name is read from a byline the reader sees, where a lower-case user name signs. */
export function cleanAuthor(raw: string, userNames = false): string | undefined {
  let name = cleanText(raw, 200)
    .replace(/^(?:and|en|&)\s+/i, '')
    .replace(PREFIX, '')
    .replace(BYLINE_PREFIX, '')
    .replace(PROFESSION, '')
    .replace(TITLES, '');
  name = withoutTrailingGlue(name);
  // "Redner bei Beispiel.de", "Jan Jansen Fellow at Example": a role at a body, after the name.
  name = withoutRoleAtBody(name);
  if (/^(?:©|copyright\b|\(c\))|all rights reserved|alle rechte|alle rechten|tous droits/i.test(name))
    return undefined;
  name = withoutPostnominals(name);
  // "Jane Doe March 11, 2015 3:46 PM": the byline's date is not part of the name.
  // A date in the name's slot ("December 19", "Wednesday January 18") is no name.
  // These three need a digit, as does LOOKS_LIKE_DATE_OR_NUMBER below.
  const digits = hasDigit(name);
  if (digits && ONLY_DATE.test(name)) return undefined;
  const dated = digits ? name.replace(TRAILING_DATE, '').replace(TRAILING_DAY_FIRST_DATE, '') : name;
  if (dated !== name && dated.trim()) name = dated;
  // "Last Updated: January 7, 2025" in a byline slot is a date line, not a person.
  if (DATE_LINE.test(name)) return undefined;
  name = name.replace(/^[\s\-–—:]+|[\s\-–—:.]+$/g, '');
  if (
    !name ||
    name.length < 2 ||
    name.length > 100 ||
    ONLY_POSTNOMINAL.test(name) ||
    ONLY_CAPITAL_POSTNOMINAL.test(name)
  )
    return undefined;
  // A blog signs with its address in a byline the reader sees ("Autor: www.reiseblog.example").
  const signsWithAddress = userNames && /^www\.[\p{L}\d-]+\.\p{L}{2,}$/u.test(name);
  if ((/^(?:https?:|www\.)/i.test(name) && !signsWithAddress) || name.includes('@')) return undefined;
  // A user name may hold digits ("blauwal1977", "lezer42"); a name in words may not.
  const userName = userNames && USER_NAME.test(name) && /\p{L}{3}/u.test(name);
  if (hasDigit(name) && LOOKS_LIKE_DATE_OR_NUMBER.test(name) && !userName) return undefined;
  const folded = fold(name);
  if (!folded || ROLE_WORDS.has(folded) || PLACEHOLDERS.has(folded) || SPONSORED.test(folded))
    return undefined;
  // All-lower-case text is a role or a phrase ("senior onderzoeker bij het CPB"), not a name; one
  // lower-case word is a user name, as blogs sign ("karstenruppert", "marc").
  if (
    !/\p{Lu}/u.test(name) &&
    !/[\u3400-\u9fff]/.test(name) &&
    !(userNames && USER_NAME.test(name) && !/admin|publisher/.test(name)) &&
    !signsWithAddress
  )
    return undefined;
  if (name.split(/\s+/).length > 8 || isPhrase(name) || lowerEdge(name)) return undefined;
  // Several words run together ("Hire the authorJan JansenPython Engineer"): a widget's text, not a name.
  if ((name.match(/\p{Ll}{3}\p{Lu}/gu) ?? []).length >= 2) return undefined;
  // SHOUTED NAMES read better in title case; a single word in capitals is an acronym ("SER", "OECD").
  if (name === name.toUpperCase() && /\p{L}{3}/u.test(name) && /\s/.test(name)) {
    name = name
      .toLowerCase()
      .replace(/(^|[\s'’-])(\p{L})/gu, (_, sep: string, ch: string) => sep + ch.toUpperCase());
  }
  return name;
}

/**
 * One person per value, as citation_author and DC.creator give them: "Bakker, Eline" is
 * "Eline Bakker", not two names.
 */
export function cleanPersonList(raws: string[]): string[] {
  return cleanAuthors(
    raws.map((raw) => {
      const match = /^\s*([^,]+),\s*([^,]+)$/.exec(raw);
      if (!match) return raw;
      const last = match[1].trim();
      const first = match[2].trim();
      const lastWords = last.split(/\s+/).length;
      const firstWords = first.split(/\s+/).length;
      // "Bakker, Eline", "Van der Steen, M." — not "Jane Doe, John Roe" (two full names in one tag).
      return lastWords <= 3 && firstWords <= 2 && !(lastWords >= 2 && firstWords >= 2)
        ? `${first} ${last}`
        : raw;
    }),
  );
}

/** Names from several raw values, deduplicated by folded form, capped (`userNames`: see cleanAuthor). */
export function cleanAuthors(raws: string[], userNames = false): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const raw of raws) {
    for (const name of splitAuthors(raw, userNames)) {
      const key = fold(name);
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(name);
      if (out.length >= MAX_AUTHORS) return out;
    }
  }
  return out;
}

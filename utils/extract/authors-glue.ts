/**
 * What follows a name on a byline row and is cut from it: the date, the source, a comment count
 * ("Jan Jansen - 03.03.2019", "Peter Maahn/SP-X", "Kate Berg 5 Kommentare"). Used by the author
 * cleaner (authors.ts) on every name.
 */
import { hasDigit } from './text';

/** What a pattern cannot match without: a digit, or one of these strings as written. */
type Needs = 'digit' | readonly string[];

/**
 * What follows the name on a byline row: the date ("am Samstag", "on 3 May"), "More Posts", "Datum: …";
 * each pattern with what it cannot match without (see withoutTrailingGlue).
 */
export const TRAILING_GLUE: ReadonlyArray<readonly [RegExp, Needs?]> = [
  [
    /\s+(?:am|on|op|le|el)\s+(?:montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|monday|tuesday|wednesday|thursday|friday|saturday|sunday|maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag|\d).*$/i,
  ],
  [
    /\s*(?:more posts|view all posts|all posts by|alle beiträge|alle artikel|alles von|zeige alle|mehr vom autor|mehr von|zu allen|kontakt\b|follow\b|folgen\b).*$/i,
  ],
  [/\s*\b(?:datum|date|lesezeit|reading time|leestijd)\s*:.*$/i, [':']],
  // "Todd Bates Date February 5, 2020": the label without its colon, then the date.
  [/\s+(?:datum|date)\s+(?:\p{L}+\.?,?\s+)?\d.*$/iu, 'digit'],
  [/(?:\s+|(?<=\p{Ll}))vor\s+\d+\s+(?:sekunden|minuten|stunden|tagen|wochen).*$/iu, 'digit'],
  // "Dominique — veröffentlicht am …", "Jan Jansen | Published 3 May".
  [/\s+[—–|·-]\s+(?:veröffentlicht|publiziert|erschienen|published|posted|gepubliceerd|geplaatst)\b.*$/i],
  [/\s+(?:illustrations?|fotos?|photos?|bilder?|grafik|video)\s*(?:von|by|door|:).*$/i],
  // A numeric date after the name: "Von Beispiel Bund 4. 2. 2022.", "Jan Jansen - 03.03.2019".
  [/\s+[-–—|·,]?\s*\d{1,2}\.\s?\d{1,2}\.\s?(?:\d{2}|\d{4})\b.*$/, 'digit'],
  // The source or agency after the name: "Fritz ImhofQuelle: Livenet", "Peter Maahn/SP-X".
  [/(?:\s+|(?<=\p{Ll}))(?:quelle|source|bron)\s*:.*$/iu, [':']],
  [/(?<=\p{Ll})\s*\/\s*\p{Lu}[\p{Lu}\d-]{1,8}$/u, ['/']],
  // A date in Chinese or Japanese after the name: "ZDNet Japan Staff 2019年04月28日".
  [/\s*\d{4}\s*年.*$/u, 'digit'],
  // An ISO date after the name, often run into it: "Li Wei2017-03-01 14:27:02".
  [/\s*\d{4}-\d{2}-\d{2}(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?(?:\s.*)?$/u, 'digit'],
  // A day and month after the name: "Christian Thiele 07 Dezember", "Jan Jansen 3 mei".
  [
    /\s+\d{1,2}\.?\s+(?:januar|jänner|februar|märz|april|mai|juni|juli|august|september|oktober|november|dezember|januari|februari|maart|mei|augustus)\b.*$/iu,
    'digit',
  ],
  // Run together by textContent: "Anna de VriesPublished May 3", "Ina LangeNORDSTADT MORNING POST".
  [/(?<=\p{Ll})(?:PUBLISHED|UPDATED|POSTED)\b.*$/u, ['PUBLISHED', 'UPDATED', 'POSTED']],
  // A weekday run into the name before the date: "Jonas BergMi 8 Apr 2020".
  [/(?<=\p{Ll})(?:Mo|Di|Mi|Do|Fr|Sa|So|Mon|Tue|Wed|Thu|Fri|Sat|Sun)\.?,?\s+\d{1,2}\b.*$/u, 'digit'],
  [/(?<=\p{Ll})\p{Lu}{3,}\s+\p{Lu}{3,}.*$/u],
  [
    /(?<=\p{Ll})(?:Published|Updated|Posted|Veröffentlicht|Aktualisiert|Gepubliceerd)\b.*$/u,
    ['Published', 'Updated', 'Posted', 'Veröffentlicht', 'Aktualisiert', 'Gepubliceerd'],
  ],
  // A time word run into the name before a number: "José WilsonHace 13 horas", "Jan JansenVor 2
  // Stunden"; only those words, so "MacKenzie", "VanDerBeek" stay whole.
  [
    /(?<=\p{Ll}{2})(?:Hace|Vor|Il y a|Há|Fa|Updated|Posted|Publicado|Actualizado|Atualizado|Pubblicato|Aggiornato|Gepubliceerd|Geplaatst|Bijgewerkt)\s+\d.*$/u,
    'digit',
  ],
  // A comment count after the name: "Kate Berg 5 Kommentare", "Jan Smit 12 reacties".
  [/\s+\d{1,5}\s+(?:comments?|kommentare?|reacties?|commentaires?|comentarios?|commenti)\b.*$/iu, 'digit'],
];

/**
 * Cuts what follows the name (TRAILING_GLUE), pattern by pattern. A pattern runs only where the
 * text holds what it needs: most names hold no digit, colon or slash, and a page's browser
 * compiles each pattern the first time it runs in a renderer process. The same text as running
 * every pattern (tests/unit/extract/authors-glue.test.ts).
 */
export function withoutTrailingGlue(text: string): string {
  let out = text;
  for (const [pattern, needs] of TRAILING_GLUE)
    if (needs === undefined || (needs === 'digit' ? hasDigit(out) : needs.some((part) => out.includes(part))))
      out = out.replace(pattern, '');
  return out;
}

/**
 * The label vocabulary, Dutch, English and German, defined once: the words a page puts before a
 * value ("Auteur(s):", "Published", "Thema's", "Schlagworte"). Detection (`page.ts`) counts them as
 * evidence of a publication, a vacancy or an event; extraction (`utils/extract/labels.ts`) reads
 * the values behind them. Both look words up folded the same way (`labelKey`), so they agree on
 * what is a label. Not imported by the first check (the content script's bundle stays small).
 */
import { foldWords } from './words';

/** A field a label names: the publication's fields, and words that only mark a kind of page. */
export type LabelField =
  | 'published'
  | 'authors'
  | 'themes'
  | 'type'
  | 'publisher'
  | 'keywords'
  | 'doi'
  | 'isbn'
  /** Words around a citation ("Cite this", "Pages"): evidence of a publication, no value of its own. */
  | 'citation'
  | 'vacancy'
  | 'event';

/** Label words per field, as pages print them (folded before lookup). */
const LABEL_WORDS: Record<LabelField, string> = {
  published:
    'publicatiejaar|jaar|jaar van uitgave|uitgavejaar|publicatiedatum|datum|datum publicatie|datum van publicatie|' +
    'verschenen|verschijningsdatum|gepubliceerd|gepubliceerd op|uitgegeven|' +
    'published|published on|publication date|date published|date|year|publication year|year of publication|' +
    'first published|release date|released|issued|' +
    'veröffentlicht|veröffentlicht am|veroeffentlicht|erschienen|erschienen am|publiziert|publiziert am|' +
    'erscheinungsdatum|erscheinungsjahr|veröffentlichungsdatum|datum der veröffentlichung|jahr',
  authors:
    'auteur|auteurs|auteur(s)|door|geschreven door|schrijver|schrijvers|onderzoekers|redactie|onder redactie van|tekst|' +
    'author|authors|author(s)|by|written by|contributors|contributor|researchers|editor|editors|editor(s)|edited by|' +
    'autor|autorin|autoren|autor/in|autor*in|verfasser|verfasserin|verfasst von|text|von',
  themes:
    "thema|themas|thema's|onderwerp|onderwerpen|dossier|dossiers|" +
    'theme|themes|topic|topics|related topics|research area|research areas|subject|subjects|issue area|issues|' +
    'themen|themenbereich|themenbereiche|rubrik|ressort',
  type:
    'type|publicatietype|soort|soort publicatie|type publicatie|documenttype|categorie|' +
    'publication type|content type|document type|format|' +
    'publikationstyp|dokumenttyp|art der publikation',
  publisher:
    'uitgever|uitgegeven door|organisatie|publisher|published by|organisation|organization|herausgeber|herausgegeben von|verlag',
  keywords:
    'trefwoorden|trefwoord|zoektermen|tags|tag|keywords|keyword|schlagworte|schlagwörter|schlagwort|stichworte|stichwörter|stichwort',
  doi: 'doi',
  isbn: 'isbn|isbn 13|isbn13|e isbn|isbn print',
  citation: "citation|cite this|pagina's|pages|adviesnummer|report number|seiten|zitiervorschlag|zitieren",
  vacancy:
    'salaris|uren per week|standplaats|vacaturenummer|sluitingsdatum|dienstverband|' +
    'salary|hours per week|closing date|gehalt|arbeitszeit|bewerbungsfrist|einsatzort',
  event:
    'locatie|aanvang|tijd|datum en tijd|aanmelden|sprekers|' +
    'location|venue|time|date and time|registration|speakers|veranstaltungsort|uhrzeit|anmeldung|referenten',
};

/** Folded label text: "Auteur(s):" → "auteur s", "Thema's" → "thema s". */
function labelKey(value: string): string {
  return foldWords(value.slice(0, 200).replace(/[:：]\s*$/, ''));
}

const FIELD_BY_KEY = new Map<string, LabelField>();
for (const [field, words] of Object.entries(LABEL_WORDS) as [LabelField, string][]) {
  for (const word of words.split('|')) FIELD_BY_KEY.set(labelKey(word), field);
}

/**
 * Label words too common outside publications to count as evidence of one: product tables,
 * calendars and forms print "Type", "Format", "Date" and "Year" too. Extraction still reads the
 * value behind them; detection (`evidenceLabelField`) passes them over.
 */
const WEAK_EVIDENCE = new Set(
  (
    'jaar|datum|date|year|jahr|released|issued|uitgegeven|door|by|von|text|tekst|tag|tags|' +
    'type|soort|categorie|format|subject|subjects|issues|organisatie|organisation|organization|dossier|dossiers'
  )
    .split('|')
    .map(labelKey),
);

/** The field a short text labels ("Thema's:" → themes), or undefined. */
export function labelWordField(text: string): LabelField | undefined {
  if (text.length > 40) return undefined;
  return FIELD_BY_KEY.get(labelKey(text));
}

/** The field a short text labels, when that label is evidence of a publication, a vacancy or an event. */
export function evidenceLabelField(text: string): LabelField | undefined {
  if (text.length > 40) return undefined;
  const key = labelKey(text);
  return WEAK_EVIDENCE.has(key) ? undefined : FIELD_BY_KEY.get(key);
}

/** The label words of some fields, folded (first letters of topic labels, for a cheap pre-check). */
export function labelWords(...fields: LabelField[]): string[] {
  return fields.flatMap((field) => LABEL_WORDS[field].split('|').map(labelKey));
}

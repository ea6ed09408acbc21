/**
 * BibTeX and RIS, in and out: written and read by Leesmap's own code (bibtex.ts, bibtex-read.ts,
 * ris.ts), pure functions over records. citation-js is no longer used here; the tests use it to
 * check that other tools read these files as Leesmap meant them.
 */
export { toBibtex } from './bibtex';
export { fromBibtex } from './bibtex-read';
export { fromRis, toRis } from './ris';

/**
 * Which declared description becomes the summary (issue 13): the page's own description before
 * JSON-LD's and the one written for sharing, a site tagline only when nothing else is declared,
 * and what two tags agree on over a single source that differs from them.
 */
import { describe, expect, it } from 'vitest';
import { extract, jsonLd, page } from './helpers';

const BODY = '<main><article><h1>Neue Regeln für Fahrräder</h1><p>Kurz.</p></article></main>';
const OWN = 'Der Bundestag hat neue Regeln für Fahrräder in der Stadt beschlossen; sie gelten ab Mai.';
const LD = 'Ein Bericht über Radwege, Tempo und die neuen Regeln für Fahrräder.';
const SOCIAL = '“Endlich wird es sicherer”, sagt eine Radfahrerin.';

describe('summary: which declared description', () => {
  it('prefers the page description to the social card’s', () => {
    const head = `<title>Neue Regeln für Fahrräder</title><meta name="description" content="${OWN}"><meta property="og:description" content="${SOCIAL}">`;
    expect(extract(page(head, BODY))?.summary).toBe(OWN);
  });

  it('skips a description that is the site’s tagline and takes the social card’s', () => {
    const tagline = 'Beispielblatt ist das unabhängige Magazin aus Köln.';
    const head = `<title>Neue Regeln für Fahrräder | Beispielblatt</title><meta property="og:site_name" content="Beispielblatt"><meta name="description" content="${tagline}"><meta property="og:description" content="${OWN}">`;
    expect(extract(page(head, BODY))?.summary).toBe(OWN);
  });

  it('puts JSON-LD before the social card, unless the social tags agree on another text', () => {
    const ld = jsonLd({ '@type': 'Article', headline: 'Neue Regeln für Fahrräder', description: LD });
    const og = `<meta property="og:description" content="${OWN}">`;
    expect(extract(page(`${ld}${og}`, BODY))?.summary).toBe(LD);
    const agreed = `${og}<meta name="twitter:description" content="${OWN}">`;
    expect(extract(page(`${ld}${agreed}`, BODY))?.summary).toBe(OWN);
  });
});

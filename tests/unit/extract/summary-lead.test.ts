/**
 * The lead the page marks under its heading is the summary where the description it declares is
 * not shown (issue 13): written for search engines and social cards, the reader never sees it.
 * A description the page shows stays, and the dek under the heading stays the subtitle only.
 */
import { describe, expect, it } from 'vitest';
import { readPage } from './helpers';

const DESCRIPTION =
  'Die Stadt testet neue Radwege. Lies hier mehr zu dem Thema und was das für dich bedeutet.';
const LEAD =
  'Ab Mai fahren Radfahrerinnen und Radfahrer in der Innenstadt auf drei neuen Wegen, getrennt vom Autoverkehr und mit eigenen Ampeln.';
const BODY =
  '<p>Der Stadtrat hat das Vorhaben am Dienstag mit großer Mehrheit beschlossen, nach zwei Jahren der Planung und vielen Anhörungen.</p>' +
  '<p>Die Kosten trägt zum größten Teil das Land, den Rest die Stadt aus ihrem Haushalt für den Verkehr.</p>';
const head = `<title>Neue Radwege für die Innenstadt</title><meta name="description" content="${DESCRIPTION}">`;
const article = (under: string) =>
  `<main><article><h1>Neue Radwege für die Innenstadt</h1>${under}${BODY}</article></main>`;

describe('summary: the marked lead over a description nobody sees', () => {
  it('takes the lead the page marks (p.lead, div.lead) when the description is not shown', () => {
    expect(readPage(head, article(`<p class="post__lead">${LEAD}</p>`))?.summary).toBe(LEAD);
    expect(readPage(head, article(`<div class="lead">${LEAD}</div>`))?.summary).toBe(LEAD);
  });

  it('keeps the description when the page shows it under the heading', () => {
    const under = `<h2 class="subtitle">${DESCRIPTION}</h2><p class="lead">${LEAD}</p>`;
    expect(readPage(head, article(under))?.summary).toBe(DESCRIPTION);
  });

  it('keeps the description when the first paragraph is not marked as a lead', () => {
    expect(readPage(head, article(`<p>${LEAD}</p>`))?.summary).toBe(DESCRIPTION);
  });

  it('does not take a photo caption in a lead block, nor the dek that is the subtitle', () => {
    const caption = `<div class="article-lead"><img src="/a.jpg" alt="">${LEAD}</div>`;
    expect(readPage(head, article(caption))?.summary).toBe(DESCRIPTION);
    const dek = `<p class="standfirst">${LEAD}</p>`;
    const record = readPage(head, article(dek));
    expect(record?.subtitle).toBe(LEAD);
    expect(record?.summary).toBe(DESCRIPTION);
  });
});

describe('summary: marked blocks that are no lead keep the description (review)', () => {
  const cases: Record<string, string> = {
    'a card of another article': `<div class="teaser"><h3><a href="/andere">Andere Geschichte über Busse</a></h3>${LEAD}</div>`,
    'a bio in a bold box': `<div class="font-bold">Anna Berg schreibt seit 2010 über Verkehr und Stadtplanung, zuerst für Lokalzeitungen, heute für uns.</div>`,
    'a caption beside a bare picture': `<img src="/a.jpg" alt=""><p class="lead">Foto: Radfahrer auf dem neuen Weg in der Innenstadt, aufgenommen von unserem Fotografen Peter Müller.</p>`,
    'a byline row': `<p class="lead">Von Anna Berg und Peter Müller, Redaktion Verkehr, 12. Mai 2023, mit Material der Agenturen und der Stadt.</p>`,
    'a link that is most of the block': `<div class="intro"><a href="/dossier">${LEAD}</a> Mehr</div>`,
  };
  it.each(Object.entries(cases))('%s', (_, under) => {
    expect(readPage(head, article(under))?.summary).toBe(DESCRIPTION);
  });

  it('a description shown above the heading (a kicker) stays', () => {
    const page = `<main><article><p class="kicker">${DESCRIPTION}</p><h1>Neue Radwege für die Innenstadt</h1><p class="lead">${LEAD}</p>${BODY}</article></main>`;
    expect(readPage(head, page)?.summary).toBe(DESCRIPTION);
  });

  it('large type on the one wrapper of a paragraph is a lead', () => {
    expect(readPage(head, article(`<div class="text-lg mt-8"><p>${LEAD}</p></div>`))?.summary).toBe(LEAD);
  });
});

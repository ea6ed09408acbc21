import { parseHTML } from 'linkedom';

/** A Document from HTML, as the content script would see it (linkedom stands in for the browser). */
export function documentOf(html: string): Document {
  return parseHTML(html).document as unknown as Document;
}

/** A page with a head and body, plus the chrome every publisher site has (nav, cookie text, footer). */
export function page(head: string, main: string, { lang = 'nl' } = {}): Document {
  return documentOf(`<!DOCTYPE html><html lang="${lang}"><head><meta charset="utf-8"><title>Pagina | Uitgever</title>${head}</head>
<body>
<div role="dialog" class="cookies"><p>Wij gebruiken cookies om de website te verbeteren en bezoek te meten. U kunt zelf kiezen welke cookies u accepteert; noodzakelijke cookies plaatsen wij altijd, andere alleen met uw toestemming.</p></div>
<header><a href="/">Logo</a><nav><ul><li><a href="/publicaties">Publicaties</a></li><li><a href="/agenda">Agenda</a></li><li><a href="/over-ons">Over ons</a></li></ul></nav></header>
<main>${main}</main>
<footer><p>Uitgever · Lange Voorhout 1 · Den Haag</p><ul><li><a href="/contact">Contact</a></li><li><a href="/privacy">Privacy</a></li></ul></footer>
</body></html>`);
}

/** A paragraph long enough to count as running text (Readability counts paragraphs over 140 characters). */
export const LONG_PARAGRAPH =
  '<p>Sinds februari 2018 werken de rijksoverheid, gemeenten, provincies en waterschappen samen in het Interbestuurlijk Programma. In dit essay kijken we naar wat de betrokkenen daarvan hebben geleerd, waar de samenwerking vastliep en wat er nodig is om samen te blijven werken aan maatschappelijke opgaven die geen van de overheden alleen kan oplossen.</p>';

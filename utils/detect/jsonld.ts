/**
 * The `@type`s of a page's JSON-LD, read without parsing: a regular expression over the first
 * bytes of each block, so a malformed, huge or hostile block costs a bounded amount and never throws.
 */

const MAX_BLOCKS = 8;
const MAX_CHARS_PER_BLOCK = 32_000;
const MAX_TYPES = 64;
const TYPE_PATTERN = /"@type"\s*:\s*(\[[^\]]{0,400}\]|"[^"]{0,80}")/g;
const TYPE_NAME = /"((?:[^"\\]|\\.){0,80})"/g;

export function jsonLdTypes(scripts: ArrayLike<Element>): Set<string> {
  const types = new Set<string>();
  for (let i = 0, blocks = 0; i < scripts.length && blocks < MAX_BLOCKS; i++) {
    if ((scripts[i].getAttribute('type') ?? '').trim().toLowerCase() !== 'application/ld+json') continue;
    blocks++;
    const text = (scripts[i].textContent ?? '').slice(0, MAX_CHARS_PER_BLOCK);
    TYPE_PATTERN.lastIndex = 0;
    for (
      let match = TYPE_PATTERN.exec(text);
      match && types.size < MAX_TYPES;
      match = TYPE_PATTERN.exec(text)
    ) {
      TYPE_NAME.lastIndex = 0;
      for (let name = TYPE_NAME.exec(match[1]); name; name = TYPE_NAME.exec(match[1])) {
        // "schema:Report" and "http://schema.org/Report" are both Report.
        const type = name[1].replace(/^.*[/:#]/, '');
        if (type) types.add(type);
      }
    }
  }
  return types;
}

/** Types that are one written work: any *Article (News-, Scholarly-, Tech-, Opinion- …), posts, reports, books. */
export const PUBLICATION_TYPE =
  /^(\w*Article|\w*Posting|Report|CreativeWork|Book|Chapter|Thesis|Legislation|PublicationIssue|Review)$/;

/** Types that make a page something else: an overview, an event, a shop, a job, a person. */
export const NON_PUBLICATION_TYPE =
  /^(CollectionPage|ItemList|SearchResultsPage|\w*Event|Festival|Product|\w*Offer|JobPosting|ContactPage|AboutPage|ProfilePage|CheckoutPage)$/;

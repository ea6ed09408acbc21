import { parseHTML } from 'linkedom';
import { extractPage, extractPublication } from '@/utils/extract';

export function doc(html: string): Document {
  return parseHTML(html).document as unknown as Document;
}

/** A page from head and body snippets. */
export function page(head: string, body = '', lang = ''): string {
  return `<!doctype html><html${lang ? ` lang="${lang}"` : ''}><head>${head}</head><body>${body}</body></html>`;
}

export const URL = 'https://www.example.org/publicaties/voorbeeld';

export function extract(html: string, url = URL) {
  return extractPublication(doc(html), url);
}

/** The record read from a page made of head and body snippets. */
export function readPage(head: string, body: string, url = URL) {
  return extract(page(head, body), url);
}

/** The title read from a page made of head and body snippets. */
export function titleOf(head: string, body: string, url = URL): string | undefined {
  return readPage(head, body, url)?.title;
}

export function extractResult(html: string, url = URL) {
  return extractPage(doc(html), url);
}

export function jsonLd(value: unknown): string {
  return `<script type="application/ld+json">${JSON.stringify(value)}</script>`;
}

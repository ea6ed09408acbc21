/** The three systems eval and bench compare, each from HTML + URL to comparable output. */
import { isProbablyReaderable, Readability } from '@mozilla/readability';
import createMetascraper from 'metascraper';
import metascraperAuthor from 'metascraper-author';
import metascraperDate from 'metascraper-date';
import metascraperDescription from 'metascraper-description';
import metascraperLang from 'metascraper-lang';
import metascraperPublisher from 'metascraper-publisher';
import metascraperTitle from 'metascraper-title';
import type { ExtractionResult } from '@/utils/record';
import { parseDocument, runLeesmap } from './leesmap';
import { fromPublication, type SystemOutput } from './score';

export { parseDocument, runLeesmap };

export function leesmapOutput(result: ExtractionResult): SystemOutput {
  return fromPublication(result.detected, result.publication);
}

const metascraper = createMetascraper([
  metascraperAuthor(),
  metascraperDate(),
  metascraperDescription(),
  metascraperLang(),
  metascraperPublisher(),
  metascraperTitle(),
]);

export async function runMetascraper(html: string, url: string): Promise<SystemOutput> {
  const meta = (await metascraper({ html, url })) as Record<string, string | null | undefined>;
  return {
    // metascraper has no "not a publication": it answers every page.
    detected: true,
    title: meta.title ?? undefined,
    authors: meta.author ?? undefined,
    published: meta.date ?? undefined,
    language: meta.lang ?? undefined,
    publisher: meta.publisher ?? undefined,
    summary: meta.description ?? undefined,
  };
}

export function runReadability(html: string, url: string): SystemOutput {
  const doc = parseDocument(html);
  const detected = isProbablyReaderable(doc as never);
  let article: ReturnType<Readability<string>['parse']> = null;
  try {
    // Readability changes the document it reads: give it its own copy.
    const copy = parseDocument(html);
    const base = copy.querySelector('base') ?? null;
    if (!base) {
      const el = copy.createElement('base');
      el.setAttribute('href', url);
      copy.head?.prepend(el);
    }
    article = new Readability(copy as never).parse();
  } catch {
    article = null;
  }
  return {
    detected,
    title: article?.title ?? undefined,
    authors: article?.byline ?? undefined,
    published: article?.publishedTime ?? undefined,
    language: article?.lang ?? undefined,
    publisher: article?.siteName ?? undefined,
    summary: article?.excerpt ?? undefined,
  };
}

/**
 * Site adapters: small fixes on top of the generic extractor for publishers whose pages the
 * generic rules read wrong. Each adapter is a URL pattern and a `refine` step, with its example
 * pages. The registry is a plain list; none is needed for the current fixtures.
 */
import type { ExtractionContext } from '@/utils/extract/context';
import type { Publication } from '@/utils/record';

export interface SiteAdapter {
  name: string;
  /** Hosts (without www.) the adapter applies to. */
  hosts: string[];
  /** Example pages (fixture slugs) the adapter was written for. */
  examples: string[];
  refine(publication: Publication, ctx: ExtractionContext): void;
}

export const SITE_ADAPTERS: readonly SiteAdapter[] = [];

export function siteAdapterFor(url: string): SiteAdapter | undefined {
  let host: string;
  try {
    host = new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return undefined;
  }
  return SITE_ADAPTERS.find((adapter) => adapter.hosts.some((h) => host === h || host.endsWith(`.${h}`)));
}

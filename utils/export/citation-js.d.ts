// citation-js ships no types; only what Leesmap uses is declared here.
declare module '@citation-js/core' {
  export class Cite {
    constructor(data: unknown, options?: { forceType?: string });
    data: unknown[];
    format(
      format: string,
      options?: { format?: 'text' | 'object' | 'html'; [option: string]: unknown },
    ): string | unknown;
  }
  export const plugins: {
    config: { get(name: string): Record<string, unknown> };
  };
}
declare module '@citation-js/plugin-ris';
declare module '@citation-js/plugin-csl';

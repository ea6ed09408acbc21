/**
 * Cheap first check: is this page a single publication? Placeholder signature; the detection
 * work (issue 4) fills it in. Must stay cheap: a handful of selectors and meta look-ups.
 */
export interface Detection {
  detected: boolean;
  confidence: number;
  signals: string[];
}

export function isPublicationPage(doc: Document, _url: string): Detection {
  const signals: string[] = [];
  if (doc.querySelector('meta[name^="citation_"]')) signals.push('citation_*');
  if (doc.querySelector('meta[property="og:type"][content="article"]')) signals.push('og:type=article');
  const detected = signals.length > 0;
  return { detected, confidence: detected ? 0.6 : 0.1, signals };
}

/**
 * The detector's example pages, both ways: every publication page in tests/fixtures/ is detected,
 * every other page (overviews, home pages, search results, events, service pages) is not.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isPublicationPage } from '@/utils/detect';
import { walkedElements } from '@/utils/detect/walked';
import { elementsByTag, indexElements } from '@/utils/extract/elements';
import { documentOf } from './helpers';

const FIXTURES = join(import.meta.dirname, '../../fixtures');

interface Expected {
  url: string;
  detected: boolean;
}

const pages = readdirSync(FIXTURES)
  .filter(
    (slug) =>
      existsSync(join(FIXTURES, slug, 'expected.json')) && existsSync(join(FIXTURES, slug, 'source.html')),
  )
  .map((slug) => {
    const expected = JSON.parse(readFileSync(join(FIXTURES, slug, 'expected.json'), 'utf8')) as Expected;
    return { slug, expected };
  })
  // Only pages that say whether they are a publication.
  .filter(({ expected }) => typeof expected.detected === 'boolean');

describe('fixture pages', () => {
  it('include publication pages and at least ten pages that are not', () => {
    expect(pages.filter((p) => p.expected.detected).length).toBeGreaterThan(0);
    expect(pages.filter((p) => p.expected.detected === false).length).toBeGreaterThanOrEqual(10);
  });

  for (const { slug, expected } of pages) {
    it(`${expected.detected ? 'detects' : 'stays silent on'} ${slug}`, () => {
      const doc = documentOf(readFileSync(join(FIXTURES, slug, 'source.html'), 'utf8'));
      const detection = isPublicationPage(doc, expected.url);
      expect(detection.detected, detection.signals.join(' ')).toBe(expected.detected);
      // Confidence agrees with the verdict: above one half exactly when detected.
      expect(detection.confidence > 0.5).toBe(expected.detected);
      // The extractor runs the same check over the elements it has already walked: same verdict, same reasons.
      const index = indexElements(doc);
      expect(
        isPublicationPage(doc, expected.url, {
          walked: walkedElements(index.all, (tag) => elementsByTag(index, tag)),
        }),
      ).toEqual(detection);
    });
  }
});

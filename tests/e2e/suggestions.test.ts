/**
 * The reference case of the suggestions issue, end to end: a reader saves "Leren van doen" and one
 * of the "Strategie en toekomst" publications its page lists as related; the other publications of
 * that theme from the same list are suggested first, each saying why (the theme, and the page that
 * listed it).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSession, waitFor, type Session } from './harness';

const STRATEGY = [
  'Verschuivende verwachtingen',
  'Strategiseren in de schaduw van de macht',
  'Toekomstverkenning en organisatieontwikkeling',
];

describe('suggestions: the reference case', () => {
  let session: Session;
  beforeAll(async () => {
    session = await startSession({ lang: 'en' });
  });
  afterAll(async () => {
    await session?.close();
  });

  /** The popup of a tab on "Leren van doen", once the badge says it is a publication not yet saved. */
  async function popupOnReferencePage() {
    const page = await session.browser.open(session.fixture('nsob-leren-van-doen-dl').url);
    const tabId = await session.browser.tabId(page);
    await waitFor(
      () => session.browser.badgeText(tabId),
      (t) => t === '+',
    );
    return { tabId, popup: await session.browser.openPopup(tabId) };
  }

  it('on a page that lists related publications, shows "On this page" first with those, before any save', async () => {
    const { popup } = await popupOnReferencePage();
    await popup.getByTestId('tab-suggestions').click();
    const list = popup.getByTestId('suggestions');
    await list.getByTestId('suggestions-on-page').waitFor();
    // The heading leads the list, and the page's own listings follow it.
    expect((await list.locator(':scope > li').first().textContent())?.trim()).toBe('On this page');
    const titles = (await list.getByTestId('suggestion').locator('.item-title').allTextContents()).map((t) =>
      t.trim(),
    );
    for (const title of STRATEGY) expect(titles).toContain(title);
    expect(titles).not.toContain('Leren van doen');
    await popup.close();
  });

  it('suggests the other "Strategie en toekomst" publications first, naming the theme and the page', async () => {
    const { tabId, popup } = await popupOnReferencePage();
    await popup.getByTestId('save-button').click();
    await popup.getByTestId('saved-indicator').waitFor();

    // The reader saves one of the related "Strategie en toekomst" publications from the suggestions.
    await popup.getByTestId('tab-suggestions').click();
    const balanceren = popup
      .getByTestId('suggestion')
      .filter({ hasText: 'Balanceren tussen inkapseling en afstoting' });
    await balanceren.getByTestId('suggestion-save').click();
    await expect
      .poll(() => popup.getByTestId('suggestions').textContent())
      .not.toContain('Balanceren tussen inkapseling');

    // A fresh popup asks the background again: the ranking reflects both saves.
    const again = await session.browser.openPopup(tabId);
    await again.getByTestId('tab-suggestions').click();
    await again.getByTestId('suggestion').first().waitFor();
    const items = again.getByTestId('suggestion');
    const titles = (await items.locator('.item-title').allTextContents()).map((t) => t.trim());
    expect(titles.slice(0, 3).sort()).toEqual([...STRATEGY].sort());
    const other = titles.indexOf('Figureren in het verhaal van een ander');
    if (other !== -1) expect(other).toBeGreaterThanOrEqual(3);

    for (let i = 0; i < 3; i++) {
      const reasons = await items.nth(i).locator('.reasons li').allTextContents();
      expect(reasons.join(' | ')).toContain('Strategie en toekomst');
      expect(reasons.join(' | ')).toContain("Listed under related publications on 'Leren van doen'");
    }
  });
});

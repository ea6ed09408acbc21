/** The flows zotero.ts uses, bound to this worker's background (utils/background). */
import { tabStateFor as tabStateOf } from '@/utils/background/page';
import type { TabState } from '@/utils/messages';
import { background } from './instance';

export function tabStateFor(tabId: number, extract: boolean): Promise<TabState> {
  return tabStateOf(background(), tabId, extract);
}

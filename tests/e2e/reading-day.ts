/**
 * The reader's day that the Chromium and Firefox walks share: six fixture pages from six
 * publishers, saved in this order.
 */
export const SIX_PUBLISHERS = [
  'nsob-leren-van-doen-dl',
  'wrr-weerbare-democratie',
  'cpb-co2-heffing-industrie',
  'chatham-house-ai-geopolitics',
  'aiv-advies-europese-digitale-autonomie',
  'pbl-regionale-energiestrategieen',
];

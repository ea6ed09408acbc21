import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { pageOnInstalled } from '@/utils/background/install';

describe('on install', () => {
  it('opens the welcome page on a first install only', () => {
    expect(pageOnInstalled('install')).toBe('/welcome.html');
    for (const reason of ['update', 'chrome_update', 'browser_update', 'shared_module_update', ''])
      expect(pageOnInstalled(reason)).toBeUndefined();
  });

  it('names a page the extension has (entrypoints/welcome)', () => {
    expect(existsSync('entrypoints/welcome/index.html')).toBe(true);
  });
});

import { defineConfig } from 'vitest/config';

// Browser tests: Chromium with the built extension (.output/chrome-mv3). One file at a time:
// each starts its own browser, and these machines have two cores.
export default defineConfig({
  resolve: { alias: { '@/': new URL('./', import.meta.url).pathname } },
  test: {
    include: ['tests/e2e/**/*.test.ts', 'tests/hostile/**/*.browser.test.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});

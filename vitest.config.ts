import { defineConfig } from 'vitest/config';

// Unit tests: pure logic in Node (linkedom / happy-dom for DOMs, fake-indexeddb for the DB).
export default defineConfig({
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  resolve: { alias: { '@/': new URL('./', import.meta.url).pathname } },
  test: {
    include: ['tests/unit/**/*.test.{ts,tsx}', 'tests/hostile/**/*.test.ts'],
    // Hostile pages through the built extension run with the browser tests.
    exclude: ['**/node_modules/**', 'tests/hostile/**/*.browser.test.ts'],
    environment: 'node',
    // Time limits here only catch hangs; speed is measured by npm run bench. On a shared, loaded
    // machine the large hostile pages and property runs took 5-14 s against vitest's default 5 s.
    testTimeout: 30_000,
  },
});

import { defineConfig } from 'vitest/config';

// Browser tests: each file builds the player fixture with Vite, serves it and drives the system
// Chromium through playwright-core. They run in Node, one file at a time (the machines have
// two cores and each file starts a browser).
export default defineConfig({
  test: {
    environment: 'node',
    include: ['test/browser/**/*.test.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    teardownTimeout: 30_000,
  },
});

import { defineConfig } from 'vitest/config';

// Unit tests: pipeline stages from strings and fixtures, in Node. Browser tests have their own config.
export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts'],
    environment: 'node',
    pool: 'threads',
    maxWorkers: 2,
  },
});

import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    setupFiles: ['tests/setup-rule-tester.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});

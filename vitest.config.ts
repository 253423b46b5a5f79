import { defineConfig } from 'vitest/config';

// Two projects: fast pure tests, and browser tests that need Chromium and a
// built extension (slow, serial). `npx vitest run` runs both;
// `--project unit` / `--project e2e` picks one.
export default defineConfig({
  // Preact JSX for component tests without pulling in the WXT/Vite plugin
  // stack (tsconfig says the same; Vite 8 transforms with oxc).
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/**/*.test.{ts,tsx}'],
          exclude: ['test/e2e/**', '**/node_modules/**'],
          // DOM tests opt in per file with `// @vitest-environment happy-dom`.
          environment: 'node',
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.e2e.test.ts'],
          environment: 'node',
          globalSetup: ['test/e2e/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          // One Chromium at a time: parallel browsers on a small CI box time out.
          fileParallelism: false,
        },
      },
    ],
  },
});

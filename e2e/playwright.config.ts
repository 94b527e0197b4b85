import { defineConfig, devices } from '@playwright/test';

// Drives the real, built app in Debian's Chromium (Playwright's own browser download cannot work here).
// global-setup.ts starts the whole of Cascade on free ports and hands its URL over in CASCADE_E2E_URL.
export default defineConfig({
  testDir: './tests',
  globalSetup: './global-setup.ts',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['json', { outputFile: '../.data/test-results/playwright.json' }]],
  outputDir: '../.data/test-results/playwright',
  use: {
    ...devices['Desktop Chrome'],
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
});

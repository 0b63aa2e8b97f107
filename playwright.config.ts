import { defineConfig } from '@playwright/test';
import { resolve } from 'node:path';

/**
 * Browser smoke tests against the real portal: the Kubernetes API test
 * double, the backend and the app dev server, started here unless already
 * running. Chromium is the machine's own (Debian's `chromium`); Playwright
 * does not download browsers here.
 */
const chromium = process.env.PAVED_CHROMIUM ?? '/usr/bin/chromium';

/**
 * Who the portal signs in as (e2e/signIn.ts reads the same variable): the
 * developer of app-config.yaml by default; PAVED_SIGN_IN_AS=admin adds
 * app-config.admin.yaml (a platform admin). Absolute paths: the backend
 * resolves --config from packages/backend.
 */
const backendConfigArgs =
  process.env.PAVED_SIGN_IN_AS === 'admin'
    ? ['app-config.yaml', 'app-config.admin.yaml']
        .map(file => `--config ${JSON.stringify(resolve(__dirname, file))}`)
        .join(' ')
    : '';

export default defineConfig({
  testDir: 'e2e',
  timeout: 120_000,
  expect: { timeout: 30_000 },
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: 1,
  reporter: [['list']],
  outputDir: '.test-results/playwright',
  webServer: [
    {
      command: 'yarn start:cluster',
      url: 'http://127.0.0.1:8143/readyz',
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
    },
    {
      command: `yarn workspace backend start ${backendConfigArgs}`.trim(),
      url: 'http://localhost:7007/.backstage/health/v1/readiness',
      reuseExistingServer: !process.env.CI,
      timeout: 300_000,
    },
    {
      command: 'yarn workspace app start',
      url: 'http://localhost:3000',
      reuseExistingServer: !process.env.CI,
      timeout: 600_000,
    },
  ],
  use: {
    baseURL: 'http://localhost:3000',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: chromium,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
});

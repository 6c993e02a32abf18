// End-to-end tests against the release build in dist/ (built by `make test` before this runs),
// in Debian's Chromium.
import { defineConfig } from '@playwright/test';

// E2E_PORT lets several checkouts run their suites side by side on one machine.
export const PORT = Number(process.env.E2E_PORT ?? 8091);
export const OTHER_PORT = PORT + 1;

export default defineConfig({
  testDir: '.',
  testMatch: /.*\.spec\.mjs$/,
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: true,
  timeout: 30_000,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}/`,
    browserName: 'chromium',
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
  webServer: [
    {
      // The app at the root and under a versioned prefix (same build), and the sample intranet page.
      command: `node serve.mjs --port ${PORT} --mount /=../../dist --mount /tools/marketplace/2.1.0/=../../dist --mount /intranet/=../../examples/intranet`,
      url: `http://127.0.0.1:${PORT}/index.html`,
      reuseExistingServer: false,
      timeout: 20_000,
    },
    {
      // Another origin: the intranet page that frames the app cross-origin.
      // Its own policy is the host's business (it must allow framing the app); the framed app keeps the strict one.
      command: `node serve.mjs --port ${OTHER_PORT} --mount /=../../examples/intranet --no-csp`,
      url: `http://127.0.0.1:${OTHER_PORT}/index.html`,
      reuseExistingServer: false,
      timeout: 20_000,
    },
  ],
});

// End-to-end tests against the release build in dist/, served on loopback.
// Chromium comes from apt (/usr/bin/chromium); Playwright never downloads a browser.
const { defineConfig } = require('@playwright/test');

const PORT = Number(process.env.HOSO_E2E_PORT || 8765);
// Must match the demo ward's embed_origins in public/settings/vy-da.json.
const HOST_PORT = 8766;

module.exports = defineConfig({
  testDir: 'tests/e2e',
  timeout: 120_000,
  workers: 1,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    viewport: { width: 360, height: 780 },
    locale: 'vi-VN',
    acceptDownloads: true,
    launchOptions: {
      executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
        '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
  webServer: [
    {
      command: `python3 scripts/serve.py --dir dist --port ${PORT} --quiet`,
      url: `http://127.0.0.1:${PORT}/`,
      reuseExistingServer: false,
      timeout: 30_000,
    },
    // A second origin for the ward website that embeds the app (tests/e2e/embed.spec.js).
    {
      command: `python3 scripts/serve.py --dir dist --port ${HOST_PORT} --host 0.0.0.0 --quiet`,
      url: `http://127.0.0.1:${HOST_PORT}/demo/vy-da.html`,
      reuseExistingServer: false,
      timeout: 30_000,
    },
  ],
});

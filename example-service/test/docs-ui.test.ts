/// <reference lib="dom" />
import { existsSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runsHere } from './requirement.js';
import { appWithSink } from './reliability/support.js';

/** Debian's chromium (`apt-get install -y chromium`; .ci/run installs it). */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

describe('GET /docs in headless Chromium', () => {
  if (!runsHere({ available: existsSync(CHROMIUM), reason: `Chromium is not installed at ${CHROMIUM} (apt-get install -y chromium)` })) return;
  let server: Server;
  let base: string;
  let browser: Browser;
  let openapi: { paths: Record<string, Record<string, unknown>> };

  beforeAll(async () => {
    const { app } = appWithSink();
    openapi = app.locals.openapi as typeof openapi;
    server = await new Promise<Server>((resolve) => {
      const s = app.listen(0, '127.0.0.1', () => resolve(s));
    });
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
  });
  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
  });

  it('When the page loads, then Swagger UI lists every operation of the document, from this origin only, with no CSP violation', async () => {
    const page = await browser.newPage();
    const foreign: string[] = [];
    const problems: string[] = [];
    page.on('request', (req) => {
      if (!req.url().startsWith(base) && !req.url().startsWith('data:')) foreign.push(req.url());
    });
    page.on('console', (msg) => {
      if (msg.type() === 'error') problems.push(msg.text());
    });
    page.on('pageerror', (err) => problems.push(err.message));
    await page.addInitScript({ content: "document.addEventListener('securitypolicyviolation', (e) => console.error('CSP violation: ' + e.violatedDirective + ' ' + e.blockedURI));" });
    const response = await page.goto(`${base}/docs`);
    expect(response?.status()).toBe(200);
    const csp = response?.headers()['content-security-policy'] ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-eval');
    await page.waitForSelector('.opblock', { timeout: 30_000 });
    const shown = await page.$$eval('.opblock', (blocks) => blocks.map((block) => {
      const method = block.querySelector('.opblock-summary-method')?.textContent?.trim().toLowerCase();
      const path = block.querySelector('.opblock-summary-path')?.getAttribute('data-path');
      return `${method} ${path}`;
    }));
    const expected = Object.entries(openapi.paths).flatMap(([path, ops]) => Object.keys(ops).map((method) => `${method} ${path}`));
    expect(expected.some((op) => op.startsWith('post /'))).toBe(true);
    expect(shown.sort()).toEqual(expected.sort());
    expect(foreign).toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('When a file of the package outside the page is asked for, then it is not served (the demo page stays hidden)', async () => {
    const res = await fetch(`${base}/docs/assets/index.html`);
    expect(res.status).toBe(404);
    const bundle = await fetch(`${base}/docs/assets/swagger-ui-bundle.js`);
    expect(bundle.status).toBe(200);
    expect(bundle.headers.get('cache-control')).toContain('max-age=86400');
  });
});

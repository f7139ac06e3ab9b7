// Damaged and hostile links in Chromium: truncated, huge, wrong types, markup and script in
// values, unknown versions. Each shows a clear notice, renders text only, and leaves a working
// app (it plays and frames arrive); no dialogs, no page errors.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PreviewServer } from 'vite';
import { openBrowser, startServer, type Browser } from './browser.ts';

let server: PreviewServer;
let url: string;
let b: Browser;
beforeAll(async () => {
  ({ server, url } = await startServer());
  b = await openBrowser();
});
afterAll(async () => {
  await b.close();
  await server.close();
});

const GOOD =
  'v=1&scn=balloon-by-hand&seed=1&policy.kind=manual&vms=3&vms.0.name=web&vms.0.memoryMiB=1536&vms.1.name=db&vms.2.balloon.targetMiB=1024&t=2';
const CASES: [string, string, RegExp][] = [
  ['truncated', GOOD.slice(0, 61), /corrected|not valid/],
  ['huge', `v=1&seed=1&pad=${'A'.repeat(80000)}`, /could not be read.*characters long/],
  ['wrong types', 'v=1&seed=banana&host.memoryMiB=-7&vms=many&vms.0.memoryMiB=1e99&speed=fast&t=yesterday', /corrected/],
  [
    'script in values',
    `v=1&vms=1&vms.0.name=${encodeURIComponent('<script>alert(1)</script>')}&theme=${encodeURIComponent('"><img src=x onerror=alert(2)>')}&panels=${encodeURIComponent('<b>x</b>')}`,
    /corrected/,
  ],
  ['unknown version', 'v=7&seed=1', /newer or unknown version/],
  ['compact garbage', 'z=%%%%', /could not be read/],
];

describe('hostile and damaged links', () => {
  for (const [name, hash, message] of CASES) {
    it(`${name}: a clear notice and a working app`, async () => {
      const page = b.page;
      await page.goto('about:blank');
      await page.goto(`${url}#${hash}`);
      const notice = page.locator('.notice').first();
      await notice.waitFor({ timeout: 30000 });
      expect(await notice.textContent()).toMatch(message);
      expect(await page.locator('img[src="x"]').count()).toBe(0);
      expect(await page.locator('#root script, #root b').count()).toBe(0);
      await page.getByRole('button', { name: 'Debug' }).click();
      await page.getByRole('button', { name: 'Play / pause' }).click();
      await expect.poll(async () => Number(await page.getByTestId('frame-count').textContent()), { timeout: 30000 }).toBeGreaterThan(5);
      await page.getByRole('button', { name: 'Play / pause' }).click();
      await page.screenshot({ path: `artifacts/e2e-link-${name.replace(/ /g, '-')}.png` });
      expect(b.errors).toEqual([]);
    });
  }
});

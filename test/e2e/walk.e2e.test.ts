// The page walk end to end in Chromium on the built app: (a) a ballooned page, found with the
// region's "A ballooned page" control, reads "EPT violation" with the reason and why the guest
// never touches it; (b) a full cold 4 x 4 walk stepped through its 24 references, aria-current
// on each; (c) the link reopened shows the same walk at the same step. Every wait is on state
// (a data attribute, ARIA state, text, the address bar), never on a delay. Then screenshots of
// a walk for each outcome in each theme (and at 1024 x 768) go to artifacts/walk-*.png.
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { PreviewServer } from 'vite';
import { DEFAULT_WALK_WHAT_IF } from '../../src/sim/walk/index.ts';
import { defaultLinkState, DEFAULT_VIEW, encodeLink, presetScenario, THEMES, type LinkState } from '../../src/url/index.ts';
import { openBrowser, startServer, type Browser } from './browser.ts';
import { outcomeCases } from './walkTargets.ts';

let server: PreviewServer;
let url: string;
const browsers: Browser[] = [];
beforeAll(async () => {
  mkdirSync('artifacts', { recursive: true });
  ({ server, url } = await startServer());
});
afterAll(async () => {
  await Promise.all(browsers.map((b) => b.close()));
  await server.close();
});

async function browser(width = 1280, height = 800): Promise<Browser> {
  const b = await openBrowser({ width, height });
  browsers.push(b);
  return b;
}

/** The page-walk region (its diagram inside is a region named "Two-layer page walk"). */
const region = (page: Page) => page.getByRole('region', { name: /^Page walk: from a guest address/ });

/** Opens a link and waits until the host map shows its time's tick and the walk (if any) is ready. */
async function open(page: Page, link: LinkState, walkReady: boolean): Promise<void> {
  await page.goto('about:blank');
  await page.goto(`${url}#${encodeLink(link)}`);
  const tick = Math.round(link.timeMs / link.scenario.tickMs);
  await page.waitForFunction(
    (t) => document.querySelector<HTMLCanvasElement>('.memory-map-host canvas')?.dataset.tick === String(t),
    tick,
    { timeout: 60000 },
  );
  if (walkReady) await page.waitForSelector('.walk-section[data-walk-state="ready"]', { timeout: 30000 });
}

/** The hand-ballooned scenario at 20 s (its idle VM's balloon is full), the page walk open. */
const at20s = (): LinkState => {
  const s = defaultLinkState();
  return { ...s, scenario: presetScenario('balloon-by-hand')!, timeMs: 20000, view: { ...s.view, panels: ['walk'] } };
};
const current = (page: Page) => page.locator('.walk-reference-list li[aria-current="step"]');

describe('the page walk in Chromium', () => {
  it('a ballooned page: its EPT walk ends in "EPT violation", with the reason', async () => {
    const { page, errors } = await browser();
    await open(page, at20s(), false);
    const r = region(page);
    await r.getByLabel('VM').selectOption({ label: 'idle' });
    await r.getByRole('button', { name: 'A ballooned page' }).click();
    await page.waitForSelector('.walk-section[data-walk-state="ready"][data-walk-outcome="ept-violation"]', { timeout: 30000 });
    const outcome = r.locator('.walk-outcome-text');
    await expect.poll(() => outcome.textContent()).toContain('EPT violation (VM exit): ballooned: no EPT entry');
    expect(await outcome.textContent()).toContain('The guest never touches it');
    expect(await r.locator('.semantic-gap').textContent()).toContain('EPT entry: ballooned');
    expect(errors).toEqual([]);
  });

  it('steps through a full cold 4 x 4 walk of 24 references, then reopens the link to the same walk', async () => {
    const { page, errors } = await browser();
    await open(page, at20s(), false);
    const r = region(page);
    await r.getByLabel('Guest virtual address').fill('zzz');
    await r.getByRole('button', { name: 'Walk', exact: true }).click();
    expect(await r.getByRole('alert').textContent()).toContain(
      'Guest virtual address: "zzz" is not a hex address. Allowed: 0x0 to 0x7fffffffffff',
    );
    await r.getByLabel('Guest virtual address').fill('0x7f0000005123');
    await r.getByRole('button', { name: 'Walk', exact: true }).click();
    await page.waitForSelector('.walk-section[data-walk-state="ready"][data-walk-references="24"][data-walk-outcome="translated"]', {
      timeout: 30000,
    });
    for (let i = 1; i <= 24; i++) {
      await r.getByRole('button', { name: 'Next reference' }).click();
      await expect.poll(() => current(page).textContent()).toMatch(new RegExp(`^Reference ${i} \\(`));
      expect(await current(page).count()).toBe(1);
    }
    expect(await r.getByRole('button', { name: 'Next reference' }).isDisabled()).toBe(true);
    // Back to reference 7 and the page walk cache on: the link must hold all of it.
    for (let i = 0; i < 17; i++) await r.getByRole('button', { name: 'Previous reference' }).click();
    await r.getByRole('checkbox', { name: /^Page walk cache/ }).click();
    await page.waitForSelector('.walk-section[data-walk-state="ready"][data-walk-references="6"]', { timeout: 30000 });
    await page.waitForFunction(() => location.hash.includes('walk.step=7') && location.hash.includes('walk.caches=pwc'), null, {
      timeout: 10000,
    });
    const link = page.url();
    const heading = await r.locator('.page-walk-heading').textContent();
    const references = await r.locator('.walk-reference-list li').allTextContents();
    const shown = await current(page).textContent();
    expect(shown).toMatch(/^Reference 7 \(/);

    const again = await browser();
    await again.page.goto(link);
    await again.page.waitForSelector('.walk-section[data-walk-state="ready"][data-walk-references="6"]', { timeout: 60000 });
    const r2 = region(again.page);
    expect(await r2.locator('.page-walk-heading').textContent()).toBe(heading);
    expect(await r2.locator('.walk-reference-list li').allTextContents()).toEqual(references);
    expect(await current(again.page).textContent()).toBe(shown);
    expect(await r2.getByRole('checkbox', { name: /^Page walk cache/ }).isChecked()).toBe(true);
    await again.page.screenshot({ path: 'artifacts/walk-reopened-link-1280x800.png', fullPage: true });
    expect([...errors, ...again.errors]).toEqual([]);
  });

  it('screenshots a walk for each outcome, in each theme and at 1024 x 768', async () => {
    const cases = outcomeCases();
    const wide = await browser(1280, 800);
    const narrow = await browser(1024, 768);
    for (const c of cases) {
      for (const theme of THEMES) {
        const link: LinkState = {
          scenario: c.scenario,
          timeMs: c.seconds * 1000,
          view: { ...DEFAULT_VIEW, panels: ['walk'], theme, walkTarget: c.target, walkWhatIf: { ...DEFAULT_WALK_WHAT_IF, write: c.write } },
        };
        await open(wide.page, link, true);
        expect(await wide.page.locator('.walk-section').getAttribute('data-walk-outcome')).toBe(c.outcome);
        await region(wide.page).screenshot({ path: `artifacts/walk-${c.name}-${theme}-1280x800.png` });
        if (theme === 'light') {
          await open(narrow.page, link, true);
          await region(narrow.page).screenshot({ path: `artifacts/walk-${c.name}-light-1024x768.png` });
        }
      }
    }
    expect([...wide.errors, ...narrow.errors]).toEqual([]);
  });
});

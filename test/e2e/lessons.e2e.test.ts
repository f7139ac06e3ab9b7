// Lessons and the scenario library in Chromium: every lesson run to its end through the
// Lessons region (each step's check reached by doing its task), with axe-core finding no
// serious or critical violation on any step; the lesson step is in the link; every library
// entry's link opens with no page errors and no serious or critical axe violation; ESX and Hyper-V side by side on one clock, from the
// Compare toggle and from a link. Screenshots of a lesson step and the compare view in artifacts/.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { PreviewServer } from 'vite';
import { LESSONS } from '../../src/sim/lessons/lessons.ts';
import { libraryScenario } from '../../src/sim/lessons/setup.ts';
import { LIBRARY } from '../../src/sim/scenario/library.ts';
import { contrastChanges } from '../../src/url/compareKeys.ts';
import { DEFAULT_VIEW, encodeLink } from '../../src/url/index.ts';
import { seriousViolations } from './axe.ts';
import { openBrowser, paintedTick, paused, startServer, type Browser } from './browser.ts';

let server: PreviewServer;
let url: string;
const browsers: Browser[] = [];
beforeAll(async () => ({ server, url } = await startServer()));
afterAll(async () => {
  await Promise.all(browsers.map((b) => b.close()));
  await server.close();
});
const open = async () => {
  const b = await openBrowser();
  browsers.push(b);
  return b;
};

/** What the learner does for a step's task beyond running (lesson:step). */
const LEARNER: Record<string, (page: Page) => Promise<void>> = {
  'story:4': async (page) => {
    await page.getByRole('region', { name: 'Controls' }).getByRole('radio', { name: 'Hard disk' }).check();
  },
  'sharing:2': async (page) => {
    await page
      .getByRole('region', { name: 'Controls' })
      .getByRole('button', { name: /Settings/ })
      .click();
    const settings = page.locator('#panel-settings');
    await settings.getByText('More host settings').click();
    await settings.getByRole('combobox', { name: 'Page sharing' }).selectOption('zero');
  },
};

const lessons = (page: Page) => page.getByRole('region', { name: 'Lessons' });

describe('lessons in Chromium', () => {
  for (const lesson of LESSONS) {
    it(`runs the lesson "${lesson.id}" to its end`, async () => {
      const { page, errors } = await open();
      await page.goto(url);
      await page.getByRole('button', { name: /Lessons/ }).click();
      expect(await lessons(page).getByRole('listitem').count()).toBeGreaterThanOrEqual(LESSONS.length);
      await lessons(page)
        .getByRole('button', { name: `Start lesson: ${lesson.title}` })
        .click();
      await page.getByRole('combobox', { name: 'Speed' }).selectOption('64');
      for (let i = 0; i < lesson.steps.length; i++) {
        const step = lesson.steps[i];
        await lessons(page).getByRole('heading', { name: step.title }).waitFor();
        await expect.poll(() => page.url()).toContain(`lesson=${lesson.id}&step=${i + 1}`);
        await paintedTick(page, '.memory-map-host canvas');
        expect(await seriousViolations(page)).toEqual([]);
        await LEARNER[`${lesson.id}:${i + 1}`]?.(page);
        await page.getByRole('button', { name: 'Play / pause', pressed: false }).click();
        await lessons(page).getByRole('status').filter({ hasText: 'Done!' }).waitFor({ timeout: 90000 });
        if (lesson.id === 'story' && i === 1) await page.screenshot({ path: 'artifacts/e2e-lesson-step.png' });
        await lessons(page)
          .getByRole('button', { name: i + 1 === lesson.steps.length ? 'Finish' : 'Next' })
          .click();
      }
      await lessons(page)
        .getByRole('button', { name: `Start lesson: ${lesson.title}` })
        .waitFor();
      expect(errors).toEqual([]);
    });
  }

  it('opens a lesson step from its link', async () => {
    const { page, errors } = await open();
    await page.goto(
      `${url}#${encodeLink({ scenario: libraryScenario('double-paging')!, timeMs: 0, view: { ...DEFAULT_VIEW, lesson: { id: 'story', step: 3 } } })}`,
    );
    await lessons(page).getByRole('heading', { name: LESSONS[0].steps[2].title }).waitFor();
    await expect(lessons(page).getByRole('button', { name: 'Next' }).isDisabled()).resolves.toBe(true);
    expect(errors).toEqual([]);
  });

  it("opens every library scenario's link with no page errors and no serious accessibility violation", async () => {
    const { page, errors } = await open();
    for (const entry of LIBRARY) {
      const scenario = libraryScenario(entry.id)!;
      await page.goto(`${url}#${encodeLink({ scenario, timeMs: 0, view: { ...DEFAULT_VIEW, walkTarget: entry.walkTarget ?? null } })}`);
      await page.reload();
      await paintedTick(page, '.memory-map-host canvas');
      await expect.poll(() => page.getByRole('img').count()).toBeGreaterThan(0);
      expect(await seriousViolations(page), entry.id).toEqual([]);
      expect(errors, entry.id).toEqual([]);
    }
    // 14 pages and 14 axe runs: about 17 s on a quiet machine, so more than the default budget.
  }, 300000);

  it('compares ESX and Hyper-V side by side on one clock, from the toggle and in the link', async () => {
    const { page, errors } = await open();
    const scenario = libraryScenario('idle-tax')!;
    await page.goto(`${url}#${encodeLink({ scenario, timeMs: 0, view: DEFAULT_VIEW })}`);
    await paintedTick(page, '.memory-map-host canvas');
    await page.getByRole('button', { name: 'Compare' }).click();
    const view = page.getByRole('region', { name: 'Compare' });
    await view.getByRole('region', { name: 'Left: VMware ESX (2002)' }).waitFor();
    await view.getByRole('region', { name: 'Right: Hyper-V Dynamic Memory' }).getByRole('table').waitFor();
    await expect.poll(() => page.url()).toContain('cmp=policy.kind%3Ahyperv');
    await page.getByRole('combobox', { name: 'Speed' }).selectOption('16');
    await page.getByRole('button', { name: 'Play / pause', pressed: false }).click();
    await expect
      .poll(async () => Number(/([\d.]+) s/.exec((await view.locator('.compare-time').first().textContent()) ?? '')?.[1] ?? 0), {
        timeout: 60000,
      })
      .toBeGreaterThan(40);
    await page.getByRole('button', { name: 'Play / pause', pressed: true }).click();
    await paused(page);
    const ticks = async () => (await view.locator('.compare-time').allTextContents()).map((t) => /tick (\d+)/.exec(t)?.[1]);
    await expect
      .poll(
        async () => {
          const [l, r] = await ticks();
          return l !== undefined && l === r;
        },
        { timeout: 30000 },
      )
      .toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
    await view.screenshot({ path: 'artifacts/e2e-compare.png' });
    // The comparison is in the link: a fresh page opens it.
    const link = page.url();
    const b2 = await open();
    await b2.page.goto(link);
    await b2.page.getByRole('region', { name: 'Compare' }).getByRole('region', { name: 'Right: Hyper-V Dynamic Memory' }).waitFor();
    expect(contrastChanges(scenario)[0]).toEqual({ path: 'policy.kind', value: 'hyperv' });
    expect([...errors, ...b2.errors]).toEqual([]);
  });
});

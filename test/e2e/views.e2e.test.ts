// The views in Chromium on the built app, on the hand-ballooned scenario (4 GiB host): the
// memory-pressure slider squeezes an ESX host and a balloon inflates; the host map zooms down
// to single frames; hovering names the frame the click then selects; selecting a guest page
// marks its host frame and back; brushing the address bar zooms; balloons stop animating under prefers-reduced-motion. Screenshots go to
// artifacts/.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import type { PreviewServer } from 'vite';
import { defaultLinkState, encodeLink, presetScenario } from '../../src/url/index.ts';
import { openBrowser, paintedTick, paused, settledBox, startServer, type Browser } from './browser.ts';

let server: PreviewServer;
let url: string;
const browsers: Browser[] = [];
beforeAll(async () => ({ server, url } = await startServer()));
afterAll(async () => {
  await Promise.all(browsers.map((b) => b.close()));
  await server.close();
});

async function open(): Promise<Browser> {
  const b = await openBrowser({ width: 1280, height: 800 });
  browsers.push(b);
  await b.page.goto(`${url}#${encodeLink({ ...defaultLinkState(), scenario: presetScenario('balloon-by-hand')! })}`);
  await paintedTick(b.page, '.memory-map-host canvas');
  return b;
}

const controls = (page: Page): Locator => page.getByRole('region', { name: 'Controls' });
const hostFigure = (page: Page): Locator => page.locator('figure.memory-map-host');
const balloonSizes = async (page: Page): Promise<number[]> =>
  (await page.locator('svg.balloon').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''))).map((label) =>
    Number(/balloon (\d+) MiB/.exec(label)?.[1] ?? 0),
  );

const visible = (l: Locator) => expect.poll(() => l.first().isVisible(), { timeout: 15000 }).toBe(true);
const count = (l: Locator, n: number) => expect.poll(() => l.count(), { timeout: 15000 }).toBe(n);

describe('views in Chromium', () => {
  it('inflates a balloon when the memory-pressure slider squeezes an ESX host', async () => {
    const { page, errors } = await open();
    await page.getByRole('button', { name: '▸ Settings' }).click();
    const settings = page.getByRole('region', { name: 'Settings' });
    await settings.getByRole('combobox', { name: 'Policy' }).selectOption('esx');
    await settings.getByRole('spinbutton', { name: 'Host memory (MiB)' }).fill('3072');
    await page.keyboard.press('Enter');
    const pressure = controls(page).getByRole('slider', { name: 'Memory pressure' });
    await pressure.focus();
    await page.keyboard.press('End');
    await expect.poll(() => pressure.getAttribute('aria-valuetext')).toBe('Memory pressure 3 ×, heavy demand');
    expect(await balloonSizes(page)).toEqual([0, 0, 0]);
    await page.getByRole('combobox', { name: 'Speed' }).selectOption('8');
    await page.getByRole('button', { name: 'Play / pause' }).click();
    await expect.poll(async () => Math.max(...(await balloonSizes(page))), { timeout: 60000, interval: 500 }).toBeGreaterThan(32);
    await page.screenshot({ path: 'artifacts/e2e-views-pressure.png', fullPage: true });
    expect(errors).toEqual([]);
  });

  it('zooms the host map to single frames; hover names the frame that a click selects, and its guest page is marked', async () => {
    const { page, errors } = await open();
    const stage = hostFigure(page).locator('.map-stage');
    await stage.focus();
    await page.keyboard.press('Home');
    for (let i = 0; i < 14; i++) await page.keyboard.press('+');
    await visible(hostFigure(page).getByText('1 page/cell'));
    await page.keyboard.press('0');
    for (let i = 0; i < 10; i++) await page.keyboard.press('+');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowLeft');
    expect(await page.locator('.sim-time').textContent()).toBe('0.0 s'); // map keys did not step the run
    const box = await settledBox(page, 'figure.memory-map-host .map-stage');
    const tip = hostFigure(page).locator('.map-tooltip');
    // Frames are handed out lowest first after the hypervisor's own: walk down the map to a guest's frame.
    let at = { x: 0, y: 0 };
    let text = '';
    for (let fy = 0.05; fy < 1 && !/Owner: (?!no VM)/.test(text); fy += 0.1) {
      at = { x: box.x + 50 + (box.width - 50) * 0.5, y: box.y + box.height * fy };
      await page.mouse.move(at.x, at.y);
      await expect.poll(() => tip.textContent()).toMatch(/^Host frame \d+ \(0x[0-9a-f]+\)Owner: /);
      text = (await tip.textContent())!;
    }
    expect(text).toMatch(/Owner: (?!no VM)/);
    await expect.poll(() => tip.textContent()).toMatch(/Guest-physical page \d+ of \w+$/);
    const guestPage = /Guest-physical page (\d+) of/.exec((await tip.textContent())!)![1];
    const frame = /^Host frame (\d+)/.exec(text)![1];
    await page.mouse.click(at.x, at.y);
    await visible(page.getByText(`Selected: Host frame ${frame}`, { exact: false }));
    await visible(page.getByText(new RegExp(`^Host frame ${frame}: .*guest-physical page ${guestPage}\\b`)));
    await count(page.locator('figure.memory-map-guest .map-mark-counterpart'), 1);
    await page.screenshot({ path: 'artifacts/e2e-views-zoom-select.png' });
    expect(errors).toEqual([]);
  });

  it('selecting a guest page marks the host frame behind it', async () => {
    const { page, errors } = await open();
    await page.getByRole('button', { name: 'Play / pause' }).click();
    await paintedTick(page, 'figure.memory-map-guest canvas', 15);
    await page.getByRole('button', { name: 'Play / pause' }).click();
    await paused(page);
    const box = await settledBox(page, 'figure.memory-map-guest .map-stage');
    await page.mouse.click(box.x + 50 + 30, box.y + 12);
    await visible(page.getByText(/backed by host frame \d+/));
    await count(hostFigure(page).locator('.map-mark-counterpart'), 1);
    await count(hostFigure(page).locator('.map-mark-selected'), 0);
    expect(errors).toEqual([]);
  });

  it('brushing a range of the address bar zooms the host map to it', async () => {
    const { page, errors } = await open();
    const detail = hostFigure(page).locator('.map-detail');
    await hostFigure(page).locator('svg.map-overview').scrollIntoViewIfNeeded();
    // Brush only once the bar's layout has settled and d3's brush overlay is on it.
    await hostFigure(page).locator('svg.map-overview rect.overlay').waitFor();
    const bar = await settledBox(page, 'figure.memory-map-host svg.map-overview');
    const before = Number(/\d+/.exec((await detail.textContent())!)![0]);
    await page.mouse.move(bar.x + bar.width * 0.25, bar.y + 6);
    await page.mouse.down();
    await page.mouse.move(bar.x + bar.width * 0.3, bar.y + 6, { steps: 5 });
    await page.mouse.up();
    await expect.poll(async () => Number(/\d+/.exec((await detail.textContent())!)![0])).toBeLessThan(before / 5);
    const firstFrame = async () =>
      Number(/frames (\d+) to/.exec((await hostFigure(page).locator('.map-stage').getAttribute('aria-label')) ?? '')?.[1] ?? -1);
    await expect.poll(firstFrame, { timeout: 10000 }).toBeGreaterThan(0.2 * 1048576);
    expect(errors).toEqual([]);
  });

  it('animates balloons unless the user prefers reduced motion', async () => {
    const { page, errors } = await open();
    const duration = () =>
      page
        .locator('.balloon-skin')
        .first()
        .evaluate((e) => getComputedStyle(e).transitionDuration);
    expect(await duration()).toBe('0.6s');
    await page.emulateMedia({ reducedMotion: 'reduce' });
    expect(await duration()).toBe('0s');
    expect(errors).toEqual([]);
  });
});

// Screenshots of the view harness in headless Chromium (playwright-core + Debian's chromium),
// served by an in-process Vite dev server. Usage:
//   node test/views/harness/shoot.mjs <name> <width>x<height> "<query>" [actions.json]
// Writes artifacts/<name>.png. Actions: {"at": [selector, fx, fy, 'click'|'wheel'|undefined, dy]} points at a
// fraction of an element's box; [{"click": "selector"} | {"wait": ms} | {"eval": "js"} | {"hover": [x, y]} | {"wheel": [x, y, dy]}].
import { createServer } from 'vite';
import { chromium } from 'playwright-core';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const [name = 'shot', size = '1280x800', query = '', actionsJson = '[]'] = process.argv.slice(2);
const [width, height] = size.split('x').map(Number);
const server = await createServer({ server: { port: 0, host: '127.0.0.1' }, logLevel: 'error', clearScreen: false });
await server.listen();
const port = server.httpServer.address().port;
const ctx = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'bl-')), {
  executablePath: '/usr/bin/chromium',
  headless: true,
  viewport: { width, height },
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
});
try {
  const page = ctx.pages()[0] ?? (await ctx.newPage());
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await page.goto(
    `http://127.0.0.1:${port}${process.env.APP === '1' ? '/' : '/test/views/harness/index.html'}${query.startsWith('#') ? query : `?${query}`}`,
  );
  await page.waitForSelector('.memory-map-host canvas');
  await page.waitForTimeout(1500);
  for (const a of JSON.parse(actionsJson)) {
    if (a.click) await page.click(a.click);
    if (a.wait) await page.waitForTimeout(a.wait);
    if (a.eval) await page.evaluate(a.eval);
    if (a.hover) await page.mouse.move(a.hover[0], a.hover[1]);
    if (a.wheel) {
      await page.mouse.move(a.wheel[0], a.wheel[1]);
      await page.mouse.wheel(0, a.wheel[2]);
    }
    if (a.key) await page.keyboard.press(a.key);
    if (a.select) await page.getByRole('combobox', { name: a.select[0], exact: true }).selectOption(a.select[1]);
    if (a.fill) await page.getByRole('spinbutton', { name: a.fill[0], exact: true }).fill(a.fill[1]);
    if (a.at) {
      const box = await page.locator(a.at[0]).first().boundingBox();
      const [x, y] = [box.x + box.width * a.at[1], box.y + box.height * a.at[2]];
      await page.mouse.move(x, y);
      if (a.at[3] === 'click') await page.mouse.click(x, y);
      if (a.at[3] === 'wheel') await page.mouse.wheel(0, a.at[4] ?? -300);
    }
    if (a.focus) await page.focus(a.focus);
    if (a.scroll) await page.evaluate((sel) => document.querySelector(sel)?.scrollIntoView(), a.scroll);
  }
  await page.waitForTimeout(400);
  await page.screenshot({ path: `artifacts/${name}.png`, fullPage: a_full(process.env.FULL) });
  if (errors.length) console.log('page errors:\n' + errors.join('\n'));
  console.log(`artifacts/${name}.png`);
} finally {
  await ctx.close();
  await server.close();
}
function a_full(v) {
  return v === '1';
}

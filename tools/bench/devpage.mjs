// Shared set-up of the development aids (ab.mjs, trace.mjs): serve a built dist/, open the calculator in
// headless Chromium at 1440 × 900, wait for the first KPI, then (unless `screen`) make the viewport as tall as
// the page so that every chart is painted in each frame, as the benchmark does.
import { chromium } from 'playwright-core';
import { CHROMIUM_PATH, CHROMIUM_ARGS } from '../../tests/e2e/helpers.mjs';
import { serveCompressed } from './serve.mjs';
import { distSizes } from '../../scripts/check-size.mjs';
import path from 'node:path';

/** `--name value` from the command line, or `fallback`. */
export function opt(args, name, fallback) {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
}

/** Opens the page; `css` is injected before the viewport grows. Returns { page, close }. */
export async function openCalculator({ dist, screen = false, css = '' }) {
  const server = await serveCompressed(distSizes(path.resolve(dist)));
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
  const page = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
  await page.goto(server.url, { waitUntil: 'load' });
  await page.waitForSelector('[data-kpi=hashprice_usd_per_ph_day][data-value]');
  await page.waitForTimeout(500);
  if (css) await page.addStyleTag({ content: css });
  if (!screen) {
    const h = await page.evaluate(() => Math.ceil(document.documentElement.scrollHeight));
    await page.setViewportSize({ width: 1440, height: h });
  }
  await page.waitForTimeout(300);
  const close = async () => {
    await browser.close();
    await server.close();
  };
  return { page, close };
}

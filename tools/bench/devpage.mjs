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

/** The analyst's site (issue 18): 30 MW of three machine generations at $0.045/kWh with 50 % debt, PUE 1.1; the
 * scenario of the budgeted input latency. */
export const SITE_QUERY =
  '?power_price_usd_kwh=0.045&debt_pct=50&pue=1.1' +
  '&machine_hashrate_ths=270&machine_efficiency_jth=13.5&machine_count=3000&machine_price_usd_per_th=25.7' +
  '&machine2_hashrate_ths=141&machine2_efficiency_jth=21.5&machine2_count=3300&machine2_price_usd_per_th=0' +
  '&machine3_hashrate_ths=104&machine3_efficiency_jth=29.5&machine3_count=3000&machine3_price_usd_per_th=0';

/** Opens the page (`query`: a URL query such as SITE_QUERY); `css` is injected before the viewport grows.
 * Returns { page, close }. */
export async function openCalculator({ dist, screen = false, css = '', query = '' }) {
  const server = await serveCompressed(distSizes(path.resolve(dist)));
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
  const page = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
  await page.goto(server.url + query, { waitUntil: 'load' });
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

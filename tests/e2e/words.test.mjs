// Issue 19, words people read: why there is no IRR, machines that would be off today, labels that follow
// the fleet's size, and the phone strip with profit per day. Real typing in Debian Chromium.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { useSuite, withPage, eventually, typeInto, SCREENSHOTS } from './helpers.mjs';

const suite = useSuite({ prefix: '/tools/hashprice/' });
const T = { timeout: 60000 };
const kpiText = (page, key) => page.locator(`[data-kpi="${key}"] .kpi-value`).innerText();
const kpiLabel = (page, key) => page.locator(`[data-kpi="${key}"] .kpi-label`).innerText();

test('no IRR says which cause, and the strip says the machines would be off today and what the site still costs', T, async () => {
  await withPage(suite.browser, `${suite.url}?power_price_usd_kwh=5&opex_usd_month=30437.5`, async (page) => {
    assert.equal(await kpiText(page, 'irr_pct_year'), 'no IRR (the cash flow never turns positive)');
    const sub = page.locator('[data-kpi="profit_usd_day"] .kpi-sub');
    assert.match(await sub.innerText(), /^Machines off: .* switched off today\. The site's fixed costs still cost \$1\.00K a day\.$/);
    // Back to a running fleet by typing: the line gives the month instead.
    await typeInto(page, 'power_price_usd_kwh', '0.05');
    await eventually(async () => assert.match(await sub.innerText(), /^[−-]?\$[\d.,]+[KM]? per month$/));
  });
  await withPage(suite.browser, `${suite.url}?machine_price_usd_per_th=0`, async (page) => {
    assert.equal(await kpiText(page, 'irr_pct_year'), 'no IRR (no capex to earn a return on)');
  });
});

test('one machine is not a fleet: labels and the risk heading follow the machine count as it is typed', T, async () => {
  await withPage(suite.browser, `${suite.url}?machine_count=1`, async (page) => {
    assert.equal(await kpiLabel(page, 'profit_usd_day'), 'Profit per day');
    assert.equal(await kpiLabel(page, 'fleet_hashrate_ths'), 'Hashrate');
    assert.equal(await page.locator('#risk-h').innerText(), 'Risk: the odds this machine pays back');
    await typeInto(page, 'machine_count', '12');
    await eventually(async () => assert.equal(await kpiLabel(page, 'profit_usd_day'), 'Fleet profit per day'));
    assert.equal(await page.locator('#risk-h').innerText(), 'Risk: the odds this fleet pays back');
  });
});

test('on a phone the strip shows profit per day with its month, and a home miner starts with AI/HPC and Risk closed', T, async () => {
  await withPage(suite.browser, `${suite.url}?machine_count=1&machine_price_usd_per_th=0`, async (page) => {
    const profit = page.locator('.kpi-strip [data-kpi="profit_usd_day"]');
    assert.ok(await profit.isVisible(), 'profit per day is in the phone strip');
    assert.match(await profit.locator('.kpi-sub').innerText(), /per month$/);
    assert.ok(!(await page.locator('.kpi-strip [data-kpi="breakeven_power_price_usd_kwh"]').isVisible()));
    const box = await profit.boundingBox();
    assert.ok(box && box.y + box.height <= 844, 'on the first screen');
    // Compact, as a sticky strip on a phone must be: hashprice's sats line is left to the grid below.
    const strip = await page.locator('.kpi-strip').boundingBox();
    assert.ok(strip && strip.height <= 170, `the phone strip is ${strip?.height}px tall`);
    assert.ok(!(await page.locator('.kpi-strip [data-kpi="hashprice_usd_per_ph_day"] .kpi-sub').isVisible()));
    for (const id of ['panel-hpc', 'panel-risk']) {
      assert.equal(await page.locator(`#${id}`).getAttribute('open'), null, `${id} starts closed`);
    }
    assert.notEqual(await page.locator('#panel-market').getAttribute('open'), null);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 390, `no horizontal scrolling: ${width}px`);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'phone-390-home-miner.png') });
  }, { viewport: { width: 390, height: 844 } });
});

test('two paybacks on one page: the per-MW ones say they are static, day 0', T, async () => {
  await withPage(suite.browser, suite.url, async (page) => {
    assert.equal(await kpiLabel(page, 'hpc_payback_years'), 'AI/HPC payback per MW (static, day 0)');
    assert.equal(await kpiLabel(page, 'mining_payback_years'), 'Mining payback per MW (static, day 0)');
    assert.match(await page.locator('#hpc .chart-desc, #hpc [data-desc], #hpc p').allInnerTexts().then((t) => t.join(' ')), /at today's hashprice, before network growth, halvings and curtailment/);
  });
});

test('the strip\'s month of profit names the groups it counts at a loss, which the projection has off from today', T, async () => {
  const site = 'pue=1.1&machine_hashrate_ths=270&machine_efficiency_jth=13.5&machine_count=3000&machine2_hashrate_ths=140'
    + '&machine2_efficiency_jth=21.5&machine2_count=3300&machine3_hashrate_ths=104&machine3_efficiency_jth=29.5&machine3_count=3000';
  await withPage(suite.browser, `${suite.url}?${site}&power_price_usd_kwh=0.06`, async (page) => {
    const sub = page.locator('[data-kpi="profit_usd_day"] .kpi-sub');
    assert.match(await sub.innerText(), /^\$[\d.,]+K per month; group 3 running at a loss$/);
    assert.equal(await page.locator('#hardware tr[data-group="3"]').getAttribute('data-first-off'), '0', 'the table has group 3 off today');
    await typeInto(page, 'power_price_usd_kwh', '0.04');
    await eventually(async () => assert.match(await sub.innerText(), /^\$[\d.,]+K per month$/));
  });
});

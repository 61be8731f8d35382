// Issue 18 end-to-end, who switches off when: a three-generation site opened by URL shows the merit order (the
// oldest, least efficient group switches off first) in the hardware table's words and hooks, in the "fleet"
// section's list and in its stacked chart's data table, each against the model (window.hashprice.compute and
// a day loop written here from MODEL.md section 7); a real slider move changes them accordingly; the embed
// shows the section with panels=fleet; screenshots at 390 and 1440 px in both themes (screenshots/: look at them).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import {
  useSuite, withPage, scenarioQuery, eventually, isClose, sliderSelector, textFieldSelector, parseField, unstick, SCREENSHOTS,
} from './helpers.mjs';
import { subsidyBtc, BLOCKS_PER_DAY, DAYS_PER_MONTH } from './model.mjs';

const suite = useSuite({ prefix: '/tools/hashprice/' });
const T = { timeout: 90000 };

/** 30 MW of three generations: S21 XP, S19 XP and S19j Pro, PUE 1.1, $0.045/kWh. */
const SITE = {
  machine_hashrate_ths: 270, machine_efficiency_jth: 13.5, machine_count: 1000,
  machine2_hashrate_ths: 140, machine2_efficiency_jth: 21.5, machine2_count: 2000,
  machine3_hashrate_ths: 104, machine3_efficiency_jth: 29.5, machine3_count: 3000,
  power_price_usd_kwh: 0.045, pue: 1.1,
};
const GROUPS = [1, 2, 3];
const key = (g, f) => (g === 1 ? `machine_${f}` : `machine${g}_${f}`);

/** MODEL.md section 7, day by day: each group's days running in each month and its site MW (PUE included). */
function running(s) {
  const f = s.pool_fee_pct / 100, u = s.uptime_pct / 100, p = s.power_price_usd_kwh;
  const months = s.horizon_months;
  const D = Math.floor(months * DAYS_PER_MONTH + 0.5);
  const groups = GROUPS.map((g) => {
    const ths = s[key(g, 'hashrate_ths')] * s[key(g, 'count')];
    const kw = (ths * s[key(g, 'efficiency_jth')]) / 1000;
    return { g, ths, kw, mw: (kw * s.pue) / 1000, power: kw * s.pue * 24 * u * p, ran: new Array(months).fill(0), first: null };
  });
  const days = new Array(months).fill(0);
  for (let d = 0; d < D; d++) {
    const m = Math.min(Math.floor(d / DAYS_PER_MONTH), months - 1);
    days[m]++;
    const H = s.network_hashrate_ehs * (1 + s.hashrate_growth_pct_month / 100) ** (d / DAYS_PER_MONTH);
    const P = s.btc_price_usd * (1 + s.btc_price_growth_pct_year / 100) ** (d / 365.25);
    const hv = (BLOCKS_PER_DAY * (subsidyBtc(s.block_height + BLOCKS_PER_DAY * d) + s.fees_btc_per_block)) / (H * 1000);
    for (const x of groups) {
      const rev = hv * (x.ths / 1000) * u * (1 - f) * P;
      if (s.curtail_when_unprofitable && rev < x.power) x.first ??= d;
      else x.ran[m]++;
    }
  }
  return { groups, days };
}

const monthOf = (day) => (day === null ? null : Math.floor(day / DAYS_PER_MONTH) + 1);
const when = (day, months) => (day === null ? `never off within ${months} months` : day === 0 ? 'off today' : monthOf(day) === 1 ? 'off within month 1' : `off from month ${monthOf(day)}`);

/** Checks the page against the model for scenario `s`: the table's rows, the list and the chart's data table. */
async function expectMerit(page, s, what) {
  const out = await page.evaluate((x) => window.hashprice.compute(x), s);
  const first = out.projection.group_first_curtailed_day.slice(0, 3);
  const mine = running(s);
  assert.deepEqual(mine.groups.map((x) => x.first), first, `${what}: the test's day loop agrees with the model`);
  await eventually(async () => {
    // The hardware table: one row per group first, each with its first day off and the words for it.
    const rows = await page.$$eval('#hardware tr.site-group', (trs) => trs.map((tr) => ({
      group: tr.getAttribute('data-group'), first: tr.getAttribute('data-first-off'), status: tr.querySelector('.status-cell').textContent,
    })));
    assert.deepEqual(rows.map((r) => r.group), ['1', '2', '3'], `${what}: the site's groups head the table`);
    for (const [i, r] of rows.entries()) {
      assert.equal(r.first, first[i] === null ? '' : String(first[i]), `${what}: group ${i + 1}'s first day off`);
      if (first[i] === 0) assert.equal(r.status, '▼ underwater: off today');
      else assert.ok(r.status.endsWith(`; ${when(first[i], s.horizon_months)}`) && /^(▲ runs|= breakeven) today; /.test(r.status), `${what}: ${r.status}`);
    }
    // The fleet section's list: the groups in the order they switch off, the oldest first.
    const items = await page.$$eval('#fleet .merit-list li:not([hidden])', (lis) => lis.map((li) => [li.getAttribute('data-group'), li.textContent]));
    const order = [0, 1, 2].sort((a, b) => (first[a] ?? Infinity) - (first[b] ?? Infinity) || b - a);
    assert.deepEqual(items.map((x) => x[0]), order.map((g) => String(g + 1)), `${what}: the merit order`);
    for (const [g, text] of items) assert.ok(text.endsWith(when(first[g - 1], s.horizon_months)), `${what}: ${text}`);
  });
  // The chart's data table (built once opened): each month's running MW per group, exact.
  await eventually(async () => {
    const table = await page.$$eval('#fleet .data-table tbody tr', (trs) => trs.map((tr) => ({
      month: Number(tr.getAttribute('data-month')), g: [1, 2, 3].map((g) => Number(tr.getAttribute(`data-g${g}`))),
    })));
    assert.equal(table.length, s.horizon_months, `${what}: a row per month`);
    for (const row of table) {
      const m = row.month - 1;
      for (const [i, x] of mine.groups.entries()) {
        const want = (x.mw * x.ran[m]) / mine.days[m];
        assert.ok(isClose(row.g[i], want, { rel: 1e-12, abs: 1e-12 }), `${what}: month ${row.month} group ${i + 1}: ${row.g[i]} vs ${want}`);
      }
    }
  });
  return { first, out };
}

test('three generations by URL: the oldest switches off first, in the table, the words and the chart', T, async () => {
  await withPage(suite.browser, `${suite.url}${scenarioQuery(SITE)}`, async (page) => {
    const s = { ...(await page.evaluate(() => window.hashprice.defaults())), ...SITE };
    await page.locator('#fleet .data-table summary').click();
    const { first } = await expectMerit(page, s, 'as opened');
    assert.ok(first[2] !== null && first[1] !== null && first[2] < first[1], `the S19j Pro goes before the S19 XP: ${first}`);
    assert.ok(first[0] === null || first[1] < first[0], `the S19 XP goes before the S21 XP: ${first}`);
    assert.match(await page.locator('#fleet .merit-list li').first().textContent(), /^Group 3 · Antminer S19j Pro: ▲ runs today; off from month \d+$/);
    // The chart: an image with a name, three stacked paths, a keyboard readout.
    const chart = page.locator('#fleet-chart');
    assert.equal(await chart.getAttribute('role'), 'img');
    assert.equal(await page.locator('#fleet-chart-title').textContent(), 'Site power running by machine group, month by month');
    assert.deepEqual(await page.$$eval('#fleet-chart .stack path', (ps) => ps.map((p) => p.getAttribute('class'))), ['g1', 'g2', 'g3']);
    await chart.focus();
    await page.keyboard.press('Home');
    await eventually(async () => assert.match(await page.locator('#fleet [data-readout]').textContent(), /^month 1: [\d.,]+ MW · group 1 [\d.]+ · group 2 [\d.]+ · group 3 [\d.]+$/));
    await page.keyboard.press('End');
    await eventually(async () => assert.match(await page.locator('#fleet [data-readout]').textContent(), /^month 36: /));
    // PUE is in the table's breakeven and shutdown figures, and the summary says so.
    assert.match(await page.locator('#hardware p.muted').first().textContent(), /with the site's PUE of 1\.10\./);
    // Every preset row carries its first day off too, and its words agree with its day-0 status.
    const presets = await page.$$eval('#hardware tbody tr:not(.site-group)', (trs) => trs.map((tr) => [tr.getAttribute('data-first-off'), tr.querySelector('.status-cell').textContent]));
    assert.ok(presets.length >= 10);
    for (const [day, status] of presets) {
      if (day === '0') assert.equal(status, '▼ underwater: off today');
      else assert.ok(!status.startsWith('▼'), `runs today: ${status}`);
    }
    // The S19j Pro preset is group 3's machine: the same first day off.
    const s19j = await page.locator('#hardware tr:has(button[data-model="Antminer S19j Pro"])').getAttribute('data-first-off');
    assert.equal(s19j, String(first[2]));
  }, { viewport: { width: 1440, height: 900 } });
});

test('a real slider move: BTC price down, the groups switch off earlier and the chart table follows', T, async () => {
  await withPage(suite.browser, `${suite.url}${scenarioQuery(SITE)}`, async (page) => {
    const s = { ...(await page.evaluate(() => window.hashprice.defaults())), ...SITE };
    await page.locator('#fleet .data-table summary').click();
    const before = await expectMerit(page, s, 'as opened');
    const listBefore = await page.locator('#fleet .merit-list').textContent();
    const slider = page.locator(sliderSelector('btc_price_usd'));
    await slider.focus();
    for (let i = 0; i < 15; i++) await slider.press('PageDown');
    const price = parseField(await page.locator(textFieldSelector('btc_price_usd')).inputValue());
    assert.ok(price < s.btc_price_usd, `the price moved down: ${price}`);
    const after = await expectMerit(page, { ...s, btc_price_usd: price }, 'after the slider');
    for (const g of [0, 1, 2]) {
      const [a, b] = [before.first[g] ?? Infinity, after.first[g] ?? Infinity];
      assert.ok(b <= a, `group ${g + 1} switches off no later: ${a} -> ${b}`);
    }
    assert.ok(after.first.some((d, g) => (d ?? Infinity) < (before.first[g] ?? Infinity)), 'some group switches off earlier');
    assert.notEqual(await page.locator('#fleet .merit-list').textContent(), listBefore, 'the words changed');
  });
});

test('one machine group: the section stays short and says how to see a merit order', T, async () => {
  await withPage(suite.browser, suite.url, async (page) => {
    assert.match(await page.locator('#fleet > p.muted').textContent(), /add a machine group/);
    assert.equal(await page.locator('#fleet .merit-list li:not([hidden])').count(), 1);
    assert.match(await page.locator('#fleet .merit-list li:not([hidden])').textContent(), /^Your machines · Antminer S21: ▲ runs today; (off|never)/);
    assert.equal(await page.locator('#hardware tr.site-group').count(), 1);
  });
});

test('panels=fleet embeds the section alone, and the Embed dialog offers it', T, async () => {
  await withPage(suite.browser, `${suite.url}${scenarioQuery(SITE)}&embed=1&panels=fleet`, async (page) => {
    await page.waitForSelector('#fleet .merit-list li[data-group="3"]');
    assert.equal(await page.locator('#fleet').count(), 1);
    assert.equal(await page.locator('#hardware, #decision, #cash').count(), 0);
    assert.equal(await page.locator('#assumptions').count(), 1, 'projected months come with the inputs behind them');
    assert.equal(await page.locator('#fleet .merit-list li:not([hidden])').count(), 3);
  }, { waitForKpi: false });
  await withPage(suite.browser, suite.url, async (page) => {
    await page.locator('.embed-button button, button:has-text("Embed")').first().click();
    const box = page.locator('input[name="embed-panel"][value="fleet"]');
    await box.waitFor({ state: 'attached' });
    assert.match(await page.locator('label.embed-panel', { has: box }).textContent(), /Who switches off when/);
  });
});

for (const [w, h] of [[390, 844], [1440, 900]]) {
  for (const theme of ['light', 'dark']) {
    test(`screenshots of who switches off when at ${w} px, ${theme}`, T, async () => {
      await withPage(suite.browser, `${suite.url}${scenarioQuery(SITE)}&theme=${theme}`, async (page) => {
        const overflow = await page.evaluate(() => document.scrollingElement.scrollWidth - document.scrollingElement.clientWidth);
        assert.ok(overflow <= 0, `no horizontal scroll at ${w} px (${overflow} px)`);
        fs.mkdirSync(SCREENSHOTS, { recursive: true });
        await unstick(page);
        await page.locator('#fleet').screenshot({ path: path.join(SCREENSHOTS, `fleet-${w}-${theme}.png`) });
        await page.locator('#hardware').screenshot({ path: path.join(SCREENSHOTS, `hardware-site-${w}-${theme}.png`) });
        await unstick(page, false);
      }, { viewport: { width: w, height: h } });
    });
  }
}


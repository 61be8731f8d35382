// Issue 21, the History card end-to-end: hashvalue per difficulty epoch in the data table against an
// independent computation here (from the shipped nBits table and from tests/data/difficulty_epochs.csv), the
// "lowest since" words against a scenario and when an input moves, the keyboard readout, and screenshots at
// 1440 and 390 px in both themes (screenshots/, gitignored: look at them).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import {
  ROOT, useSuite, withPage, defaultScenario, scenarioQuery, eventually, typeInto, isClose,
} from './helpers.mjs';

const suite = useSuite({ prefix: '/tools/hashprice/' });
const T = { timeout: 60000 };

/** Difficulty of every epoch from data/difficulty_bits.txt: 0xFFFF × 2^208 / (mantissa × 256^(exponent − 3)). */
function bitsDifficulty() {
  const lines = fs.readFileSync(path.join(ROOT, 'data', 'difficulty_bits.txt'), 'utf8').split('\n')
    .map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
  return lines.map((hex) => {
    const bits = parseInt(hex, 16);
    const exponent = bits >>> 24;
    const mantissa = bits & 0xffffff;
    const target = BigInt(mantissa) * (256n ** BigInt(exponent - 3));
    // Exact big-integer quotient scaled by 2^64, then to a double.
    const q = ((0xffffn << 208n) << 64n) / target;
    return Number(q) / 2 ** 64;
  });
}

/** The derived table's difficulty column (tests/data/difficulty_epochs.csv). */
function csvDifficulty() {
  return fs.readFileSync(path.join(ROOT, 'tests', 'data', 'difficulty_epochs.csv'), 'utf8').split('\n')
    .filter((l) => /^\d/.test(l)).map((l) => Number(l.split(',')[2]));
}

const subsidy = (h) => 50 / 2 ** Math.floor(h / 210000);
const hashvalue = (difficulty, h, fees = 0) => 86400 * 1e15 * (subsidy(h) + fees) / (difficulty * 2 ** 32);
const grouped = (n) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/** Which epoch today's hashvalue is "the lowest since", computed here as docs/history.md says. */
function lowestSince(s, diff) {
  const height = Math.max(0, Math.floor(s.block_height));
  const today = 144 * (subsidy(height) + s.fees_btc_per_block) / (s.network_hashrate_ehs * 1000);
  const before = diff.map((d, k) => ({ k, v: hashvalue(d, k * 2016, s.fees_btc_per_block) })).filter(({ k }) => k * 2016 + 2016 <= height);
  let i = before.length - 1;
  while (i >= 0 && before[i].v > today) i--;
  if (i < 0) return { kind: 'ever' };
  if (i === before.length - 1) return { kind: 'not a low', epoch: before[i].k };
  return { kind: 'since', epoch: before[i].k, higher: before.length - 1 - i };
}

const words = (page) => page.locator('#history .chart-desc').textContent();

async function openTable(page) {
  await page.locator('#history details.data-table > summary').click();
  await page.waitForFunction(() => document.querySelectorAll('#history tbody tr[data-height]').length > 400);
}

test('the data table has every epoch with its exact hashvalue, as computed here from the shipped data', T, async () => {
  const diff = bitsDifficulty();
  const csv = csvDifficulty();
  assert.equal(diff.length, 474);
  assert.equal(csv.length, 474);
  await withPage(suite.browser, suite.url, async (page) => {
    const svg = page.locator('#history-chart');
    assert.equal(await svg.getAttribute('role'), 'img');
    assert.match(await page.locator('#history-chart > title').textContent(), /Hashvalue per difficulty epoch since 2009/);
    await openTable(page);
    const rows = await page.$$eval('#history tbody tr', (trs) => trs.map((tr) => ({
      height: Number(tr.dataset.height), hv: Number(tr.dataset.hashvalue), cells: [...tr.children].map((c) => c.textContent),
    })));
    assert.equal(rows.length, 474);
    for (const k of [0, 16, 104, 105, 208, 209, 312, 313, 416, 417, 435, 461, 473]) {
      const row = rows[k];
      assert.equal(row.height, k * 2016, `row ${k} starts at block ${k * 2016}`);
      const want = hashvalue(diff[k], k * 2016);
      assert.ok(isClose(row.hv, want, { rel: 1e-12 }), `epoch ${k}: page ${row.hv} vs ${want}`);
      assert.ok(isClose(row.hv, hashvalue(csv[k], k * 2016), { rel: 1e-6 }), `epoch ${k} against the CSV's difficulty`);
      assert.equal(row.cells[1], grouped(k * 2016));
    }
    // The halving epochs: the subsidy at the epoch's start (epoch 104 starts before block 210,000).
    assert.ok(isClose(rows[105].hv / rows[104].hv, (diff[104] / diff[105]) / 2, { rel: 1e-12 }));
    // The sats column is the same value × 1e5.
    const sats = Number(rows[473].cells[4].replace(/,/g, ''));
    assert.ok(isClose(sats, rows[473].hv * 1e5, { rel: 0.01 }), `${sats} sats vs ${rows[473].hv}`);
  });
});

test('the "lowest since" words follow the scenario and move with its inputs', T, async () => {
  const diff = bitsDifficulty();
  const s = defaultScenario();
  const want = lowestSince(s, diff);
  await withPage(suite.browser, suite.url, async (page) => {
    const first = await words(page);
    if (want.kind === 'since') {
      assert.ok(first.startsWith("Today's hashvalue is the lowest since the epoch from about "), first);
      assert.ok(first.includes(`(block ${grouped(want.epoch * 2016)})`), `${first} vs epoch ${want.epoch}`);
    } else if (want.kind === 'not a low') {
      assert.ok(first.startsWith("Today's hashvalue is no new low: the epoch from about "), first);
      assert.ok(first.includes(`(block ${grouped(want.epoch * 2016)})`), `${first} vs epoch ${want.epoch}`);
    } else {
      assert.ok(first.startsWith("Today's hashvalue is the lowest in the data"), first);
    }
    const satsToday = 144 * (subsidy(s.block_height) + s.fees_btc_per_block) / (s.network_hashrate_ehs * 1000) * 1e5;
    assert.match(first, / sats per TH\/s per day, /);
    const shown = Number(first.match(/This scenario: ([\d.,]+) sats/)[1].replace(/,/g, ''));
    assert.ok(isClose(shown, satsToday, { rel: 0.01 }), `${shown} vs ${satsToday}`);
    // A tenfold network: the lowest in the data (as computed here too).
    assert.equal(lowestSince({ ...s, network_hashrate_ehs: 20000 }, diff).kind, 'ever');
    await typeInto(page, 'network_hashrate_ehs', '20000');
    await eventually(async () => assert.match(await words(page), /^Today's hashvalue is the lowest in the data: below every difficulty epoch since about 3 Jan 2009\./));
  });
  // The same from a link, and a tiny network is no new low.
  for (const [ehs, re] of [[20000, /^Today's hashvalue is the lowest in the data/], [5, /^Today's hashvalue is no new low/]]) {
    const t = { ...s, network_hashrate_ehs: ehs };
    assert.equal(lowestSince(t, diff).kind, ehs === 5 ? 'not a low' : 'ever');
    await withPage(suite.browser, suite.url + `?network_hashrate_ehs=${ehs}`, async (page) => {
      assert.match(await words(page), re);
    });
  }
  // A scenario at an older height compares with the epochs before it only.
  const old = { ...s, block_height: 500000, network_hashrate_ehs: 30 };
  const w = lowestSince(old, diff);
  await withPage(suite.browser, suite.url + scenarioQuery(old), async (page) => {
    const text = await words(page);
    if (w.kind !== 'ever') assert.ok(text.includes(`(block ${grouped(w.epoch * 2016)})`), `${text} vs ${JSON.stringify(w)}`);
    else assert.match(text, /lowest in the data/);
  });
});

test('the chart reads out by keyboard, and the card fits 390 px; screenshots in both themes', T, async () => {
  fs.mkdirSync(path.join(ROOT, 'screenshots'), { recursive: true });
  for (const [width, height] of [[1440, 900], [390, 844]]) {
    for (const theme of ['light', 'dark']) {
      await withPage(suite.browser, suite.url + `?theme=${theme}`, async (page) => {
        const chart = page.locator('#history-chart');
        await chart.scrollIntoViewIfNeeded();
        await chart.focus();
        await page.keyboard.press('Home');
        const readout = () => page.locator('#history [data-readout]').textContent();
        await eventually(async () => assert.match(await readout(), /^about 3 Jan 2009 \(block 0\): [\d,.]+ BTC per PH\/s per day · [\d,.]+ sats per TH\/s per day$/));
        await page.keyboard.press('End');
        await eventually(async () => assert.match(await readout(), /\(block [\d,]+\): .* sats per TH\/s per day$/));
        const m = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
        assert.ok(m.scroll <= width, `no sideways scroll at ${width}: ${m.scroll}`);
        await page.evaluate(() => document.fonts?.ready);
        await page.locator('#history').screenshot({ path: path.join(ROOT, 'screenshots', `history-${width}-${theme}.png`) });
      }, { viewport: { width, height } });
    }
  }
});

test('growth as it was: a pick under the growth input puts that history in the projection', T, async () => {
  await withPage(suite.browser, suite.url, async (page) => {
    const picks = page.locator('.growth-picks button');
    assert.equal(await picks.count(), 3, '6, 12 and 24 months');
    const labels = await picks.allTextContents();
    labels.forEach((l, i) => assert.match(l, new RegExp(`^${[6, 12, 24][i]} months: [+−-]?\\d+\\.\\d%/month$`), l));
    assert.match(await page.locator('.growth-history').innerText(), /As it was: difficulty growth to about [A-Z][a-z]{2} 20\d\d/);
    await picks.nth(1).click();
    const want = Number(labels[1].match(/([+−-]?\d+\.\d)%/)[1].replace('−', '-'));
    await eventually(async () => assert.equal(Number(await page.locator('input.num[name="hashrate_growth_pct_month"]').inputValue()), want));
    const npv = await page.evaluate((g) => window.hashprice.compute({ hashrate_growth_pct_month: g }).projection.npv_usd, want);
    await eventually(async () => assert.ok(isClose(Number(await page.locator('[data-kpi="npv_usd"]').getAttribute('data-value')), npv), 'the NPV in force is the projection at that growth'));
  });
});

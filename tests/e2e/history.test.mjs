// Issue 21, the History card end-to-end: hashvalue per difficulty epoch in the data table against an
// independent computation here (from the shipped nBits table and from tests/data/difficulty_epochs.csv), the
// "lowest since" words against a scenario and when an input moves, the keyboard readout, and screenshots at
// 1440 and 390 px in both themes (screenshots/, gitignored: look at them); the price history's fetch from
// mempool.space with intercepted answers (good, garbage, a bad value, 429, timeout) and the backtest against a
// hand computation here, for an epoch picked with the keyboard on the slider.
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

// ---- the estimated epoch dates and the backtest, computed here as src/history/data.rs and model.rs document ----

const HALVINGS = [[0, 1231006505], [210000, 1354116278], [420000, 1468082773], [630000, 1589225023], [840000, 1713571767]];

/** Estimated start (Unix s) of every epoch: spans from the next retarget, rescaled piecewise onto the halvings. */
function estimatedStarts(diff) {
  const n = diff.length;
  const span = diff.slice(0, n - 1).map((d, k) => 1209600 * d / diff[k + 1] * 2016 / 2015);
  const raw = [];
  let t = 0;
  for (let k = 0; k < n; k++) { raw.push(t); t += k < span.length ? span[k] : 1209600; }
  const rawAt = (h) => { const k = Math.floor(h / 2016); return k < span.length ? raw[k] + (h % 2016) / 2016 * span[k] : null; };
  const anchors = HALVINGS.map(([h, real]) => [rawAt(h), real]).filter(([r]) => r !== null);
  return raw.map((r) => {
    for (let i = 0; i + 1 < anchors.length; i++) {
      const [a, b] = [anchors[i], anchors[i + 1]];
      if (r <= b[0]) return Math.floor(a[1] + (r - a[0]) * (b[1] - a[1]) / (b[0] - a[0]));
    }
    const [r1, t1] = anchors[anchors.length - 1];
    return Math.floor(t1 + (r - r1));
  });
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const dateWords = (unix) => { const d = new Date(unix * 1000); return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`; };

/** A machine of scenario `s` bought at the start of epoch `e`, per TH/s; `price(k)` is epoch k's BTC price (or none). */
function backtestByHand(s, diff, starts, e, price = () => null) {
  const u = s.uptime_pct / 100;
  const keep = 1 - s.pool_fee_pct / 100;
  let btc = 0; let kwh = 0; let powerUsd = 0; let powerBtc = 0; let revenue = 0; let net = 0; let payback = null;
  for (let k = e; k < diff.length; k++) {
    const seconds = k + 1 < diff.length ? starts[k + 1] - starts[k] : 1209600;
    const days = seconds / 86400;
    const mined = hashvalue(diff[k], k * 2016, s.fees_btc_per_block) / 1000 * days * u * keep;
    const k_wh = s.machine_efficiency_jth * (s.pue ?? 1) * 0.024 * days * u;
    btc += mined; kwh += k_wh; powerUsd += k_wh * s.power_price_usd_kwh;
    const p = price(k);
    if (p) {
      powerBtc += k_wh * s.power_price_usd_kwh / p;
      revenue += mined * p;
      const before = net;
      net += mined * p - k_wh * s.power_price_usd_kwh;
      if (payback === null && net >= s.machine_price_usd_per_th) {
        const frac = Math.min(1, (s.machine_price_usd_per_th - before) / (net - before));
        payback = starts[k] + Math.round(frac * seconds);
      }
    }
  }
  return { btc, kwh, powerUsd, powerBtc, revenue, net, payback, epochs: diff.length - e };
}

// ---- the price history from mempool.space, always intercepted ----

const MEMPOOL = 'https://mempool.space';
const PRICES_PATH = '/api/v1/historical-price';
const CORS = { 'Access-Control-Allow-Origin': '*' };
/** One synthetic price a day after each epoch's estimated start, from epoch 30 on (none before, as mempool's start in 2010). */
const FIRST_PRICED = 30;
const synthPrice = (k) => 20 + 250 * k;
function goodBody(starts) {
  // Newest first, as mempool.space answers, with a "no price" entry (-1) and another currency's field.
  const prices = starts.map((t, k) => ({ time: t + 86400, USD: k >= FIRST_PRICED ? synthPrice(k) : -1, EUR: 1 })).filter((x, k) => k >= FIRST_PRICED - 1);
  return JSON.stringify({ prices: prices.reverse(), exchangeRates: { USDEUR: 0.92 } });
}

/** Opens the page with mempool.space answered by `answer()` ({status, body}; null: never answered). */
async function withPricesPage(url, answer, body, opts = {}) {
  let hits = 0;
  await withPage(suite.browser, url, body, {
    ...opts,
    allowOrigins: [MEMPOOL],
    beforeGoto: async (page) => {
      if (opts.fakeClock) await page.clock.install();
      await page.route(`${MEMPOOL}/**`, async (route) => {
        const u = new URL(route.request().url());
        assert.equal(u.pathname, PRICES_PATH);
        assert.equal(u.searchParams.get('currency'), 'USD');
        hits += 1;
        const a = answer();
        if (a === null) return; // never answered: the page's 5 s timeout has to end it
        return route.fulfill({ status: a.status ?? 200, headers: CORS, contentType: 'application/json', body: a.body });
      });
    },
  });
  return hits;
}

const LOAD = 'button[data-history-prices]';
const backtestValue = (page, key) => page.locator(`#history tr[data-bt="${key}"]`).getAttribute('data-value').then(Number);

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
    const rows = await page.$$eval('#history details.data-table tbody tr', (trs) => trs.map((tr) => ({
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

test('the fee option: a click credits every epoch with the scenario\'s fees, in the table and its headers', T, async () => {
  const diff = bitsDifficulty();
  const fees = 0.05;
  await withPage(suite.browser, suite.url + scenarioQuery({ fees_btc_per_block: fees }), async (page) => {
    await openTable(page);
    const read = () => page.$$eval('#history details.data-table tbody tr', (trs) => trs.map((tr) => Number(tr.dataset.hashvalue)));
    const before = await read();
    const box = page.getByLabel(/Add this scenario's fees per block to every epoch/);
    await box.check();
    await eventually(async () => assert.ok(isClose((await read())[473], hashvalue(diff[473], 473 * 2016, fees), { rel: 1e-12 })));
    const after = await read();
    for (const k of [0, 209, 417, 473]) {
      assert.ok(isClose(before[k], hashvalue(diff[k], k * 2016), { rel: 1e-12 }), `epoch ${k} before: subsidy only`);
      assert.ok(isClose(after[k], hashvalue(diff[k], k * 2016, fees), { rel: 1e-12 }), `epoch ${k} with fees`);
    }
    const head = await page.locator('#history details.data-table thead').textContent();
    assert.match(head, /BTC per PH\/s per day, subsidy and this scenario's fees/);
    await box.uncheck();
    await eventually(async () => assert.deepEqual(await read(), before), 'unchecked: subsidy only again');
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
      const starts = estimatedStarts(bitsDifficulty());
      await withPricesPage(suite.url + `?theme=${theme}`, () => ({ body: goodBody(starts) }), async (page) => {
        await page.locator(LOAD).click();
        await eventually(async () => assert.equal(await page.locator(LOAD).textContent(), 'Price history loaded'), { timeout: 6000 });
        const chart = page.locator('#history-chart');
        await chart.scrollIntoViewIfNeeded();
        await chart.focus();
        await page.keyboard.press('Home');
        const readout = () => page.locator('#history [data-readout]').textContent();
        await eventually(async () => assert.match(await readout(), /^about 3 Jan 2009 \(block 0\): [\d,.]+ BTC per PH\/s per day · [\d,.]+ sats per TH\/s per day$/));
        await page.keyboard.press('End');
        await eventually(async () => assert.match(await readout(), /\(block [\d,]+\): .* sats per TH\/s per day · \$[\d.,]+ per PH\/s per day$/));
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

test('the backtest: a machine bought at an epoch picked on the slider by keyboard, against a hand computation', T, async () => {
  const diff = bitsDifficulty();
  const starts = estimatedStarts(diff);
  const s = defaultScenario();
  await withPage(suite.browser, suite.url, async (page) => {
    const slider = page.locator('#history input[type=range]#backtest-epoch');
    assert.equal(await slider.count(), 1);
    assert.equal(await page.locator('label[for="backtest-epoch"]').count(), 1, 'the slider is labelled');
    assert.equal(await slider.getAttribute('max'), '473');
    // The default: two years (52 epochs) before the table's last.
    assert.equal(await slider.inputValue(), '421');
    await slider.focus();
    await page.keyboard.press('End');
    for (let i = 0; i < 30; i++) await page.keyboard.press('ArrowLeft');
    const e = 443;
    assert.equal(await slider.inputValue(), String(e));
    const when = `about ${dateWords(starts[e])} (block ${grouped(e * 2016)})`;
    await eventually(async () => assert.equal(await page.locator('#history [data-backtest-start]').textContent(), when));
    assert.equal(await slider.getAttribute('aria-valuetext'), when);
    const want = backtestByHand(s, diff, starts, e);
    assertCloseTo(await backtestValue(page, 'btc'), want.btc, 'BTC mined per TH/s');
    assertCloseTo(await backtestValue(page, 'kwh'), want.kwh, 'kWh per TH/s');
    assertCloseTo(await backtestValue(page, 'power_usd'), want.powerUsd, 'power cost per TH/s');
    const text = await page.locator('#history [data-backtest-words]').textContent();
    assert.ok(text.startsWith(`A machine bought ${when}, at this scenario's 17.5 J/TH, 97.0% uptime`), text);
    assert.ok(text.includes(` BTC per TH/s in ${want.epochs} epochs since`), text);
    assert.match(text, /Load the price history for its power cost in BTC and its payback\.$/);
    assert.equal(await page.locator('#history tr[data-bt="payback"]').count(), 0, 'no payback without prices');
    // Home: the genesis epoch.
    await page.keyboard.press('Home');
    await eventually(async () => assert.equal(await page.locator('#history [data-backtest-start]').textContent(), 'about 3 Jan 2009 (block 0)'));
    assertCloseTo(await backtestValue(page, 'btc'), backtestByHand(s, diff, starts, 0).btc, 'BTC mined since 2009');
  });
});

function assertCloseTo(actual, expected, what, rel = 1e-9) {
  assert.ok(isClose(actual, expected, { rel }), `${what}: page ${actual}, here ${expected}`);
}

test('price history: a good answer draws USD, adds the column, the badge, the USD words and the backtest payback', T, async () => {
  const diff = bitsDifficulty();
  const starts = estimatedStarts(diff);
  // At a site with overhead: the backtest's power is bought with the PUE, as everywhere on the page.
  const s = { ...defaultScenario(), pue: 1.1 };
  const price = (k) => (k >= FIRST_PRICED ? synthPrice(k) : null);
  const hits = await withPricesPage(`${suite.url}?pue=1.1`, () => ({ body: goodBody(starts) }), async (page, p) => {
    await page.waitForTimeout(200);
    assert.deepEqual(p.requests.filter((u) => u.startsWith(MEMPOOL)), [], 'nothing asked before the click');
    assert.equal(await page.locator('#history path.line-usd').count(), 0);
    await page.locator(LOAD).click();
    await eventually(async () => assert.equal(await page.locator(LOAD).textContent(), 'Price history loaded'), { timeout: 6000 });
    assert.equal(await page.locator(LOAD).isDisabled(), true, 'loaded once');
    assert.match(await page.locator('[data-prices-badge]').innerText(), /^mempool\.space · \d{2}:\d{2} UTC, \d{4}-\d{2}-\d{2}$/);
    assert.equal(await page.locator('[data-prices-error]').textContent(), '');
    const n = diff.length - FIRST_PRICED + 1;
    assert.match(await page.locator('[data-prices-status]').textContent(), new RegExp(`^Loaded ${grouped(n - 1)} BTC prices from mempool\\.space, about ${dateWords(starts[FIRST_PRICED] + 86400)} to `));
    assert.equal(await page.locator('#history path.line-usd').count(), 1, 'the USD line');
    assert.ok(await page.locator('#history .key-usd').isVisible(), 'its legend');
    // The table's USD column: hashvalue (subsidy only) × the epoch's price, as computed here.
    await openTable(page);
    await eventually(async () => assert.equal(await page.locator('#history details.data-table thead th').count(), 6));
    const rows = await page.$$eval('#history tbody tr[data-height]', (trs) => trs.map((tr) => ({ usd: tr.dataset.hashpriceUsd, cell: tr.children[5]?.textContent })));
    // Epoch 29 takes the nearest price within 14 days of its middle (epoch 30's); epoch 20 has none.
    for (const k of [0, 20, 30, 200, 420, 473]) {
      if (k < FIRST_PRICED) {
        assert.equal(rows[k].usd, undefined, `epoch ${k} has no price`);
        assert.equal(rows[k].cell, 'no price');
      } else {
        assertCloseTo(Number(rows[k].usd), hashvalue(diff[k], k * 2016) * synthPrice(k), `USD hashprice of epoch ${k}`, 1e-12);
      }
    }
    // The words add where today's USD hashprice sits.
    assert.match(await words(page), / Today's hashprice in USD is .* This scenario: \$[\d.,]+ per PH\/s per day at \$95,000 a BTC\.$/);
    // The backtest in USD, at its default epoch (421), against the hand computation.
    const want = backtestByHand(s, diff, starts, 421, price);
    assertCloseTo(await backtestValue(page, 'power_btc'), want.powerBtc, 'power in BTC');
    assertCloseTo(await backtestValue(page, 'revenue_usd'), want.revenue, 'revenue');
    assertCloseTo(await backtestValue(page, 'net_usd'), want.net, 'net of power');
    assert.ok(want.payback !== null, 'the synthetic prices pay the machine back');
    assert.equal(await backtestValue(page, 'payback'), want.payback);
    assert.match(await page.locator('#history [data-backtest-words]').textContent(), new RegExp(`: paid back about ${dateWords(want.payback)}\\.$`));
    assert.match(await page.locator('#history [data-backtest-words]').textContent(), / at \$0\.050\/kWh and PUE 1\.10, each epoch's at its BTC price\)/);
    // The readout names the USD hashprice too.
    const chart = page.locator('#history-chart');
    await chart.focus();
    await page.keyboard.press('End');
    await eventually(async () => assert.match(await page.locator('#history [data-readout]').textContent(), / · \$[\d.,]+ per PH\/s per day$/));
  });
  assert.equal(hits, 1, 'one request');
});

const FAILURES = [
  ['garbage', () => ({ body: '<html>oops</html>' }), 'malformed JSON in the response'],
  ['a bad value', () => ({ body: JSON.stringify({ prices: [{ time: 1781308800, USD: 62000 }, { time: 1781222400, USD: 'lots' }] }) }), 'prices[1].USD is not a number (got text)'],
  ['HTTP 429', () => ({ status: 429, body: '{"error":"too many requests"}' }), 'rate-limited, try again in a minute'],
  ['a timeout', () => null, 'no answer within 5 seconds (timed out)'],
];

for (const [what, answer, reason] of FAILURES) {
  test(`price history: ${what} changes nothing and says why next to the button`, T, async () => {
    await withPricesPage(suite.url, answer, async (page) => {
      const before = { words: await words(page), bt: await page.locator('#history [data-backtest-words]').textContent() };
      await page.locator(LOAD).click();
      const message = `Price history not loaded (nothing changed). mempool.space/api/v1/historical-price: ${reason}.`;
      await eventually(async () => assert.equal(await page.locator('[data-prices-error]').textContent(), message), { timeout: 8000 });
      assert.equal(await page.locator('[data-prices-error]').getAttribute('role'), 'alert');
      if (what === 'HTTP 429') {
        // The server asked for a minute: the button waits it out.
        await page.clock.fastForward('00:30');
        assert.equal(await page.locator(LOAD).isDisabled(), true, 'still off 30 s after the 429');
        await page.clock.fastForward('00:31');
      }
      await eventually(async () => assert.equal(await page.locator(LOAD).isDisabled(), false, 'the button can be tried again'));
      assert.equal(await page.locator(LOAD).textContent(), 'Load price history');
      assert.equal(await page.locator('[data-prices-badge]').isVisible(), false, 'no badge');
      assert.equal(await page.locator('#history path.line-usd').count(), 0, 'no USD line');
      assert.equal(await page.locator('#history .key-usd').isVisible(), false);
      assert.equal(await words(page), before.words);
      assert.equal(await page.locator('#history [data-backtest-words]').textContent(), before.bt);
      await openTable(page);
      assert.equal(await page.locator('#history details.data-table thead th').count(), 5, 'no USD column');
      assert.equal(await page.locator('#history tr[data-hashprice-usd]').count(), 0);
    }, { fakeClock: what === 'HTTP 429' });
  });
}

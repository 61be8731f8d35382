// Issue 7 end-to-end: "Use live network data" against mempool.space, always intercepted with page.route
// (the real network is never used: requests no route handles are aborted by the harness).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  HEADLINE_KPI, useSuite, withPage, allKpis, kpi, readScenario, eventually, typeInto, textFieldSelector,
  parseField, assertClose,
} from './helpers.mjs';

const suite = useSuite({ prefix: '/tools/hashprice/' });
const T = { timeout: 60000 };
const MEMPOOL = 'https://mempool.space';
const BUTTON = 'button[data-action="live-data"]';
const BADGE = '[data-live-badge]';
const ERROR = '[data-live-error]';

const PATHS = {
  prices: '/api/v1/prices',
  hashrate: '/api/v1/mining/hashrate/3d',
  rewards: '/api/v1/mining/reward-stats/144',
  height: '/api/blocks/tip/height',
};
const label = (which) => `mempool.space${PATHS[which]}`;

// What the mocked mempool.space answers: values different from every default and preset.
const LIVE = { price: 91234, hashrateHs: 1.0345e21, height: 930123, totalFeeSats: '3456789' };
// Applied as the data supports them (issue 19): price to the cent, hashrate to 0.1 EH/s, fees to 1e-4 BTC.
const roundTo = (x, step) => Math.round(x * step) / step;
const EXPECTED = {
  btc_price_usd: roundTo(LIVE.price, 100),
  network_hashrate_ehs: roundTo(LIVE.hashrateHs / 1e18, 10),
  block_height: LIVE.height,
  fees_btc_per_block: roundTo(Number(LIVE.totalFeeSats) / 144 / 1e8, 1e4),
};

const CORS = { 'Access-Control-Allow-Origin': '*' };
const json = (body, status = 200) => ({ status, headers: CORS, contentType: 'application/json', body: typeof body === 'string' ? body : JSON.stringify(body) });
const text = (body, status = 200) => ({ status, headers: CORS, contentType: 'text/plain', body });

const GOOD = {
  prices: () => json({ time: 1764000000, USD: LIVE.price, EUR: 84000, GBP: 72000 }),
  hashrate: () => json({
    hashrates: [{ timestamp: 1763913600, avgHashrate: 1.02e21 }],
    difficulty: [{ time: 1763913600, height: 929000, difficulty: 1.49e14, adjustment: 1.01 }],
    currentHashrate: LIVE.hashrateHs,
    currentDifficulty: 1.49e14,
  }),
  rewards: () => json({ startBlock: LIVE.height - 143, endBlock: LIVE.height, totalReward: '48456789', totalFee: LIVE.totalFeeSats, totalTx: '512345' }),
  height: () => text(String(LIVE.height)),
};

/**
 * Routes every mempool.space request to the mocks (`overrides` replace single endpoints; a mock returning
 * null never answers). Returns the list of intercepted URLs.
 */
async function mockMempool(page, overrides = {}) {
  const hits = [];
  await page.route(`${MEMPOOL}/**`, async (route) => {
    const url = new URL(route.request().url());
    hits.push(url.pathname);
    const which = Object.keys(PATHS).find((k) => PATHS[k] === url.pathname);
    if (!which) return route.fulfill(text('not found', 404));
    const answer = (overrides[which] ?? GOOD[which])();
    if (answer === null) return; // never fulfilled: the page's 5 s timeout has to end it
    return route.fulfill(answer);
  });
  return hits;
}

const mempoolRequests = (requests) => requests.filter((u) => u.startsWith(MEMPOOL));

/** Opens the page with the mocks in place from the start and checks that loading asked nothing of mempool.space. */
async function withLivePage(url, overrides, body, { fakeClock = false } = {}) {
  let hits;
  await withPage(
    suite.browser,
    url,
    async (page, p) => {
      // Give anything that might fire after load (effects, idle callbacks) a moment.
      await page.waitForTimeout(300);
      assert.deepEqual(mempoolRequests(p.requests), [], 'no request to mempool.space before the click');
      assert.deepEqual(hits, [], 'no intercepted request before the click');
      await body(page, p, hits);
    },
    {
      allowOrigins: [MEMPOOL],
      beforeGoto: async (page) => {
        if (fakeClock) await page.clock.install();
        hits = await mockMempool(page, overrides);
      },
    },
  );
}

async function fieldValue(page, key) {
  return parseField(await page.locator(textFieldSelector(key)).inputValue());
}

function expectedHashprice({ btc_price_usd, network_hashrate_ehs, fees_btc_per_block, block_height }) {
  assert.ok(block_height >= 840000 && block_height < 1050000, 'test height is in the 3.125 BTC era');
  return (144 * (3.125 + fees_btc_per_block)) / (network_hashrate_ehs * 1000) * btc_price_usd;
}

test('success: the four inputs, the KPIs, the badge and the URL take the live values', T, async () => {
  await withLivePage(suite.url, {}, async (page, p, hits) => {
    const button = page.locator(BUTTON);
    assert.equal(await button.count(), 1, 'one live-data button');
    assert.equal(await page.locator(BADGE).innerText(), 'snapshot · Nov 2025');
    assert.equal(await page.locator(BADGE).getAttribute('data-live-badge'), 'snapshot');

    await button.click();
    await eventually(async () => assert.equal(await page.locator(BADGE).getAttribute('data-live-badge'), 'live'), { timeout: 6000 });

    // Each endpoint asked exactly once.
    assert.deepEqual([...hits].sort(), Object.values(PATHS).sort(), 'the four endpoints, once each');
    assert.equal(mempoolRequests(p.requests).length, 4);

    for (const [key, want] of Object.entries(EXPECTED)) {
      await eventually(async () => assert.equal(await fieldValue(page, key), want, `${key} text field`));
    }
    assert.equal(
      await page.locator(`input[name=btc_price_usd]:not([type=range])`).inputValue(),
      String(LIVE.price),
      'BTC price field shows the live price',
    );
    const s = await readScenario(page);
    for (const [key, want] of Object.entries(EXPECTED)) assert.equal(s[key], want, key);
    await eventually(async () => assertClose(await kpi(page, HEADLINE_KPI), expectedHashprice(EXPECTED), 'hashprice from live values'));

    const badge = await page.locator(BADGE).innerText();
    assert.match(badge, /^live · mempool\.space · \d{2}:\d{2} UTC, \d{4}-\d{2}-\d{2}$/, 'badge names source and UTC time');

    assert.match(await page.locator('[data-live-status]').innerText(), /Applied live/);
    assert.equal(await page.locator(ERROR).innerText(), '', 'no error message');
    assert.match(await page.locator('header').innerText(), /Network values: live from mempool\.space at \d{2}:\d{2} UTC, \d{4}-\d{2}-\d{2}\./, 'the header names source and time, not "your own"');

    // The URL records the values, so a shared link reproduces these numbers.
    await eventually(async () => {
      const q = new URL(page.url()).searchParams;
      for (const [key, want] of Object.entries(EXPECTED)) assert.equal(Number(q.get(key)), want, `URL has ${key}`);
    });

    // At most one refresh a minute: the button is disabled with a countdown.
    assert.equal(await button.isDisabled(), true, 'button disabled right after a refresh');
    assert.match(await button.innerText(), /again in (60|59|58|57|56|55) s/);

    // The inputs stay editable; the badge then says the live values were edited.
    await typeInto(page, 'btc_price_usd', '100000');
    await eventually(async () => assertClose(await kpi(page, HEADLINE_KPI), expectedHashprice({ ...EXPECTED, btc_price_usd: 100000 }), 'hashprice after editing'));
    await eventually(async () => assert.match(await page.locator(BADGE).innerText(), /^live · mempool\.space · .* · edited$/));
    assert.equal(mempoolRequests(p.requests).length, 4, 'editing asks nothing of mempool.space');
  });
});

test('a shared link made from live values reproduces them without any request', T, async () => {
  const q = '?' + Object.entries(EXPECTED).map(([k, v]) => `${k}=${encodeURIComponent(String(v))}`).join('&');
  await withLivePage(suite.url + q, {}, async (page, p) => {
    const s = await readScenario(page);
    for (const [key, want] of Object.entries(EXPECTED)) assert.equal(s[key], want, key);
    assertClose(await kpi(page, HEADLINE_KPI), expectedHashprice(EXPECTED), 'hashprice from the link');
    assert.deepEqual(mempoolRequests(p.requests), []);
  });
});

const FAILURES = [
  {
    name: 'HTTP 429 (rate limit)',
    overrides: { hashrate: () => text('Too Many Requests', 429) },
    message: `${label('hashrate')}: rate-limited, try again in a minute`,
  },
  {
    name: 'HTTP 500',
    overrides: { prices: () => text('Internal Server Error', 500) },
    message: `${label('prices')}: HTTP error 500`,
  },
  {
    name: 'every endpoint down alike (said once)',
    overrides: Object.fromEntries(Object.keys(PATHS).map((k) => [k, () => text('Service Unavailable', 503)])),
    message: 'Every request to mempool.space: HTTP error 503.',
  },
  {
    name: 'a timeout (an endpoint that never answers)',
    overrides: { rewards: () => null },
    message: `${label('rewards')}: no answer within 5 seconds (timed out)`,
    // The others answered in time: only the one that did not is named.
    only: true,
    slow: true,
  },
  {
    name: 'malformed JSON',
    overrides: { prices: () => json('{"time": 1764000000, "USD": 91234,') },
    message: `${label('prices')}: malformed JSON in the response`,
  },
  {
    name: 'a negative hashrate',
    overrides: { hashrate: () => json({ hashrates: [], difficulty: [], currentHashrate: -1.0345e21, currentDifficulty: 1.49e14 }) },
    message: `${label('hashrate')}: currentHashrate is negative`,
  },
  {
    name: 'a non-numeric block height',
    overrides: { height: () => text('nine hundred thousand') },
    message: `${label('height')}: the block height is not a whole number`,
  },
];

for (const f of FAILURES) {
  test(`failure, ${f.name}: nothing changes and the message names the source`, T, async () => {
    await withLivePage(suite.url, f.overrides, async (page, p, hits) => {
      // The risk run finishes in the frames after the first paint: compare once it has.
      await page.waitForFunction(() => document.querySelector('[data-kpi="mc_payback_probability"]')?.getAttribute('data-value'), null, { timeout: 20000 });
      const kpisBefore = await allKpis(page);
      const scenarioBefore = await readScenario(page);
      const urlBefore = page.url();

      const started = Date.now();
      await page.locator(BUTTON).click();
      const error = page.locator(ERROR);
      await eventually(async () => assert.notEqual((await error.innerText()).trim(), ''), { timeout: f.slow ? 8000 : 4000 });
      const elapsed = Date.now() - started;
      if (f.slow) assert.ok(elapsed >= 4500 && elapsed < 7500, `the timeout ends the wait after about 5 s (took ${elapsed} ms)`);

      const message = await error.innerText();
      assert.ok(message.includes(f.message), `message ${JSON.stringify(message)} includes ${JSON.stringify(f.message)}`);
      assert.match(message, /nothing changed/);
      if (f.only) assert.equal((message.match(/mempool\.space\//g) ?? []).length, 1, `only one source is named: ${message}`);
      assert.equal(await error.getAttribute('role'), 'alert');
      assert.equal(hits.length, 4, 'all four endpoints were asked (in parallel)');

      // Give a late update every chance to show up, then compare.
      await page.waitForTimeout(400);
      assert.deepEqual(await allKpis(page), kpisBefore, 'KPIs unchanged');
      assert.deepEqual(await readScenario(page), scenarioBefore, 'inputs unchanged');
      assert.equal(await page.locator(textFieldSelector('btc_price_usd')).inputValue(), String(scenarioBefore.btc_price_usd));
      assert.equal(page.url(), urlBefore, 'URL unchanged');
      assert.equal(await page.locator(BADGE).innerText(), 'snapshot · Nov 2025', 'badge still says snapshot');
      assert.equal(await page.locator(BUTTON).isDisabled(), true, 'no new attempt straight away');
    });
  });
}

test('10 s after a failed refresh it can be retried and then applies', T, async () => {
  let failing = true;
  await withLivePage(suite.url, { prices: () => (failing ? text('Internal Server Error', 500) : GOOD.prices()) }, async (page, p, hits) => {
    await page.locator(BUTTON).click();
    await eventually(async () => assert.match(await page.locator(ERROR).innerText(), /HTTP error 500/));
    assert.equal(await page.locator(BUTTON).isDisabled(), true);
    assert.match(await page.locator(BUTTON).innerText(), /again in (10|9) s/);
    failing = false;
    // Jump the page's clock past the 10 s (Date.now and timers).
    await page.clock.fastForward('00:11');
    await eventually(async () => assert.equal(await page.locator(BUTTON).isDisabled(), false, 'button enabled again'));
    assert.equal(await page.locator(BUTTON).innerText(), 'Use live network data');
    await page.locator(BUTTON).click();
    await eventually(async () => assert.equal(await fieldValue(page, 'btc_price_usd'), LIVE.price));
    assert.equal(await page.locator(ERROR).innerText(), '', 'the old error is gone');
    assert.equal(hits.length, 8);
    // After a success the next refresh waits the full minute.
    await page.clock.fastForward('00:30');
    assert.equal(await page.locator(BUTTON).isDisabled(), true, 'still waiting 30 s after a success');
    await page.clock.fastForward('00:31');
    await eventually(async () => assert.equal(await page.locator(BUTTON).isDisabled(), false, 'enabled a minute after the success'));
  }, { fakeClock: true });
});

test('after an HTTP 429 the button waits the full minute', T, async () => {
  await withLivePage(suite.url, { hashrate: () => text('Too Many Requests', 429) }, async (page) => {
    await page.locator(BUTTON).click();
    await eventually(async () => assert.match(await page.locator(ERROR).innerText(), /rate-limited/));
    await page.clock.fastForward('00:30');
    await page.waitForTimeout(100);
    assert.equal(await page.locator(BUTTON).isDisabled(), true, 'still off 30 s after the 429');
    assert.match(await page.locator(BUTTON).innerText(), /again in (30|29|31) s/);
    await page.clock.fastForward('00:31');
    await eventually(async () => assert.equal(await page.locator(BUTTON).isDisabled(), false, 'on again after the minute'));
  }, { fakeClock: true });
});

test('embed mode: no live button unless live=1', T, async () => {
  await withLivePage(suite.url + '?embed=1', {}, async (page) => {
    assert.ok((await page.locator(textFieldSelector('btc_price_usd')).count()) === 1, 'embed shows the inputs');
    assert.equal(await page.locator(BUTTON).count(), 0, 'no live button with embed=1');
    assert.equal(await page.locator(BADGE).count(), 0);
  });
  await withLivePage(suite.url + '?embed=1&live=1', {}, async (page, p) => {
    assert.equal(await page.locator(BUTTON).count(), 1, 'live button with embed=1&live=1');
    await page.locator(BUTTON).click();
    await eventually(async () => assert.equal(await fieldValue(page, 'network_hashrate_ehs'), EXPECTED.network_hashrate_ehs));
    assert.equal(mempoolRequests(p.requests).length, 4);
  });
});

test('a live value far from the one in force, or implausible, waits for the user\'s word', T, async () => {
  const price = (usd) => () => json({ time: 1764000000, USD: usd });
  await withLivePage(suite.url, { prices: price(40000) }, async (page) => {
    await page.locator(BUTTON).click();
    const error = page.locator(ERROR);
    await eventually(async () => assert.match(await error.innerText(), /^Live data not applied yet: mempool\.space gives a BTC price of \$40,000, 58% below the \$95,000 in force\. Apply it anyway, or keep the values in force\.$/), { timeout: 6000 });
    assert.equal(await fieldValue(page, 'btc_price_usd'), 95000, 'nothing changed');
    assert.equal(await page.locator(BADGE).getAttribute('data-live-badge'), 'snapshot');
    await page.locator('button[data-action="live-apply"]').click();
    await eventually(async () => assert.equal(await fieldValue(page, 'btc_price_usd'), 40000));
    assert.equal(await page.locator(BADGE).getAttribute('data-live-badge'), 'live');
    assert.ok(await page.locator('button[data-action="live-apply"]').isHidden());
    assert.equal(await error.innerText(), '');
  });
  await withLivePage(suite.url, { prices: price(5e-324) }, async (page) => {
    await page.locator(BUTTON).click();
    await eventually(async () => assert.match(await page.locator(ERROR).innerText(), /far outside any plausible value/), { timeout: 6000 });
    assert.equal(await fieldValue(page, 'btc_price_usd'), 95000, 'a price of 5e-324 USD is not applied');
  });
  // An edit while the live values wait sets them aside: the warning compared them with values no longer in
  // force, and "Apply anyway" would overwrite the newer edit.
  await withLivePage(suite.url, { prices: price(40000) }, async (page) => {
    await page.locator(BUTTON).click();
    await eventually(async () => assert.ok(await page.locator('button[data-action="live-apply"]').isVisible()), { timeout: 6000 });
    await typeInto(page, 'btc_price_usd', '100000');
    await eventually(async () => assert.ok(await page.locator('button[data-action="live-apply"]').isHidden()));
    assert.match(await page.locator(ERROR).innerText(), /^The live values that were waiting were set aside: the values they were compared with have changed since\./);
    assert.equal(await fieldValue(page, 'btc_price_usd'), 100000, 'the edit stands');
  });
});

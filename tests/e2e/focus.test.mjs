// Keyboard focus end-to-end, keyboard only: a control that acts keeps the focus, or hands it to the control the
// visitor came from, never to the page's start; and what it says is in a status line that is in view and in the
// accessibility tree. The network buttons' requests to mempool.space are always intercepted (held until the
// test has looked at the busy button), as in live.test.mjs and history.test.mjs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { useSuite, withPage, eventually } from './helpers.mjs';

const suite = useSuite({ prefix: '/tools/hashprice/' });
const T = { timeout: 60000 };
const MEMPOOL = 'https://mempool.space';
const CORS = { 'Access-Control-Allow-Origin': '*' };
const json = (body) => ({ status: 200, headers: CORS, contentType: 'application/json', body: JSON.stringify(body) });

/** What has the focus: its data-action, else a marker attribute, else its tag. */
const focused = (page) => page.evaluate(() => {
  const el = document.activeElement;
  if (!el || el === document.body) return 'BODY';
  if (el.dataset.action) return el.dataset.action;
  if (el.hasAttribute('data-history-prices')) return 'history-prices';
  return el.tagName;
});

/** A gate the routed answers wait behind: `open()` lets them through. */
function gate() {
  let open;
  const opened = new Promise((resolve) => { open = resolve; });
  return { opened, open };
}

/** Opens the page with every mempool.space request answered by `answer(pathname)` once `held` opens. */
async function withMempool(url, held, answer, body) {
  const hits = [];
  await withPage(suite.browser, url, (page, p) => body(page, hits, p), {
    allowOrigins: [MEMPOOL],
    beforeGoto: async (page) => {
      await page.route(`${MEMPOOL}/**`, async (route) => {
        const path = new URL(route.request().url()).pathname;
        hits.push(path);
        await held;
        return route.fulfill(answer(path));
      });
    },
  });
}

// The four answers "Use live network data" asks for (plausible values, so they are applied at once).
const LIVE = {
  '/api/v1/prices': () => json({ time: 1764000000, USD: 91234 }),
  '/api/v1/mining/hashrate/3d': () => json({ hashrates: [], difficulty: [], currentHashrate: 1.0345e21, currentDifficulty: 1.49e14 }),
  '/api/v1/mining/reward-stats/144': () => json({ startBlock: 929980, endBlock: 930123, totalReward: '48456789', totalFee: '3456789', totalTx: '512345' }),
  '/api/blocks/tip/height': () => ({ status: 200, headers: CORS, contentType: 'text/plain', body: '930123' }),
};

test('"Use live network data": Enter keeps the focus on the button while it fetches, after, and while it waits', T, async () => {
  const g = gate();
  await withMempool(suite.url, g.opened, (path) => LIVE[path](), async (page, hits) => {
    const button = page.locator('button[data-action="live-data"]');
    await button.focus();
    await page.keyboard.press('Enter');
    await eventually(async () => assert.equal(await button.textContent(), 'Fetching live data…'));
    assert.equal(await focused(page), 'live-data', 'the focus stays on the busy button');
    assert.equal(await button.getAttribute('aria-busy'), 'true');
    assert.equal(await button.getAttribute('aria-disabled'), 'true', 'off while it fetches, and says so');
    g.open();
    await eventually(async () => assert.match(await page.locator('[data-live-status]').textContent(), /^Applied live /), { timeout: 6000 });
    assert.equal(await focused(page), 'live-data', 'the focus is still on the button once applied');
    assert.match(await button.textContent(), /^Use live network data \(again in \d+ s\)$/);
    // Within the minute Enter does nothing, and the focus stays.
    await page.keyboard.press('Enter');
    await page.waitForTimeout(300);
    assert.equal(hits.length, 4, 'no second fetch within the minute');
    assert.equal(await focused(page), 'live-data');
  });
});

test('"Load price history": Enter keeps the focus on the button while it loads and once loaded', T, async () => {
  const g = gate();
  const prices = json({ prices: [{ time: 1700000000, USD: 37000 }, { time: 1600000000, USD: 10700 }] });
  await withMempool(suite.url, g.opened, () => prices, async (page, hits) => {
    const button = page.locator('button[data-history-prices]');
    await button.focus();
    await page.keyboard.press('Enter');
    await eventually(async () => assert.equal(await button.textContent(), 'Loading price history…'));
    assert.equal(await focused(page), 'history-prices', 'the focus stays on the busy button');
    assert.equal(await button.getAttribute('aria-busy'), 'true');
    assert.equal(await button.getAttribute('aria-disabled'), 'true');
    g.open();
    await eventually(async () => assert.equal(await button.textContent(), 'Price history loaded'), { timeout: 6000 });
    assert.match(await page.locator('[data-prices-status]').textContent(), /^Loaded 2 BTC prices from mempool\.space/);
    assert.equal(await focused(page), 'history-prices', 'the focus is still on the button once loaded');
    assert.equal(await button.getAttribute('aria-disabled'), 'true', 'loaded once');
    await page.keyboard.press('Enter');
    await page.waitForTimeout(300);
    assert.equal(hits.length, 1, 'loaded once: Enter again asks nothing');
    assert.equal(await focused(page), 'history-prices');
  });
});

test('the Embed dialog\'s Close, by keyboard, gives the focus back to Embed', T, async () => {
  await withPage(suite.browser, suite.url, async (page) => {
    await page.locator('button[data-action="embed"]').focus();
    await page.keyboard.press('Enter');
    await page.locator('#embed-dialog').waitFor();
    for (let i = 0; i < 40 && (await focused(page)) !== 'embed-close'; i++) await page.keyboard.press('Tab');
    assert.equal(await focused(page), 'embed-close', 'Tab reaches Close');
    await page.keyboard.press('Enter');
    await eventually(async () => assert.equal(await page.locator('#embed-dialog').count(), 0, 'the dialog closed'));
    assert.equal(await focused(page), 'embed', 'the focus is back on Embed');
    assert.equal(await page.getAttribute('button[data-action="embed"]', 'aria-expanded'), 'false');
  });
});

const HEADER_STATUS = '.site-header > [role=status]';
const CSV_DONE = 'Projection downloaded as CSV (inputs, then one row per month).';

/** From the Export summary: Enter opens the menu, Tab `n` times reaches the item, Enter chooses it. */
async function choose(page, n) {
  await page.locator('details.export-menu > summary').focus();
  await page.keyboard.press('Enter');
  assert.equal(await page.locator('details.export-menu').evaluate((d) => d.open), true, 'Enter opens the menu');
  for (let i = 0; i < n; i++) await page.keyboard.press('Tab');
  const item = await focused(page);
  await page.keyboard.press('Enter');
  return item;
}

/** After a menu item: the menu is closed, the focus on its summary, and `said` in view in the header's status. */
async function assertBack(page, said, what) {
  assert.equal(await page.locator('details.export-menu').evaluate((d) => d.open), false, `${what}: the menu closed`);
  assert.equal(await focused(page), 'export', `${what}: the focus is back on Export`);
  const status = page.locator(HEADER_STATUS);
  await eventually(async () => assert.equal(await status.textContent(), said, what));
  assert.equal(await status.isVisible(), true, `${what}: the status is in view`);
  // In the accessibility tree as a status (a hidden one is left out of getByRole).
  assert.equal(await page.getByRole('status').filter({ hasText: said }).count(), 1, `${what}: exposed as a status`);
}

test('the Export menu by keyboard: each item closes it, gives the focus back to Export and says what it did where it can be seen', T, async () => {
  await withPage(suite.browser, suite.url, async (page) => {
    let [dl, item] = await Promise.all([page.waitForEvent('download'), choose(page, 1)]);
    assert.equal(item, 'export-csv');
    assert.match(dl.suggestedFilename(), /\.csv$/);
    await assertBack(page, CSV_DONE, 'CSV');

    [dl, item] = await Promise.all([page.waitForEvent('download'), choose(page, 2)]);
    assert.equal(item, 'export-json');
    const exported = fs.readFileSync(await dl.path());
    await assertBack(page, 'Scenario and results downloaded as JSON.', 'JSON');

    const open = async (file) => {
      const [chooser, it] = await Promise.all([page.waitForEvent('filechooser'), choose(page, 3)]);
      assert.equal(it, 'open-json');
      await chooser.setFiles(file);
    };
    await open({ name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('not json') });
    await assertBack(page, 'Could not open notes.json: it is not JSON.', 'not JSON');
    await open({ name: 'big.json', mimeType: 'application/json', buffer: Buffer.alloc(1_000_001, 32) });
    await assertBack(page, 'Could not open big.json: it is too large for a scenario file.', 'too large');
    await open({ name: 'hashprice-scenario.json', mimeType: 'application/json', buffer: exported });
    await assertBack(page, 'Opened hashprice-scenario.json.', 'opened');

    // Print: the browser's dialog is stood in for; the menu closes before it and the focus is on Export.
    await page.evaluate(() => { window.print = () => { window.printedWith = document.activeElement.dataset.action; }; });
    assert.equal(await choose(page, 4), 'print');
    assert.equal(await page.evaluate(() => window.printedWith), 'export', 'printed with the focus on Export');
    assert.equal(await page.locator('details.export-menu').evaluate((d) => d.open), false, 'the menu closed');
    assert.equal(await focused(page), 'export');
  });
});

test('the CSV export\'s words for a loan that outlasts the horizon: one sentence of the visitor\'s, one full stop', T, async () => {
  await withPage(suite.browser, `${suite.url}?debt_pct=50&debt_term_months=60&horizon_months=12`, async (page) => {
    await Promise.all([page.waitForEvent('download'), choose(page, 1)]);
    const loan = 'The loan outlasts the horizon: loan_balance_usd in the last month is still owed and must be refinanced; '
      + 'cash_after_debt_usd leaves it out (the equity NPV counts it as repaid on the horizon\'s last day).';
    await assertBack(page, `${CSV_DONE} ${loan}`, 'loan');
  });
});

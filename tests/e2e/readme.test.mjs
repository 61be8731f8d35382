// The README's walk-through of the 30 MW decision stays true: its link, opened on the page, says word for word
// what the README quotes (the switch-off order and months, the keep / sell / convert sentence, the NPVs, the
// crossing BTC price and the loan), and the figures it quotes are the model's. Saves the card's screenshot
// (screenshots/readme-decision-1440.png; docs/decision.png is a copy of it).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, SCREENSHOTS, useSuite, withPage, kpi, unstick } from './helpers.mjs';

const suite = useSuite({ prefix: '/tools/hashprice/' });
const T = { timeout: 90000 };

/** The walk-through section of the README, whitespace collapsed (the README wraps its quotes across lines). */
function walkThrough() {
  const text = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const start = text.indexOf('## The 30 MW decision, walked through');
  assert.ok(start >= 0, 'README has the walk-through section');
  const end = text.indexOf('\n## ', start + 1);
  return text.slice(start, end < 0 ? undefined : end);
}

const squash = (t) => t.replace(/\s+/g, ' ').trim();

test('README walk-through: its link shows on the page every sentence and figure the README quotes', T, async () => {
  const section = walkThrough();
  const query = /^(\?[^\s`]+)$/m.exec(section)?.[1];
  assert.ok(query, 'the walk-through gives its link as a query on a line of its own');
  const prose = squash(section);
  const quoted = (what, text) => assert.ok(prose.includes(squash(text)), `README quotes ${what} as the page says it: ${JSON.stringify(squash(text))}`);

  await withPage(suite.browser, `${suite.url}${query}`, async (page) => {
    await page.waitForSelector('#decision .crossing[aria-busy="false"]', { timeout: 15000 });
    assert.equal(await page.locator('[data-notice]').count(), 0, 'the link opens without a notice');

    const order = await page.locator('#fleet .merit-list li').allTextContents();
    assert.equal(order.length, 3, 'three groups');
    for (const item of order) quoted('a group in switch-off order', item);
    const months = order.map((t) => Number(/off from month (\d+)/.exec(t)?.[1]));
    assert.deepEqual([...months].sort((a, b) => a - b), months, `earliest off first: ${months}`);

    quoted('the keep / sell / convert sentence', await page.locator('#decision .decision-words').textContent());
    quoted('the crossing price', await page.locator('#decision .crossing').textContent());
    quoted('the loan sentence', await page.locator('#decision h3 + p').first().textContent());
    const figures = { mine_npv_usd: 'keep mining', sell_npv_usd: 'sell', convert_npv_usd: 'convert', equity_npv_usd: 'the equity NPV' };
    for (const [key, what] of Object.entries(figures)) {
      const shown = await page.locator(`#decision [data-kpi="${key}"] .kpi-value`).textContent();
      quoted(what, shown);
    }

    // The quoted figures are the model's: the link's values over the defaults, through the page's JS API.
    const link = Object.fromEntries([...new URLSearchParams(query)].map(([k, v]) => [k, Number(v)]));
    const d = await page.evaluate((link) => window.hashprice.compute({ ...window.hashprice.defaults(), ...link }).decision, link);
    for (const key of ['mine_npv_usd', 'sell_npv_usd', 'convert_npv_usd']) assert.equal(await kpi(page, key), d[key], key);

    await unstick(page);
    await page.locator('#decision').screenshot({ path: path.join(SCREENSHOTS, 'readme-decision-1440.png') });
    await unstick(page, false);
  }, { viewport: { width: 1440, height: 900 } });
});

// The README's walk-through of the 30 MW decision stays true: its link, opened on the page, says word for word
// what the README quotes (the switch-off order and months, the keep / sell / convert sentence, the NPVs, the
// crossing BTC price and the loan), and the figures it quotes are the model's. Saves the card's screenshot
// (screenshots/readme-decision-1440.png; docs/decision.png is a copy of it).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, SCREENSHOTS, useSuite, withPage, kpi, unstick } from './helpers.mjs';
import { pdfPages } from './pdf_text.mjs';

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

/** The walk-through's link (a query on a line of its own). */
const walkQuery = (section) => /^(\?[^\s`]+)$/m.exec(section)?.[1];

test('README walk-through: its link shows on the page every sentence and figure the README quotes', T, async () => {
  const section = walkThrough();
  const query = walkQuery(section);
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

test('the 30 MW decision printed to A4 and Letter: the inputs start on the first page, no machine group, chart or the loan is cut, no control without a use on paper, the link at the end', T, async () => {
  const query = walkQuery(walkThrough());
  await withPage(suite.browser, `${suite.url}${query}`, async (page) => {
    await page.waitForSelector('#decision .crossing[aria-busy="false"]', { timeout: 15000 });
    const groupPower = await page.$$eval('.machine-group input.num[name$="_mw"]', (els) => els.filter((e) => e.offsetParent).map((e) => [e.name, e.value]));
    assert.equal(groupPower.length, 2, 'groups 2 and 3 in boxes of their own');
    await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
    for (const format of ['A4', 'Letter']) {
      const pdf = await page.pdf({ format });
      fs.mkdirSync(SCREENSHOTS, { recursive: true });
      fs.writeFileSync(path.join(SCREENSHOTS, `print-30mw-${format.toLowerCase()}.pdf`), pdf);
      // A line break drops the space where it falls: compared without white space.
      const pages = pdfPages(pdf).map((p) => p.replace(/\s+/g, ''));
      const on = (text) => pages.flatMap((p, i) => (p.includes(text.replace(/\s+/g, '')) ? [i + 1] : []));
      const one = (text) => {
        const at = on(text);
        assert.equal(at.length, 1, `${format}: ${JSON.stringify(text)} is printed once (pages ${at})`);
        return at[0];
      };
      // The first page is not the key results alone: a grid row taller than a page used to push the inputs off it.
      assert.ok(on('Market & network')[0] === 1 && on('Machine group 1')[0] === 1, `${format}: page 1 carries the first inputs:\n${pages[0]}`);
      // A machine group's box is on one page: its name and its last value (group power) together.
      for (const [name, value] of groupPower) {
        const g = /^machine(\d)_mw$/.exec(name)[1];
        assert.deepEqual(on(value), [one(`Machine group ${g}`)], `${format}: group ${g}'s power ${value} is printed on its box's page`);
      }
      // Each chart and card prints whole: its title and its last words on one page.
      const whole = [
        ['Cumulative cash against capex', 'no payback within 36 months.'],
        ['Hashprice against the shutdown hashprice', 'at least one group is off (shaded).'],
        ['Monthly net cash', "the solid line the loan's balance (right axis)"],
        ['Who switches off when', 'the most efficient group at the bottom.'],
        ['Cumulative cash of the three choices', 'lease starts'],
      ];
      for (const [title, end] of whole) assert.deepEqual(on(end), [one(title)], `${format}: "${title}" prints on one page`);
      // The decision card is about a page tall: where it must break, the loan's sentence stays with its figures.
      const loan = one("The mine's net cash first falls short of the");
      assert.equal(on('First debt shortfall')[0], loan, `${format}: the loan's figures print on its sentence's page ${loan}`);
      // Nothing to click on paper: the growth picks ("pick one"), the header's buttons.
      for (const text of ['pick one', 'Copy link', 'Export', 'Use live network data', 'Load price history']) {
        assert.deepEqual(on(text), [], `${format}: ${JSON.stringify(text)} is not printed`);
      }
      // The last page says the link that reproduces the page.
      assert.deepEqual(on(`from ${page.url()}`), [pages.length], `${format}: the last page names the link ${page.url()}`);
    }
  }, { viewport: { width: 1440, height: 900 } });
});

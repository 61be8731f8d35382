// How the page is written at start (app::layout, app::mount_later): the first screen (header, KPI strip,
// the Market & network inputs, headline, cash chart) in one task, every section below it in a task of its own
// after the first paint, so no task of the start is long (Lighthouse's total blocking time); then
// `data-mounted` on the root element.
// An embed is written whole (its host sizes the frame from the height it reports), and a link's #fragment
// still lands on its section although that section is written late.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useSuite, withPage } from './helpers.mjs';

const suite = useSuite({ prefix: '/tools/hashprice/' });
const T = { timeout: 60000 };

/**
 * Before any page script: records, at the end of the task that first puts the page root in the document (a
 * MutationObserver reports at that task's microtask checkpoint), which sections were there.
 */
const recordFirstTask = (page) =>
  page.addInitScript(() => {
    window.__firstTask = null;
    new MutationObserver((_, mo) => {
      if (!document.querySelector('.page-root')) return;
      const has = (sel) => document.querySelector(sel) !== null;
      window.__firstTask = {
        strip: has('[data-kpi="hashprice_usd_per_ph_day"][data-value]'),
        inputs: has('input[name="btc_price_usd"]'),
        machinePanel: has('#panel-machine'),
        headline: has('#headline, .headline'),
        risk: has('#risk'),
        decision: has('#decision'),
        assumptions: has('.assumptions'),
        mounted: document.documentElement.hasAttribute('data-mounted'),
      };
      mo.disconnect();
    }).observe(document, { childList: true, subtree: true });
  });

test('the first screen is written in the first task, the sections below it later, then data-mounted', T, async () => {
  await withPage(suite.browser, suite.url, async (page) => {
    const first = await page.evaluate(() => window.__firstTask);
    assert.ok(first, 'the page root was seen');
    assert.ok(first.strip && first.inputs && first.headline, `the first screen is in the first task: ${JSON.stringify(first)}`);
    assert.ok(!first.risk && !first.decision && !first.mounted, `the rest comes later: ${JSON.stringify(first)}`);
    // Of the inputs only Market & network, which fills the first screen; the other panels hold most of their
    // elements (the fleet editor's six groups).
    assert.ok(!first.machinePanel, `the panels below Market & network come later: ${JSON.stringify(first)}`);
    // Now (openPage waited for data-mounted) every section is there, each once.
    for (const sel of ['#panel-machine', '#panel-risk', '#risk', '#decision', '#history', '#fleet', 'footer.site-footer']) {
      assert.equal(await page.locator(sel).count(), 1, `${sel} is written once`);
    }
    assert.equal(await page.locator('[data-kpi="mine_npv_usd"]').count(), 1, 'a later section carries its data-kpi hook');
  }, { beforeGoto: recordFirstTask });
});

test('an embed is written whole in its first task', T, async () => {
  await withPage(suite.browser, `${suite.url}?embed=1&panels=kpis,decision`, async (page) => {
    const first = await page.evaluate(() => window.__firstTask);
    assert.ok(first?.strip && first.decision && first.assumptions, `everything at once: ${JSON.stringify(first)}`);
  }, { beforeGoto: recordFirstTask });
});

test('a link to #decision lands on the decision card, written after the first paint', T, async () => {
  await withPage(suite.browser, `${suite.url}#decision`, async (page) => {
    const top = await page.evaluate(() => document.getElementById('decision').getBoundingClientRect().top);
    assert.ok(await page.evaluate(() => scrollY) > 1000, 'the page scrolled down to it');
    assert.ok(top >= 0 && top < 450, `the card's top is on screen, below the sticky strip (top ${top}px)`);
  });
});

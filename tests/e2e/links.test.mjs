// Issue 19, links that last and work that is never lost: every path through "a link over a saved scenario"
// (reload, back/forward, a second tab), the saved headline threshold, two tabs, and `base=` in every link.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useSuite, readScenario, eventually, typeInto, waitMounted } from './helpers.mjs';

const suite = useSuite({ prefix: '/tools/hashprice/' });
const T = { timeout: 90000 };
const stored = (page) => page.evaluate(() => localStorage.getItem('hashprice.scenario'));
const search = (page) => page.evaluate(() => location.search);

async function expectInputs(page, want) {
  await eventually(async () => {
    const s = await readScenario(page);
    for (const [k, v] of Object.entries(want)) assert.equal(s[k], v, `input ${k} shows ${s[k]}, expected ${v}`);
  });
}

/** A fresh browser context (its own storage) for one visitor, closed at the end. */
async function visitor(body) {
  const context = await suite.browser.newContext({ viewport: { width: 1440, height: 900 } });
  try {
    await body(context);
  } finally {
    await context.close();
  }
}

const open = async (context, url) => {
  const page = await context.newPage();
  await page.goto(url);
  await waitMounted(page);
  return page;
};

test('reloading one\'s own page keeps saving later edits (reload, back/forward, a second tab)', T, async () => {
  await visitor(async (context) => {
    const page = await open(context, suite.url);
    await typeInto(page, 'btc_price_usd', '70000');
    await eventually(async () => assert.equal(await stored(page), 'base=2025-11&btc_price_usd=70000'));
    assert.equal(await search(page), '?base=2025-11&btc_price_usd=70000', 'the address carries the defaults it was made against');

    // Reload: the address is exactly the saved scenario, so this is the visitor's own page.
    await page.reload();
    await waitMounted(page);
    await typeInto(page, 'machine_count', '555');
    await eventually(async () => assert.equal(await stored(page), 'base=2025-11&btc_price_usd=70000&machine_count=555'));

    // A plain visit shows the later edit.
    await page.goto(suite.url);
    await expectInputs(page, { btc_price_usd: 70000, machine_count: 555 });

    // Back to the reloaded address (the older link, which is no longer what is saved): shown, not saved over.
    await page.goBack();
    await waitMounted(page);
    await page.goto(suite.url + '?base=2025-11&btc_price_usd=70000&machine_count=555');
    await typeInto(page, 'uptime_pct', '95');
    await eventually(async () => assert.equal(await stored(page), 'base=2025-11&btc_price_usd=70000&machine_count=555&uptime_pct=95'), { timeout: 4000 });

    // A second tab on the same link is the visitor's own page too; the first tab hears of its save.
    const second = await open(context, suite.url + '?base=2025-11&btc_price_usd=70000&machine_count=555&uptime_pct=95');
    await typeInto(second, 'machine_count', '600');
    await eventually(async () => assert.match(await stored(second), /machine_count=600/));
    const notice = page.locator('[data-notice]', { hasText: 'Another tab saved a different scenario' });
    await notice.waitFor({ state: 'visible', timeout: 5000 });
    await expectInputs(page, { machine_count: 555 });
    await second.close();
  });
});

test('someone else\'s link is shown without overwriting the visitor\'s saved work', T, async () => {
  await visitor(async (context) => {
    const page = await open(context, suite.url);
    await typeInto(page, 'btc_price_usd', '70000');
    await eventually(async () => assert.equal(await stored(page), 'base=2025-11&btc_price_usd=70000'));
    await page.goto(suite.url + '?btc_price_usd=123000');
    await expectInputs(page, { btc_price_usd: 123000 });
    await typeInto(page, 'machine_count', '9');
    await eventually(async () => assert.match(await search(page), /machine_count=9/));
    await page.waitForTimeout(400);
    assert.equal(await stored(page), 'base=2025-11&btc_price_usd=70000', 'the visitor\'s own scenario stands');
  });
});

test('the headline threshold is saved with the scenario and comes back on a plain visit', T, async () => {
  await visitor(async (context) => {
    const page = await open(context, suite.url);
    await page.locator('input[name=headline_threshold]').fill('40');
    await eventually(async () => assert.equal(await stored(page), 'threshold=40'));
    await page.goto(suite.url);
    await waitMounted(page);
    assert.equal(await page.locator('input[name=headline_threshold]').inputValue(), '40');
    assert.match(await page.locator('[data-headline]').innerText(), /\$40\.00/);
    // Someone else's link without a threshold shows the default, and leaves the saved one alone.
    await page.goto(suite.url + '?btc_price_usd=80000');
    await waitMounted(page);
    assert.equal(await page.locator('input[name=headline_threshold]').inputValue(), '35');
    assert.equal(await stored(page), 'threshold=40');
  });
});

test('a link without base= is read against the defaults it was made with; a newer base is named', T, async () => {
  await visitor(async (context) => {
    const page = await open(context, suite.url + '?base=2099-01&machine_count=7');
    const notice = page.locator('[data-notice]');
    await notice.waitFor({ state: 'visible', timeout: 5000 });
    assert.match(await notice.innerText(), /base = "2099-01": defaults this version does not know/);
    await expectInputs(page, { machine_count: 7 });
  });
});

test('a Reset can still be undone after a reload, until the next edit', T, async () => {
  await visitor(async (context) => {
    const page = await open(context, suite.url);
    await typeInto(page, 'btc_price_usd', '70000');
    await eventually(async () => assert.equal(await stored(page), 'base=2025-11&btc_price_usd=70000'));
    await page.locator('button[data-action="reset"]').click();
    await eventually(async () => assert.equal(await stored(page), ''));
    await page.reload();
    await waitMounted(page);
    const undo = page.locator('button[data-action="undo"]');
    assert.ok(await undo.isVisible(), 'Undo is still offered after the reload');
    await undo.click();
    await expectInputs(page, { btc_price_usd: 70000 });
    await eventually(async () => assert.equal(await stored(page), 'base=2025-11&btc_price_usd=70000'));
    // Undone, or ended by an edit: nothing is offered after the next reload.
    await page.reload();
    await waitMounted(page);
    assert.ok(await page.locator('button[data-action="undo"]').isHidden());
  });
});

test('a link opened in a browser set to another language says the same numbers, as the page\'s English writes them', T, async () => {
  const url = suite.url + '?power_price_usd_kwh=0.045&machine_count=3000&machine2_count=3300&machine2_efficiency_jth=21.5' +
    '&machine2_price_usd_per_th=0&machine2_resale_usd_per_th=5&debt_pct=50&threshold=40';
  const words = async (locale) => {
    const context = await suite.browser.newContext({ viewport: { width: 1440, height: 900 }, locale });
    try {
      const page = await open(context, url);
      await page.waitForSelector('#decision .crossing[aria-busy="false"]', { timeout: 15000 });
      const text = (sel) => page.locator(sel).innerText();
      return {
        strip: await text('.kpi-strip'), headline: await text('#headline .headline-text'), decision: await text('#decision'),
        hardware: await text('#hardware table'), all: await text('.all-kpis'),
      };
    } finally {
      await context.close();
    }
  };
  const en = await words('en-US');
  assert.match(en.strip, /\$0\.\d{3}\/kWh/, 'the strip in the page\'s English');
  for (const locale of ['de-DE', 'fr-FR']) {
    const other = await words(locale);
    for (const part of Object.keys(en)) assert.equal(other[part], en[part], `${locale}: ${part} as in en-US`);
  }
});

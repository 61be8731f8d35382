// A home miner on a phone (390 × 844, touch): one machine, the power price typed as a European phone types it
// ("0,07" from a decimal keypad that has no point, "7 ct"), and the figures that were worded for a fleet: the
// switch-off chart in kW, not "0.0 MW", and no "fleet" in a single machine's labels.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { snapshot } from './model.mjs';
import { useSuite, withPage, defaultScenario, scenarioQuery, expectKpi, eventually, typeInto } from './helpers.mjs';

const suite = useSuite({ prefix: '/tools/hashprice/' });
const T = { timeout: 60000 };
const PHONE = { viewport: { width: 390, height: 844 }, hasTouch: true };
const POWER = 'power_price_usd_kwh';
const ONE = { machine_count: 1 };

test('on a phone, 0,07 and 7 ct put a power price of $0.07/kWh in force, as typed, with no error', T, async () => {
  const s = { ...defaultScenario(), ...ONE, [POWER]: 0.07 };
  const want = snapshot(s);
  await withPage(suite.browser, suite.url + scenarioQuery(ONE), async (page) => {
    await page.locator('#panel-costs summary').tap();
    for (const typed of ['0,07', '7 ct', '$0.07/kWh']) {
      await typeInto(page, POWER, '0.05');
      await expectKpi(page, 'power_cost_usd_day', snapshot({ ...s, [POWER]: 0.05 }).power_cost_usd_day);
      const field = await typeInto(page, POWER, typed);
      await expectKpi(page, 'power_cost_usd_day', want.power_cost_usd_day);
      await expectKpi(page, 'profit_usd_day', want.profit_usd_day, { rel: 1e-9, abs: 1e-6 });
      assert.equal(await field.getAttribute('aria-invalid'), 'false', typed);
      assert.equal(await page.locator(`#err-${POWER}`).innerText(), '', typed);
      await field.press('Tab');
      assert.equal(await field.inputValue(), typed, 'a valid entry stays as typed');
      await eventually(async () => assert.match(page.url(), /power_price_usd_kwh=0\.07(&|$)/));
    }
  }, PHONE);
});

test('one machine on a phone: the switch-off chart is in kW and no label calls it a fleet', T, async () => {
  await withPage(suite.browser, suite.url + scenarioQuery(ONE), async (page) => {
    const axis = await page.locator('#fleet-chart text').allTextContents();
    assert.ok(axis.includes('kW of site power running'), axis.join(' | '));
    assert.ok(!axis.some((t) => t.includes('MW')), axis.join(' | '));
    await page.locator('#fleet .data-table summary').tap();
    // The default S21 draws 200 TH/s × 17.5 J/TH = 3.5 kW; it runs every day of month 1.
    await eventually(async () => assert.equal(await page.locator('#fleet .data-table tbody tr td').nth(1).textContent(), '3.5 kW'));
    const labels = await page.locator('[data-kpi]').evaluateAll((els) => els.map((e) => e.closest('.kpi')?.querySelector('.kpi-label')?.textContent ?? ''));
    assert.ok(labels.includes('BTC mined per day'), labels.join(' | '));
    assert.deepEqual(labels.filter((l) => /fleet/i.test(l)), [], 'one machine is not a fleet');
  }, PHONE);
});

/** The results' text with every disclosure open ("How is this computed?", data tables), once the formulas fill. */
async function resultsText(page) {
  await page.evaluate(() => { for (const d of document.querySelectorAll('#outputs details')) d.open = true; });
  await eventually(async () => assert.match(await page.locator('#outputs').innerText(), /Σ power cost of the days/));
  return page.locator('#outputs').innerText();
}

// A home miner's sweep of the page's words: with one machine the formulas said "fleet power", "fleet
// hashrate", "fleet revenue", "the fleet loses cash", the decision "Selling the machines today", "the machines
// sold at its end", "sell them on day 0", the hardware table "Your site's groups first" and the switch-off
// chart "each group's MW … the most efficient group at the bottom".
for (const extra of [{}, { machine_hashrate_ths: 104, machine_efficiency_jth: 29.5 }]) {
  const q = { ...ONE, ...extra };
  test(`one machine (${scenarioQuery(q)}): no fleet, no "machines" in the results' words, every formula open`, T, async () => {
    await withPage(suite.browser, suite.url + scenarioQuery(q), async (page) => {
      // "Machine & fleet" names the input panel where a group is added: the one "fleet" that stays.
      const text = (await resultsText(page)).replaceAll('(Machine & fleet)', '');
      const wrong = [/fleet/i, /the machines\b/, /\bmachines'/, /\bsell them\b/, /Your site's groups/, /each group's MW/, /machines (only|ran)\b/];
      for (const w of wrong) assert.doesNotMatch(text, w, `one machine: ${w}`);
      for (const right of [
        /^power × 24 h × uptime × power price = \d\.\d\d kW × 24 h/m,
        /^hashvalue × hashrate × uptime × \(1 − pool fee\)/m,
        /^revenue per day ÷ hashrate = /m,
        /below the hashcost the machine loses cash/,
        /^Sell the machine today: NPV$/m,
        /, the machine sold at its end,/,
        /with the machine's resale at its end, sell it on day 0/,
        /Your machine first, then every model/,
        /the machine's kW times the share of the month's days it runs\./,
      ]) assert.match(text, right);
    }, PHONE);
  });
}

test('on a phone, the headline threshold takes 35,5 as the fields do; the link says 35.5 and a link\'s 35,5 is refused', T, async () => {
  let link;
  await withPage(suite.browser, suite.url + scenarioQuery(ONE), async (page) => {
    const field = page.locator('input[name=headline_threshold]');
    await field.tap();
    await field.press('ControlOrMeta+a');
    await field.pressSequentially('35,5');
    await eventually(async () => assert.match(await page.locator('[data-headline]').innerText(), /above \$35\.50\./));
    assert.equal(await field.getAttribute('aria-invalid'), 'false');
    assert.equal(await page.locator('#err-headline-threshold').innerText(), '');
    await field.press('Tab');
    assert.equal(await field.inputValue(), '35,5', 'it stays as typed');
    await eventually(async () => assert.equal(new URL(page.url()).searchParams.get('threshold'), '35.5'));
    link = page.url();
  }, PHONE);
  await withPage(suite.browser, link, async (page) => {
    assert.match(await page.locator('[data-headline]').innerText(), /above \$35\.50\./, 'the link brings it back');
  }, PHONE);
  await withPage(suite.browser, suite.url + '?threshold=35,5', async (page) => {
    await page.locator('[data-notice]').waitFor({ state: 'visible', timeout: 5000 });
    assert.match(await page.locator('[data-notice]').innerText(), /threshold = "35,5"/);
    assert.match(await page.locator('[data-headline]').innerText(), /above \$35\.00\./, 'the default stands');
  }, PHONE);
});

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

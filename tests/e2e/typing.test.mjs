// Issue 19, typing: numbers as people write them (`4.5¢`, `45 $/MWh`, `1.1 ZH/s`), typed key by key in
// Debian Chromium. While a field is invalid the scenario holds the value from when the edit began (not the
// last valid keystroke); on blur an invalid field goes back to it and says so; a valid but implausible value
// is applied and flagged under the field. Numbers in force are read from the KPIs' data-value, checked
// against model.mjs (MODEL.md section 1).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { snapshot } from './model.mjs';
import {
  useSuite, withPage, defaultScenario, scenarioQuery, expectKpi, eventually, typeInto, textFieldSelector, SCREENSHOTS,
} from './helpers.mjs';

const suite = useSuite({ prefix: '/tools/hashprice/' });
const T = { timeout: 60000 };
const POWER = 'power_price_usd_kwh';

/** Waits until the power cost and profit KPIs are those of scenario `s`. */
async function expectInForce(page, s) {
  const want = snapshot(s);
  await expectKpi(page, 'power_cost_usd_day', want.power_cost_usd_day);
  await expectKpi(page, 'profit_usd_day', want.profit_usd_day, { rel: 1e-9, abs: 1e-6 });
}

const text = (page, sel) => page.locator(sel).innerText();

test('typing 4.5¢ puts $0.045/kWh in force and the field keeps 4.5¢ as typed', T, async () => {
  const base = defaultScenario();
  await withPage(suite.browser, suite.url, async (page) => {
    const field = await typeInto(page, POWER, '4.5¢');
    await expectInForce(page, { ...base, [POWER]: 0.045 });
    assert.equal(await field.inputValue(), '4.5¢', 'the field is not rewritten as 0.045 under the fingers');
    assert.equal(await field.getAttribute('aria-invalid'), 'false');
    assert.equal(await text(page, `#err-${POWER}`), '');
    assert.equal(await text(page, `#warn-${POWER}`), '', 'the "4.5" on the way ($4.50/kWh) is no longer flagged');
    await field.press('Tab');
    assert.equal(await field.inputValue(), '4.5¢', 'a valid entry stays as typed after blur');
    await expectInForce(page, { ...base, [POWER]: 0.045 });
  });
});

test('typing 4.5p: the value from before the edit stays in force, the error gives an example, blur reverts and says so', T, async () => {
  const base = defaultScenario();
  await withPage(suite.browser, suite.url, async (page) => {
    const field = await typeInto(page, POWER, '4.5');
    // The intermediate keystroke is valid ($4.50/kWh) and applied…
    await expectInForce(page, { ...base, [POWER]: 4.5 });
    await field.press('p');
    // …and the final "p" puts the value from when the edit began back in force, not $4.50.
    await expectInForce(page, base);
    assert.equal(await field.inputValue(), '4.5p', 'the field keeps what was typed while it is being edited');
    await eventually(async () => assert.equal(await field.getAttribute('aria-invalid'), 'true'));
    assert.match(await text(page, `#err-${POWER}`), /^“p” is not a unit this field takes: enter a power price in \$\/kWh, e\.g\. 0\.05, \$0\.05, 5¢ or 50 \$\/MWh$/);
    assert.equal(await text(page, `#warn-${POWER}`), '', 'no plausibility warning for the value in force');
    await field.press('Tab');
    await eventually(async () => assert.equal(await field.inputValue(), String(base[POWER])));
    assert.equal(await field.getAttribute('aria-invalid'), 'false');
    assert.equal(await text(page, `#err-${POWER}`), `“4.5p” was not applied: back to ${base[POWER]}, the value in force.`);
    await expectInForce(page, base);
  });
});

test('typing 45 $/MWh puts $0.045/kWh in force', T, async () => {
  const base = defaultScenario();
  await withPage(suite.browser, suite.url, async (page) => {
    const field = await typeInto(page, POWER, '45 $/MWh');
    await expectInForce(page, { ...base, [POWER]: 0.045 });
    assert.equal(await field.inputValue(), '45 $/MWh');
    assert.equal(await field.getAttribute('aria-invalid'), 'false');
  });
});

test('typing 1.1 ZH/s into the network hashrate puts 1,100 EH/s in force; difficulty follows', T, async () => {
  const base = { ...defaultScenario(), network_hashrate_ehs: 900 };
  await withPage(suite.browser, suite.url + scenarioQuery({ network_hashrate_ehs: 900 }), async (page) => {
    await expectKpi(page, 'hashprice_usd_per_ph_day', snapshot(base).hashprice_usd_per_ph_day);
    const field = await typeInto(page, 'network_hashrate_ehs', '1.1 ZH/s');
    const s = { ...base, network_hashrate_ehs: 1100 };
    await expectKpi(page, 'hashprice_usd_per_ph_day', snapshot(s).hashprice_usd_per_ph_day);
    await expectKpi(page, 'profit_usd_day', snapshot(s).profit_usd_day, { rel: 1e-9, abs: 1e-6 });
    assert.equal(await field.inputValue(), '1.1 ZH/s');
    assert.equal(await field.getAttribute('aria-invalid'), 'false');
    // 1,100 EH/s is difficulty ≈ 150.8 T (hashrate × 600 s / 2^32).
    await eventually(async () => {
      const d = Number(await page.locator(textFieldSelector('difficulty_t')).inputValue());
      assert.ok(Math.abs(d - (1100e18 * 600) / 2 ** 32 / 1e12) < 0.01, `difficulty row shows ${d}`);
    });
  });
});

test('typing $4.50 (per kWh): applied, and flagged under the field as 30× a typical price', T, async () => {
  const base = defaultScenario();
  await withPage(suite.browser, suite.url, async (page) => {
    const field = await typeInto(page, POWER, '$4.50');
    await expectInForce(page, { ...base, [POWER]: 4.5 });
    assert.equal(await field.inputValue(), '$4.50');
    assert.equal(await field.getAttribute('aria-invalid'), 'false');
    await eventually(async () => assert.equal(
      await text(page, `#warn-${POWER}`),
      'A power price of $4.50/kWh is 30× the top of the usual $0.02–$0.15/kWh — did you mean 4.5¢?',
    ));
    assert.ok((await field.getAttribute('aria-describedby')).split(' ').includes(`warn-${POWER}`), 'the warning describes the field');
    assert.equal(await text(page, `#err-${POWER}`), '');
    // A plausible value clears the warning.
    await typeInto(page, POWER, '0.06');
    await expectInForce(page, { ...base, [POWER]: 0.06 });
    await eventually(async () => assert.equal(await text(page, `#warn-${POWER}`), ''));

    // For a look: a warning (power price) and an error (BTC price) at 1440 px, light theme.
    await typeInto(page, POWER, '$4.50');
    await typeInto(page, 'btc_price_usd', '95k$$');
    await eventually(async () => assert.notEqual(await text(page, '#err-btc_price_usd'), ''));
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    await page.locator(`.input-row:has(#in-${POWER})`).screenshot({ path: path.join(SCREENSHOTS, 'typing-warning-1440.png') });
    await page.locator('.input-row:has(#in-btc_price_usd)').screenshot({ path: path.join(SCREENSHOTS, 'typing-error-1440.png') });
  });
});

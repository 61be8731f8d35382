// Issues 3 and 6 end-to-end, in Debian Chromium: every input panel moves a KPI the way MODEL.md says,
// the risk panel reproduces tests/data/reference_risk_cases.json, presets, reset, the URL round trip, bad
// links and corrupt storage, and live charts. Oracles: model.mjs (section 1) and projection.mjs (sections
// 2–4), both written from MODEL.md and checked here against tests/data/reference_cases.json first.
// Every test fails on a page error, a console error, an HTTP error or an off-origin request (helpers.mjs).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { snapshot } from './model.mjs';
import { projection, hpc } from './projection.mjs';
import {
  ROOT, useSuite, withPage, referenceCases, defaultScenario, scenarioQuery, readScenario, kpi, kpiRaw, allKpis,
  expectKpi, eventually, typeInto, textFieldSelector, sliderSelector, assertClose, isClose, parseField,
} from './helpers.mjs';

const suite = useSuite({ prefix: '/tools/hashprice/' });
const T = { timeout: 60000 };

/** Every scalar output of sections 1–4 for a scenario, from the independent JS ports. */
function expectedOutputs(s) {
  const snap = snapshot(s);
  // model.mjs leaves out the two per-BTC costs of section 1.
  const opexDay = s.opex_usd_month / 30.4375;
  snap.power_cost_usd_per_btc = snap.power_cost_usd_day / snap.btc_mined_day;
  snap.all_in_cost_usd_per_btc = (snap.power_cost_usd_day + opexDay) / snap.btc_mined_day;
  const { monthly_net_usd: _monthly, ...proj } = projection(s);
  return { ...snap, ...proj, ...hpc(s) };
}

/** Waits until each listed KPI equals the JS port's value for scenario `s`. */
async function expectOutputs(page, s, keys, opts = { rel: 1e-9, abs: 1e-6 }) {
  const want = expectedOutputs(s);
  for (const key of keys) {
    assert.ok(key in want, `the JS ports compute ${key}`);
    await expectKpi(page, key, want[key], opts);
  }
}

/** Presses `key` `times` times on the slider of `name`; returns { before, after } slider values. */
async function nudgeSlider(page, name, key, times = 1) {
  const slider = page.locator(sliderSelector(name));
  assert.equal(await slider.count(), 1, `one slider ${sliderSelector(name)}`);
  const before = Number(await slider.inputValue());
  await slider.focus();
  for (let i = 0; i < times; i++) await slider.press(key);
  const after = Number(await slider.inputValue());
  assert.notEqual(after, before, `${key} moved the ${name} slider (${before})`);
  // The text field of the pair follows.
  await eventually(async () => {
    const shown = parseField(await page.locator(textFieldSelector(name)).inputValue());
    assert.ok(isClose(shown, after, { rel: 1e-12 }), `${name} text field shows ${shown}, slider is at ${after}`);
  });
  return { before, after };
}

async function openPanel(page, id) {
  const panel = page.locator(`details#panel-${id}`);
  assert.equal(await panel.count(), 1, `one <details id="panel-${id}">`);
  if (!(await panel.evaluate((el) => el.open))) await panel.locator('summary').click();
  assert.ok(await panel.evaluate((el) => el.open), `panel ${id} is open`);
  return panel;
}

/** Asserts that each input of the page shows the scenario value `want[key]`. */
async function expectInputs(page, want) {
  await eventually(async () => {
    const s = await readScenario(page);
    for (const [k, v] of Object.entries(want)) assert.equal(s[k], v, `input ${k} shows ${s[k]}, expected ${v}`);
  });
}

test('the JS ports of MODEL.md sections 2–4 reproduce reference_cases.json (the oracle is trustworthy)', () => {
  const failures = [];
  for (const c of referenceCases()) {
    const got = { ...projection(c.scenario), ...hpc(c.scenario) };
    for (const section of ['projection', 'hpc']) {
      for (const [k, v] of Object.entries(c.expected[section] ?? {})) {
        const pairs = Array.isArray(v) ? v.map((x, i) => [`${k}[${i}]`, got[k]?.[i], x]) : [[k, got[k], v]];
        for (const [what, a, e] of pairs) if (!isClose(a, e, { rel: 1e-9, abs: 1e-6 })) failures.push(`${c.name}: ${what} = ${a}, expected ${e}`);
      }
    }
  }
  assert.deepEqual(failures, []);
});

// ---- one test per input panel: move an input, check KPIs against the model ----

test('market panel: network hashrate slider (keyboard) moves hashprice, difficulty and the difficulty row', T, async () => {
  await withPage(suite.browser, suite.url, async (page) => {
    await openPanel(page, 'market');
    const { after } = await nudgeSlider(page, 'network_hashrate_ehs', 'ArrowRight', 5);
    const s = { ...(await readScenario(page)), network_hashrate_ehs: after };
    await expectOutputs(page, s, ['hashprice_usd_per_ph_day', 'hashvalue_btc_per_ph_day', 'breakeven_power_price_usd_kwh', 'profit_usd_day', 'npv_usd']);
    const difficulty = (after * 1e18 * 600) / 2 ** 32;
    await expectKpi(page, 'difficulty', difficulty, { rel: 1e-12 });
    // The derived difficulty row (in T) follows the hashrate, rounded to its 2 decimals.
    await eventually(async () => {
      const shown = parseField(await page.locator(textFieldSelector('difficulty_t')).inputValue());
      assert.ok(Math.abs(shown - difficulty / 1e12) <= 0.005 + 1e-9, `difficulty row shows ${shown} T, expected ${difficulty / 1e12}`);
    });

    // Typing a difficulty moves the network hashrate the other way round.
    await typeInto(page, 'difficulty_t', '200');
    const ehs = (200e12 * 2 ** 32) / 600 / 1e18;
    await eventually(async () => assertClose((await readScenario(page)).network_hashrate_ehs, ehs, 'network hashrate from difficulty 200 T', { rel: 1e-9 }));
    await expectKpi(page, 'hashprice_usd_per_ph_day', snapshot({ ...s, network_hashrate_ehs: ehs }).hashprice_usd_per_ph_day, { rel: 1e-9 });
  });
});

test('machine panel: efficiency slider (keyboard) moves watts, fleet power and breakeven power price', T, async () => {
  await withPage(suite.browser, suite.url, async (page) => {
    await openPanel(page, 'machine');
    const { after } = await nudgeSlider(page, 'machine_efficiency_jth', 'ArrowLeft', 10);
    const s = { ...(await readScenario(page)), machine_efficiency_jth: after };
    await expectOutputs(page, s, ['fleet_power_kw', 'breakeven_power_price_usd_kwh', 'shutdown_hashprice_usd_per_ph_day', 'power_cost_usd_day', 'profit_usd_day', 'mining_capex_usd_mw', 'npv_usd']);
    await eventually(async () => {
      const watts = parseField(await page.locator(textFieldSelector('machine_power_w')).inputValue());
      assert.ok(Math.abs(watts - s.machine_hashrate_ths * after) <= 0.5 + 1e-9, `machine power row shows ${watts} W, expected ${s.machine_hashrate_ths * after}`);
    });

    // Machine count typed: fleet hashrate and capex scale.
    await typeInto(page, 'machine_count', '2500');
    await expectOutputs(page, { ...s, machine_count: 2500 }, ['fleet_hashrate_ths', 'capex_usd', 'btc_mined_day', 'total_btc_mined']);
    // The fleet-power row follows the count, and typing MW sets the whole number of machines it powers.
    const watts = s.machine_hashrate_ths * after;
    await eventually(async () => assertClose(parseField(await page.locator(textFieldSelector('fleet_mw')).inputValue()), Math.round(2500 * watts / 100) / 1e4, 'fleet MW row', { rel: 1e-12 }));
    await typeInto(page, 'fleet_mw', '30');
    const count = Math.round(30e6 / watts);
    await eventually(async () => assert.equal((await readScenario(page)).machine_count, count, `30 MW of ${watts} W machines`));
    await expectOutputs(page, { ...s, machine_count: count }, ['fleet_power_kw', 'capex_usd', 'profit_usd_day']);
    // A small change elsewhere is shown at once: the field does not keep a number 1 W out of date.
    await typeInto(page, 'machine_power_w', String(watts + 1));
    const mw = (count * (watts + 1)) / 1e6;
    await eventually(async () => assert.equal(await page.locator(textFieldSelector('fleet_mw')).inputValue(), mw.toFixed(4)));
    // The slider writes the fleet its step gives (whole machines), not the step itself.
    const mwSlider = page.locator(sliderSelector('fleet_mw'));
    await mwSlider.focus();
    await mwSlider.press('ArrowRight');
    const step = Number(await mwSlider.inputValue());
    const n = Math.round((step * 1e6) / (watts + 1));
    await eventually(async () => assert.equal((await readScenario(page)).machine_count, n));
    assert.equal(await page.locator(textFieldSelector('fleet_mw')).inputValue(), ((n * (watts + 1)) / 1e6).toFixed(4));
  });
});

test('operating costs panel: uptime slider (keyboard) and a typed opex move profit and margins', T, async () => {
  await withPage(suite.browser, suite.url, async (page) => {
    await openPanel(page, 'costs');
    const { after } = await nudgeSlider(page, 'uptime_pct', 'ArrowLeft', 30);
    let s = { ...(await readScenario(page)), uptime_pct: after };
    await expectOutputs(page, s, ['btc_mined_day', 'revenue_usd_day', 'power_cost_usd_day', 'profit_usd_day', 'gross_margin_pct', 'mining_revenue_usd_mw_year']);

    await typeInto(page, 'opex_usd_month', '45000');
    s = { ...s, opex_usd_month: 45000 };
    await expectOutputs(page, s, ['profit_usd_day', 'power_cost_usd_per_btc', 'all_in_cost_usd_per_btc', 'breakeven_btc_price_usd', 'total_net_usd', 'npv_usd']);
    assertClose(await kpi(page, 'profit_usd_day'), snapshot(s).profit_usd_day, 'profit with opex');
  });
});

test('projection panel: horizon slider (keyboard), growth typed and the curtailment checkbox', T, async () => {
  await withPage(suite.browser, suite.url, async (page) => {
    await openPanel(page, 'projection');
    const { after } = await nudgeSlider(page, 'horizon_months', 'ArrowRight', 12);
    let s = { ...(await readScenario(page)), horizon_months: after };
    await expectKpi(page, 'horizon_days', Math.floor(after * 30.4375 + 0.5));
    await expectOutputs(page, s, ['npv_usd', 'total_btc_mined', 'total_net_usd', 'curtailed_days', 'halving_day']);

    await typeInto(page, 'hashrate_growth_pct_month', '-1.5');
    s = { ...s, hashrate_growth_pct_month: -1.5 };
    await expectOutputs(page, s, ['npv_usd', 'irr_pct_year', 'payback_days', 'total_revenue_usd']);
    // Day-0 outputs do not depend on growth.
    await expectOutputs(page, s, ['hashprice_usd_per_ph_day']);

    // Curtailment off: no curtailed days and a different NPV.
    const box = page.locator('input[type=checkbox][name="curtail_when_unprofitable"]');
    assert.equal(await box.count(), 1, 'one curtailment checkbox');
    assert.equal(await box.isChecked(), true, 'curtailment is on by default');
    await typeInto(page, 'power_price_usd_kwh', '0.08');
    s = { ...s, power_price_usd_kwh: 0.08 };
    const on = expectedOutputs(s);
    assert.ok(on.curtailed_days > 0, 'the scenario curtails days (test set-up)');
    await expectKpi(page, 'curtailed_days', on.curtailed_days);
    await box.focus();
    await box.press('Space');
    assert.equal(await box.isChecked(), false, 'Space unchecks the curtailment box');
    s = { ...s, curtail_when_unprofitable: false };
    await expectOutputs(page, s, ['curtailed_days', 'npv_usd', 'total_power_cost_usd']);
    assert.equal(await kpi(page, 'curtailed_days'), 0);
  });
});

test('financing panel: debt share typed and term slider: payment, DSCR and equity payback', T, async () => {
  await withPage(suite.browser, suite.url, async (page) => {
    await openPanel(page, 'financing');
    assert.equal(await kpi(page, 'debt_payment_usd_month'), 0, 'no debt by default');
    assert.equal(await kpiRaw(page, 'min_dscr'), '', 'min DSCR is none without debt');

    await typeInto(page, 'debt_pct', '60');
    await typeInto(page, 'machine_price_usd_per_th', '6');
    const { after: term } = await nudgeSlider(page, 'debt_term_months', 'ArrowRight', 6);
    const s = { ...(await readScenario(page)), debt_pct: 60, machine_price_usd_per_th: 6, debt_term_months: term };
    // The amortisation formula, written out here.
    const debt = 0.6 * 6 * s.machine_hashrate_ths * s.machine_count;
    const i = s.debt_apr_pct / 100 / 12;
    await expectKpi(page, 'debt_payment_usd_month', (debt * i) / (1 - (1 + i) ** -term), { rel: 1e-9 });
    await expectOutputs(page, s, ['debt_payment_usd_month', 'min_dscr', 'equity_payback_months', 'capex_usd']);
    assert.notEqual(await kpiRaw(page, 'min_dscr'), '', 'min DSCR has a value with debt');

    // Interest-free: payment = debt / n.
    await typeInto(page, 'debt_apr_pct', '0');
    await expectKpi(page, 'debt_payment_usd_month', debt / term, { rel: 1e-12 });

    // A debt share of zero capex borrows nothing: no debt, in the equity payback as in the DSCR.
    await typeInto(page, 'machine_price_usd_per_th', '0');
    await eventually(async () => assert.equal(await page.locator('[data-kpi=equity_payback_months] .kpi-value').first().textContent(), 'no debt'));
    assert.equal(await page.locator('[data-kpi=min_dscr] .kpi-value').first().textContent(), 'no debt');
  });
});

test('AI/HPC panel: lease slider (keyboard) and opex typed: revenue, profit, payback and ratio per MW', T, async () => {
  await withPage(suite.browser, suite.url, async (page) => {
    await openPanel(page, 'hpc');
    const { after: lease } = await nudgeSlider(page, 'hpc_lease_usd_kw_month', 'ArrowRight', 15);
    let s = { ...(await readScenario(page)), hpc_lease_usd_kw_month: lease };
    await expectKpi(page, 'hpc_revenue_usd_mw_year', lease * 1000 * 12, { rel: 1e-12 });
    await typeInto(page, 'hpc_opex_pct', '15');
    s = { ...s, hpc_opex_pct: 15 };
    const profit = lease * 1000 * 12 * 0.85;
    await expectKpi(page, 'hpc_profit_usd_mw_year', profit, { rel: 1e-12 });
    await expectKpi(page, 'hpc_payback_years', s.hpc_capex_usd_mw / profit, { rel: 1e-12 });
    await expectOutputs(page, s, ['hpc_to_mining_profit_ratio', 'mining_gross_profit_usd_mw_year', 'mining_payback_years']);
    // The comparison chart says the same.
    const text = await page.locator('#hpc').innerText();
    assert.match(text, /AI\/HPC/, 'the AI/HPC comparison section is shown');
  });
});

// ---- risk (issue 6) ----

function riskCases() {
  return JSON.parse(fs.readFileSync(path.join(ROOT, 'tests', 'data', 'reference_risk_cases.json'), 'utf8')).cases;
}
const RISK_KPIS = ['mc_payback_probability', 'mc_npv_positive_probability', 'mc_npv_usd_p10', 'mc_npv_usd_p50', 'mc_npv_usd_p90'];

async function waitFresh(page, timeout = 20000) {
  await page.waitForSelector('#risk[data-stale="false"]', { timeout });
}

for (const c of riskCases()) {
  test(`risk KPIs reproduce reference_risk_cases.json: "${c.name}"`, T, async () => {
    await withPage(suite.browser, suite.url + scenarioQuery(c.scenario), async (page) => {
      await waitFresh(page);
      const failures = [];
      for (const key of RISK_KPIS) {
        const got = await kpi(page, key);
        const want = c.expected.risk[key];
        if (!isClose(got, want, { rel: 1e-9 })) failures.push(`${key}: page shows ${got}, expected ${want}`);
      }
      assert.deepEqual(failures, [], `risk KPIs differ for "${c.name}"`);
      // Each says what it counts, with this run's numbers.
      const paths = c.scenario.mc_paths ?? 1000;
      const paid = Math.round((await kpi(page, 'mc_payback_probability')) * paths);
      const how = page.locator('#risk [data-kpi=mc_payback_probability] details.formula');
      await how.locator('summary').click();
      assert.match(await how.locator('p').innerText(), new RegExp(`^Of the ${paths.toLocaleString('en-US')} simulated price paths?, ${paid.toLocaleString('en-US')} \\(`));
      const rows = await page.$$eval('#risk tr[data-tornado]', (els) => els.map((el) => el.getAttribute('data-tornado')));
      assert.equal(rows.length, 9, `the tornado table has 9 rows (${rows.join(', ')})`);
      const want = c.expected.tornado.map((r) => r.key).sort();
      assert.deepEqual([...rows].sort(), want, 'the tornado rows are the reference keys');
      // Sorted by swing, largest first.
      const swing = Object.fromEntries(c.expected.tornado.map((r) => [r.key, Math.abs(r.npv_high_usd - r.npv_low_usd)]));
      for (let i = 1; i < rows.length; i++) {
        assert.ok(swing[rows[i - 1]] >= swing[rows[i]] - 1e-6 * Math.max(1, swing[rows[i]]), `tornado sorted by swing: ${rows[i - 1]} before ${rows[i]}`);
      }
    });
  });
}

test('AI/HPC words when mining beats the lease: the ratio reads as a share of mining\'s profit; a payback under a month in days', T, async () => {
  await withPage(suite.browser, suite.url + '?btc_price_usd=5000000&machine_price_usd_per_th=1', async (page) => {
    const note = await page.locator('#hpc .chart-note').textContent();
    assert.match(note, /\(0\.\d\d× of mining's\)/, note);
    assert.doesNotMatch(note, /× as much/);
    assert.match(note, /mining capex pays back in \d+ days? at today's hashprice/, note);
    assert.match(await page.locator('[data-kpi=mining_payback_years] .kpi-value').textContent(), /^\d+ days?$/);
  });
});

test('AI/HPC note: the per-MW figures scaled to this site, the lease over the IT load its power feeds, as the decision card', T, async () => {
  await withPage(suite.browser, suite.url + '?machine_count=8571&pue=1.1', async (page) => {
    const want = await page.evaluate(() => {
      const r = window.hashprice.compute({ machine_count: 8571, pue: 1.1 });
      const d = window.hashprice.defaults();
      const mw = r.snapshot.site_power_kw / 1000;
      const it = r.decision.convert_it_mw;
      const usd = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', notation: 'compact', minimumFractionDigits: 2, maximumFractionDigits: 2 }).format;
      return `For this site's ${mw.toFixed(2)} MW: mining earns ${usd(r.hpc.mining_gross_profit_usd_mw_year * mw)} a year; ` +
        `converted, the power feeds ${it.toFixed(2)} MW of IT load (AI/HPC PUE ${d.hpc_pue.toFixed(2)}), which a lease turns into ` +
        `${usd(r.hpc.hpc_profit_usd_mw_year * it)} a year after a ${usd(r.decision.convert_capex_usd)} build.`;
    });
    const note = await page.locator('#hpc .chart-note').textContent();
    assert.ok(note.endsWith(want), `${note}\n wanted the end: ${want}`);
  });
});

test('AI/HPC note when mining loses money or has no capex: the lease earns, nothing never pays back', T, async () => {
  await withPage(suite.browser, suite.url + '?btc_price_usd=30000', async (page) => {
    const note = await page.locator('#hpc .chart-note').textContent();
    assert.match(note, /^Per MW a year, mining loses \$[\d.]+K on power, while an AI\/HPC lease earns \$[\d.]+M\. /, note);
    assert.match(note, /mining capex never pays back at today's hashprice/, note);
  });
  await withPage(suite.browser, suite.url + '?btc_price_usd=30000&machine_price_usd_per_th=0', async (page) => {
    const note = await page.locator('#hpc .chart-note').textContent();
    assert.match(note, /; mining has no capex to repay\. The lease/, note);
  });
});

test('risk notes: the tornado names its top input mid-sentence, and the fan chart has no odds to give at zero capex', T, async () => {
  await withPage(suite.browser, suite.url, async (page) => {
    await waitFresh(page);
    const note = (id) => page.locator(`#${id} ~ .chart-note .chart-desc`).first().textContent();
    const top = await page.locator('#risk tr[data-tornado] td, #risk tr[data-tornado] th').first().textContent();
    const mid = /^[A-Z]{2}/.test(top) ? top : top[0].toLowerCase() + top.slice(1);
    assert.ok((await note('tornado-chart')).endsWith(`The largest swing comes from the ${mid}.`), `tornado note: ${await note('tornado-chart')} (top row ${top})`);
    assert.match(await note('fan-chart'), /% of paths repay the capex within /);
  });
  await withPage(suite.browser, suite.url + '?machine_price_usd_per_th=0', async (page) => {
    await waitFresh(page);
    const fan = await page.locator('#fan-chart ~ .chart-note .chart-desc').first().textContent();
    assert.ok(fan.endsWith('There is no capex to repay.'), `fan note at zero capex: ${fan}`);
    const odds = page.locator('[data-kpi=mc_payback_probability]');
    assert.equal(await odds.locator('.kpi-value').textContent(), 'no capex to repay', 'P(payback) says so too');
    assert.equal(Number(await odds.getAttribute('data-value')), 1, 'its value stays the model\'s');
    assert.doesNotMatch(fan, /of paths repay/);
  });
});

test('risk panel: a volatility slider move marks the result stale, then shows fresh, different values', T, async () => {
  await withPage(suite.browser, suite.url, async (page) => {
    await waitFresh(page);
    const before = {};
    for (const k of RISK_KPIS) before[k] = await kpiRaw(page, k);
    await openPanel(page, 'risk');
    // Record every data-stale value the section takes from now on.
    await page.evaluate(() => {
      window.__stale = [];
      const el = document.querySelector('#risk');
      new MutationObserver(() => window.__stale.push(el.getAttribute('data-stale'))).observe(el, { attributes: true, attributeFilter: ['data-stale'] });
    });
    await nudgeSlider(page, 'btc_volatility_pct_year', 'ArrowRight', 20);
    await waitFresh(page);
    const seen = await page.evaluate(() => window.__stale);
    assert.ok(seen.includes('true'), `data-stale went "true" after the move (saw ${JSON.stringify(seen)})`);
    assert.equal(seen.at(-1), 'false', 'and ends "false"');
    assert.equal(await page.getAttribute('#risk', 'aria-busy'), 'false', 'aria-busy cleared with the fresh result');
    const after = {};
    for (const k of RISK_KPIS) after[k] = await kpiRaw(page, k);
    assert.notDeepEqual(after, before, 'fresh risk values differ from the old ones');
    assert.notEqual(after.mc_npv_usd_p10, before.mc_npv_usd_p10, 'NPV P10 moved with volatility');
    assert.equal(await page.locator('#risk tr[data-tornado]').count(), 9, 'still 9 tornado rows');
  });
});

// ---- presets and reset ----

test('scenario preset, machine preset (select and hardware table) and Reset', T, async () => {
  await withPage(suite.browser, suite.url, async (page) => {
    const defaults = defaultScenario();
    const hashprice0 = await kpi(page, 'hashprice_usd_per_ph_day');

    await page.selectOption('#preset-select', 'dec-2024');
    const dec = { btc_price_usd: 93450, network_hashrate_ehs: 795, fees_btc_per_block: 0.093, block_height: 875000 };
    await expectInputs(page, dec);
    let s = { ...defaults, ...dec };
    await expectOutputs(page, s, ['hashprice_usd_per_ph_day', 'fees_share_pct', 'npv_usd']);
    assert.ok((await kpi(page, 'hashprice_usd_per_ph_day')) > hashprice0, 'Dec 2024 hashprice is above today\'s');
    assert.equal(await page.inputValue('#preset-select'), 'dec-2024', 'the preset select shows the applied preset');
    // The preset's date and source are on the page, not only in the option's tooltip.
    const source = await page.locator('#preset-select option[value=dec-2024]').getAttribute('title');
    await eventually(async () => assert.equal(await page.locator('.snapshot-note').innerText(), `Network snapshot: Dec 2024 (${source}). Edit any value.`));
    assert.equal(await page.locator('[data-live-badge]').innerText(), 'snapshot · Dec 2024');
    await typeInto(page, 'btc_price_usd', '93451');
    await eventually(async () => assert.match(await page.locator('.snapshot-note').innerText(), /your own/));
    assert.equal(await page.locator('[data-live-badge]').innerText(), 'your values');
    assert.equal(await page.inputValue('#preset-select'), '', 'no preset is selected once a network value is edited');
    await page.selectOption('#preset-select', 'dec-2024');
    await expectInputs(page, dec);

    // Machine preset from the select: the S21 XP row of data/machines.csv.
    const csv = fs.readFileSync(path.join(ROOT, 'data', 'machines.csv'), 'utf8').trim().split('\n').slice(1);
    const idx = csv.findIndex((l) => l.startsWith('Antminer S21 XP,'));
    assert.ok(idx >= 0, 'data/machines.csv lists the Antminer S21 XP');
    const [, ths, , jth, , price] = csv[idx].split(',');
    await page.selectOption('#machine-preset', String(idx));
    const xp = { machine_hashrate_ths: Number(ths), machine_efficiency_jth: Number(jth), machine_price_usd_per_th: Number(price) };
    await expectInputs(page, xp);
    s = { ...s, ...xp };
    await expectOutputs(page, s, ['fleet_hashrate_ths', 'capex_usd', 'breakeven_power_price_usd_kwh', 'profit_usd_day']);

    // One click in the hardware table applies that machine.
    const m60 = csv.find((l) => l.startsWith('Whatsminer M60S,')).split(',');
    await page.locator('#hardware button', { hasText: 'Whatsminer M60S' }).click();
    await expectInputs(page, { machine_hashrate_ths: Number(m60[1]), machine_efficiency_jth: Number(m60[3]) });
    await eventually(async () => assert.equal(await page.evaluate(() => document.activeElement.dataset.model), 'Whatsminer M60S', 'the focus stays on the machine clicked'));
    await expectOutputs(page, { ...s, machine_hashrate_ths: Number(m60[1]), machine_efficiency_jth: Number(m60[3]), machine_price_usd_per_th: Number(m60[5]) }, ['capex_usd', 'fleet_power_kw']);
    assert.equal(await page.inputValue('#machine-preset'), String(csv.findIndex((l) => l.startsWith('Whatsminer M60S,'))), 'the machine select follows');
    assert.match(await page.locator('.machine-picker:has(#machine-preset) .help').innerText(), new RegExp(`sets the machine price to \\$${Number(m60[5]).toFixed(2)}/TH`), 'the picker says it sets the price');

    // The click replaced the machine whole: said beside the table, and undoable from the header.
    const undo = page.locator('button[data-action=undo]');
    assert.equal(await page.locator('#hardware .status').innerText(), 'Now mining with the Whatsminer M60S, at its price and resale value. Undo is at the top of the page.');
    assert.equal(await undo.isVisible(), true, 'the machine the click replaced can be brought back');
    await undo.click();
    await expectInputs(page, xp);
    await eventually(async () => assert.equal(await page.locator('#hardware .status').textContent(), '', 'the table\'s line is history once undone'));
    await page.locator('#hardware button', { hasText: 'Whatsminer M60S' }).click();
    await expectInputs(page, { machine_hashrate_ths: Number(m60[1]), machine_efficiency_jth: Number(m60[3]) });
    // An edit makes the replace history: nothing to undo.
    await typeInto(page, 'btc_price_usd', '93449');
    await eventually(async () => assert.equal(await undo.isVisible(), false, 'nothing to undo before a reset'));

    // Reset: every input back to the defaults, KPIs with them.
    const before = await readScenario(page);
    await page.click('button[data-action=reset]');
    await expectInputs(page, defaults);
    await expectOutputs(page, defaults, ['hashprice_usd_per_ph_day', 'capex_usd', 'npv_usd']);
    assert.equal(await page.inputValue('#preset-select'), 'news-nov-2025', 'defaults are the "news" preset');

    // A second Reset changes nothing and keeps the undo point.
    await page.click('button[data-action=reset]');
    // Undo brings back the scenario the reset replaced, then goes away, leaving the focus on Reset.
    await undo.focus();
    await page.keyboard.press('Enter');
    await eventually(async () => assert.equal(await page.evaluate(() => document.activeElement.dataset.action), 'reset'));
    await expectInputs(page, { machine_hashrate_ths: before.machine_hashrate_ths, btc_price_usd: before.btc_price_usd, network_hashrate_ehs: before.network_hashrate_ehs });
    assert.deepEqual(await readScenario(page), before);
    await eventually(async () => assert.equal(await undo.isVisible(), false));
    // After a preset, the next edit makes that edit the scenario to keep: Undo goes away.
    await page.selectOption('#preset-select', 'news-nov-2025');
    await eventually(async () => assert.equal(await undo.isVisible(), true));
    await typeInto(page, 'btc_price_usd', '90000');
    await eventually(async () => assert.equal(await undo.isVisible(), false));
    assert.equal(await page.locator('.site-header > .status').textContent(), '', 'the status about the preset is history');
    // Presets one after another (arrow keys in the select): Undo goes back to before the first.
    const edited = await readScenario(page);
    await page.selectOption('#preset-select', 'dec-2024');
    await page.selectOption('#preset-select', 'news-nov-2025');
    await undo.click();
    await eventually(async () => assert.deepEqual(await readScenario(page), edited));
  });
});

// ---- layout ----

test('charts redraw for the new width when the window is resized (phone view box below 600 px)', T, async () => {
  await withPage(suite.browser, suite.url, async (page) => {
    const wide = await page.getAttribute('#cash-chart', 'viewBox');
    await page.setViewportSize({ width: 390, height: 844 });
    await eventually(async () => assert.notEqual(await page.getAttribute('#cash-chart', 'viewBox'), wide));
    const w = Number((await page.getAttribute('#cash-chart', 'viewBox')).split(' ')[2]);
    assert.ok(w < 600, `narrow view box ${w}`);
  });
});

test('on a 320 px phone the strip\'s hashprice fits one line (it broke inside "day")', T, async () => {
  await withPage(suite.browser, suite.url, async (page) => {
    const lines = await page.$eval('.kpi-strip [data-kpi=hashprice_usd_per_ph_day] .kpi-value', (el) => {
      const r = document.createRange();
      r.selectNodeContents(el);
      return new Set([...r.getClientRects()].map((b) => Math.round(b.top))).size;
    });
    assert.equal(lines, 1);
  }, { viewport: { width: 320, height: 640 } });
});

test('desktop: the inputs column sticks below the KPI strip; one column: only Market & network starts open', T, async () => {
  await withPage(suite.browser, suite.url, async (page) => {
    await page.evaluate(() => window.scrollTo(0, 1500));
    await eventually(async () => {
      const [strip, inputs] = await page.evaluate(() =>
        ['.kpi-strip', '.inputs'].map((q) => document.querySelector(q).getBoundingClientRect()));
      assert.ok(strip.bottom > 80 && inputs.top >= strip.bottom, `inputs column top ${inputs.top} is below the strip (bottom ${strip.bottom})`);
    });
    const open = await page.$$eval('.inputs details.panel', (ds) => ds.filter((d) => d.open).length);
    assert.ok(open >= 6, `beside the results every panel but Risk starts open (${open})`);
  });
  // Chart text is 12 view-box px: the view box is chosen so that it is drawn at ~11 px or more.
  for (const width of [1024, 1200, 800, 390]) {
    await withPage(suite.browser, suite.url, async (page) => {
      const scales = await page.$$eval('svg[viewBox]', (svgs) => svgs
        .filter((svg) => svg.getBoundingClientRect().width > 0 && svg.viewBox.baseVal.width >= 300)
        .map((svg) => svg.getBoundingClientRect().width / svg.viewBox.baseVal.width));
      assert.ok(scales.length >= 3, `${width} px: charts found`);
      for (const k of scales) assert.ok(k >= 0.88 && k <= 1.5, `${width} px: a chart is drawn at ${k.toFixed(2)}× its view box`);
    }, { viewport: { width, height: 900 } });
  }
  for (const viewport of [{ width: 390, height: 844 }, { width: 800, height: 1000 }]) {
    await withPage(suite.browser, suite.url, async (page) => {
      const open = await page.$$eval('.inputs details.panel', (ds) => ds.filter((d) => d.open).map((d) => d.id));
      assert.deepEqual(open, ['panel-market'], `${viewport.width} px: only the first panel starts open`);
      assert.match(await page.locator('.kpi-strip [data-key=npv_usd] .kpi-value, [data-kpi=npv_usd] .kpi-value').first().innerText(), /^−\$/, 'a negative amount takes a true minus sign');
    }, { viewport });
  }
});

// ---- URL and storage ----

test('URL round trip: edited inputs land in the query (replaceState) and a fresh context restores them exactly', T, async () => {
  let link;
  let shown;
  let kpis;
  await withPage(suite.browser, suite.url, async (page) => {
    const historyLength = await page.evaluate(() => history.length);
    await typeInto(page, 'btc_price_usd', '123456.78');
    await nudgeSlider(page, 'network_hashrate_ehs', 'ArrowLeft', 3);
    await typeInto(page, 'power_price_usd_kwh', '0.0437');
    await typeInto(page, 'debt_pct', '35');
    await page.locator('input[type=checkbox][name="curtail_when_unprofitable"]').uncheck();
    await page.waitForFunction(() => {
      const q = new URLSearchParams(location.search);
      return q.get('btc_price_usd') === '123456.78' && q.get('debt_pct') === '35' && q.get('curtail_when_unprofitable') === 'false' && q.has('network_hashrate_ehs');
    }, null, { timeout: 5000 });
    const q = new URL(page.url()).searchParams;
    assert.equal(q.get('power_price_usd_kwh'), '0.0437');
    assert.equal(q.get('network_hashrate_ehs'), '1097');
    for (const k of ['machine_count', 'uptime_pct', 'horizon_months']) assert.ok(!q.has(k), `default key ${k} is not written`);
    assert.equal(await page.evaluate(() => history.length), historyLength, 'replaceState, not pushState');
    link = page.url();
    shown = await readScenario(page);
    kpis = await allKpis(page);
  });

  await withPage(suite.browser, link, async (page) => {
    assert.deepEqual(await readScenario(page), shown, 'the inputs are restored from the link');
    assert.equal(await page.locator('[data-notice]').count(), 0, 'no notice for a good link');
    const now = await allKpis(page);
    for (const [k, v] of Object.entries(kpis)) {
      if (k.startsWith('mc_')) continue; // risk KPIs may still be computing
      assert.equal(now[k], v, `KPI ${k} is the same after the round trip`);
    }
    await expectOutputs(page, shown, ['hashprice_usd_per_ph_day', 'npv_usd', 'debt_payment_usd_month', 'curtailed_days']);
  });
});

test('a link with a second machine group: no notice, fleet totals and NPV include it (MODEL.md section 7)', T, async () => {
  const link = `${suite.url}?machine2_count=500&machine2_hashrate_ths=104&machine2_efficiency_jth=29.5`;
  await withPage(suite.browser, link, async (page) => {
    await page.locator('[data-kpi="fleet_hashrate_ths"]').first().waitFor();
    assert.equal(await page.locator('[data-notice]').count(), 0, 'no notice for a good link');
    // 1,000 × 200 TH/s + 500 × 104 TH/s; 1,000 × 3,500 W + 500 × 3,068 W.
    await expectKpi(page, 'fleet_hashrate_ths', 252_000);
    await expectKpi(page, 'fleet_power_kw', 5_034);
    await expectKpi(page, 'capex_usd', 15 * 200_000, { rel: 1e-12 });
    // The fleet MW row follows every group, before PUE.
    assert.ok(isClose(parseField(await page.inputValue(textFieldSelector('fleet_mw'))), 5.034, { rel: 1e-9, abs: 1e-9 }));
    // What the page shows is the model's answer for the same scenario, and differs from group 1 alone.
    const model = await page.evaluate(() => {
      const g2 = { machine2_count: 500, machine2_hashrate_ths: 104, machine2_efficiency_jth: 29.5 };
      return { site: window.hashprice.compute(g2).projection, alone: window.hashprice.compute({}).projection };
    });
    await expectKpi(page, 'npv_usd', model.site.npv_usd);
    await expectKpi(page, 'curtailed_days', model.site.curtailed_days);
    assert.notEqual(model.site.npv_usd, model.alone.npv_usd);
    // The link survives the page's own rewrite of the address bar.
    const q = new URL(page.url()).searchParams;
    assert.equal(q.get('machine2_count'), '500');
    assert.equal(q.get('machine2_efficiency_jth'), '29.5');
  });
});

test('site cases opened by URL: every scalar output of MODEL.md sections 1–9 on the page in data-value, to 1e-9', { timeout: 180000 }, async () => {
  const cases = JSON.parse(fs.readFileSync(path.join(ROOT, 'tests', 'data', 'reference_site_cases.json'), 'utf8')).cases;
  for (const c of cases) {
    await withPage(suite.browser, `${suite.url}${scenarioQuery(c.scenario)}`, async (page) => {
      await page.locator('[data-kpi="convert_npv_usd"]').waitFor();
      assert.equal(await page.locator('[data-notice]').count(), 0, `${c.name}: no notice`);
      for (const section of ['snapshot', 'projection', 'hpc', 'decision']) {
        for (const [key, want] of Object.entries(c.expected[section])) {
          if (Array.isArray(want)) continue;
          await expectKpi(page, key, want, { rel: 1e-9, abs: 1e-6 });
        }
      }
    });
  }
});

test('bad link values: a notice names them, every valid value still applies', T, async () => {
  await withPage(suite.browser, suite.url + '?btc_price_usd=abc&foo=1&machine_count=2.5&uptime_pct=50', async (page) => {
    const notice = page.locator('[data-notice]');
    await notice.waitFor({ state: 'visible', timeout: 5000 });
    const text = await notice.innerText();
    for (const name of ['btc_price_usd', 'foo', 'machine_count']) assert.ok(text.includes(name), `the notice names ${name}: ${JSON.stringify(text)}`);
    assert.ok(!text.includes('uptime_pct'), 'the valid uptime_pct is not named');
    const s = await readScenario(page);
    const defaults = defaultScenario();
    assert.equal(s.uptime_pct, 50, 'uptime 50 applied');
    assert.equal(s.btc_price_usd, defaults.btc_price_usd, 'bad BTC price left at its default');
    assert.equal(s.machine_count, defaults.machine_count, 'non-integer machine count left at its default');
    await expectOutputs(page, { ...defaults, uptime_pct: 50 }, ['profit_usd_day', 'btc_mined_day', 'npv_usd']);
    // Dismissable.
    await notice.getByRole('button').click();
    await eventually(async () => assert.equal(await page.locator('[data-notice]').count(), 0, 'the notice is dismissed'));
  });
});

test('corrupt saved scenario: notice, defaults, no page error; a good saved scenario is restored', T, async () => {
  await withPage(suite.browser, suite.url, async (page) => {
    const notice = page.locator('[data-notice]');
    await notice.waitFor({ state: 'visible', timeout: 5000 });
    assert.match(await notice.innerText(), /saved scenario could not be read/i);
    assert.deepEqual(await readScenario(page), defaultScenario(), 'the calculator starts from the defaults');
    await expectOutputs(page, defaultScenario(), ['hashprice_usd_per_ph_day', 'npv_usd']);
  }, {
    beforeGoto: (page) => page.addInitScript(() => {
      if (!sessionStorage.getItem('seeded')) {
        sessionStorage.setItem('seeded', '1');
        localStorage.setItem('hashprice.scenario', '%%\u0000}{garbage=&&btc_price_usd=-1&=');
      }
    }),
  });

  await withPage(suite.browser, suite.url, async (page) => {
    await expectInputs(page, { btc_price_usd: 120000, machine_count: 42 });
    assert.equal(await page.locator('[data-notice]').count(), 0, 'no notice for a good saved scenario');
    await expectOutputs(page, { ...defaultScenario(), btc_price_usd: 120000, machine_count: 42 }, ['profit_usd_day']);
  }, {
    beforeGoto: (page) => page.addInitScript(() => {
      if (!sessionStorage.getItem('seeded')) {
        sessionStorage.setItem('seeded', '1');
        localStorage.setItem('hashprice.scenario', 'btc_price_usd=120000&machine_count=42');
      }
    }),
  });

  // A saved scenario with one key this version does not know keeps the rest of the user's work.
  await withPage(suite.browser, suite.url, async (page) => {
    await expectInputs(page, { btc_price_usd: 80000, machine_count: 7 });
    const notice = page.locator('[data-notice]');
    await notice.waitFor({ state: 'visible', timeout: 5000 });
    assert.match(await notice.innerText(), /saved scenario could not be read in full.*from_a_newer_version/i);
  }, {
    beforeGoto: (page) => page.addInitScript(() => {
      if (!sessionStorage.getItem('seeded')) {
        sessionStorage.setItem('seeded', '1');
        localStorage.setItem('hashprice.scenario', 'btc_price_usd=80000&from_a_newer_version=1&machine_count=7');
      }
    }),
  });
});

test('headline check: the threshold moves the sentence; a bad threshold gets a message and changes nothing', T, async () => {
  await withPage(suite.browser, suite.url, async (page) => {
    const text = page.locator('[data-headline]');
    const field = page.locator('input[name=headline_threshold]');
    const error = page.locator('#err-headline-threshold');
    assert.match(await text.innerText(), /hashprice is \$39\.11\/PH\/day, above \$35\.00/);
    await field.fill('40');
    await eventually(async () => assert.match(await text.innerText(), /below \$40\.00/));
    assert.equal(await page.locator('#headline').getAttribute('data-below'), 'true');
    // Leaving the field ends the edit: 40 is the threshold the next one begins from.
    await field.press('Tab');
    const before = await text.innerText();
    await field.fill('abc');
    await eventually(async () => assert.match(await error.innerText(), /number above 0/));
    assert.equal(await field.getAttribute('aria-invalid'), 'true');
    assert.equal(await text.innerText(), before, 'the sentence keeps the threshold in force');
    // Beyond any hashprice: refused, rather than a sentence about crossing prices in the billions.
    await field.fill('1e308');
    await eventually(async () => assert.match(await error.innerText(), /at most 100,000/));
    assert.equal(await text.innerText(), before);
    await field.fill('35');
    await eventually(async () => assert.equal(await error.innerText(), ''));
    assert.match(await text.innerText(), /above \$35\.00/);
    // Typed key by key, "1e400" passes through "1e4": the threshold in force stays 35, and leaving the field
    // puts it back there.
    await field.press('Tab');
    await field.click();
    await field.press('ControlOrMeta+a');
    await field.pressSequentially('1e400');
    await eventually(async () => assert.match(await error.innerText(), /at most 100,000/));
    assert.match(await text.innerText(), /above \$35\.00/, 'not the 1e4 typed on the way');
    await field.press('Tab');
    await eventually(async () => assert.equal(await error.innerText(), '“1e400” was not applied: back to 35, the value in force.'));
    assert.equal(await field.inputValue(), '35');
    assert.equal(await field.getAttribute('aria-invalid'), 'false');
    await page.waitForTimeout(400);
    assert.doesNotMatch(page.url(), /threshold=/, 'the link keeps the default threshold');
  });
});

test('a loss that rounds to nothing shows no minus sign; the page\'s own minus sign is accepted as input', T, async () => {
  // One 0.001 TH/s machine at 1,000 J/TH: it loses about a tenth of a cent a day.
  await withPage(suite.browser, suite.url + '?machine_hashrate_ths=0.001&machine_efficiency_jth=1000&machine_count=1', async (page) => {
    const profit = page.locator('[data-kpi=profit_usd_day]').first();
    assert.ok(Number(await profit.getAttribute('data-value')) < 0, 'a loss');
    assert.equal(await profit.locator('.kpi-value').textContent(), '$0.00');
    await openPanel(page, 'projection');
    await typeInto(page, 'btc_price_growth_pct_year', '\u221220');
    await eventually(async () => assert.equal((await readScenario(page)).btc_price_growth_pct_year, -20));
    assert.equal(await page.locator('input.num[name=btc_price_growth_pct_year]').getAttribute('aria-invalid'), 'false');
  });
});

test('Reset and presets rewrite a field left invalid, even where its value does not change', T, async () => {
  await withPage(suite.browser, suite.url, async (page) => {
    const field = page.locator(textFieldSelector('power_price_usd_kwh'));
    await typeInto(page, 'power_price_usd_kwh', '0,0,7');
    await eventually(async () => assert.equal(await field.getAttribute('aria-invalid'), 'true'));
    assert.match(await page.locator('#err-power_price_usd_kwh').innerText(), /point for decimals, e\.g\. 0\.05/);
    await page.click('button[data-action=reset]');
    await eventually(async () => assert.equal(await field.inputValue(), '0.05'));
    assert.equal(await field.getAttribute('aria-invalid'), 'false');
    assert.equal(await page.locator('#err-power_price_usd_kwh').innerText(), '');

    await typeInto(page, 'btc_price_usd', 'abc');
    await eventually(async () => assert.equal(await page.locator(textFieldSelector('btc_price_usd')).getAttribute('aria-invalid'), 'true'));
    await page.selectOption('#preset-select', 'news-nov-2025');
    await eventually(async () => assert.equal(await page.locator(textFieldSelector('btc_price_usd')).inputValue(), '95000'));
    assert.equal(await page.locator(textFieldSelector('btc_price_usd')).getAttribute('aria-invalid'), 'false');
  });
});

// ---- charts ----

test('charts update live: cash path follows a slider, curtailed days get shaded when power gets dear', T, async () => {
  await withPage(suite.browser, suite.url, async (page) => {
    for (const id of ['cash', 'hashprice', 'monthly']) {
      const svg = page.locator(`#${id} svg.chart`);
      assert.equal(await svg.count(), 1, `#${id} has one svg.chart`);
      assert.equal(await svg.getAttribute('role'), 'img', `#${id} chart has role=img`);
      assert.ok((await svg.locator('title').textContent()).trim() !== '', `#${id} chart has a <title>`);
      assert.ok((await svg.locator('desc').textContent()).trim() !== '', `#${id} chart has a <desc>`);
      // The table's rows are built when it is opened (no work for a table nobody reads).
      const rows = page.locator(`#${id} details.data-table table tbody tr`);
      assert.equal(await rows.count(), 0, `#${id} builds no table rows while closed`);
      await page.click(`#${id} details.data-table > summary`);
      await rows.first().waitFor({ timeout: 3000 });
      assert.ok((await rows.count()) > 0, `#${id} has a data table once opened`);
    }
    const cashPath = () => page.getAttribute('#cash svg.chart path.line-cash', 'd');
    const d0 = await cashPath();
    assert.ok(d0 && d0.startsWith('M'), 'the cash line has a path');
    await nudgeSlider(page, 'btc_price_usd', 'ArrowRight', 50);
    await eventually(async () => assert.notEqual(await cashPath(), d0, 'the cash path changed with the BTC price'));

    const shaded = () => page.locator('#hashprice .curtailed rect').count();
    await typeInto(page, 'btc_price_usd', '95000');
    await typeInto(page, 'power_price_usd_kwh', '0.02');
    assert.equal(projection({ ...defaultScenario(), power_price_usd_kwh: 0.02 }).curtailed_days, 0, 'test set-up: nothing curtailed at $0.02');
    await expectKpi(page, 'curtailed_days', 0);
    assert.equal(await shaded(), 0, 'no shading when no day is curtailed');
    assert.equal(await page.locator('#hashprice .swatch-shade').isVisible(), false, 'so no shading swatch');
    const before = await page.locator('#hashprice desc').textContent();
    await typeInto(page, 'power_price_usd_kwh', '0.09');
    const s = { ...defaultScenario(), power_price_usd_kwh: 0.09 };
    const curtailed = projection(s).curtailed_days;
    assert.ok(curtailed > 0);
    await expectKpi(page, 'curtailed_days', curtailed);
    await eventually(async () => assert.ok((await shaded()) > 0, 'curtailed days are shaded'));
    assert.equal(await page.locator('#hashprice .swatch-shade').isVisible(), true, 'with their legend swatch');
    // The shaded runs cover about the curtailed share of the plot width.
    const cover = await page.$$eval('#hashprice .curtailed rect', (els) => els.reduce((a, el) => a + Number(el.getAttribute('width')), 0));
    assert.ok(cover > 0);
    assert.notEqual(await page.locator('#hashprice desc').textContent(), before, 'the chart description follows');
    assert.match(await page.locator('#hashprice desc').textContent(), new RegExp(`${curtailed.toLocaleString('en-US')} days`));
  });
});

test('monthly bars: one outline per month in two paths, gains and losses coloured apart, following the price', T, async () => {
  const s = { ...defaultScenario(), curtail_when_unprofitable: false, btc_price_usd: 80000 };
  const months = projection(s).monthly_net_usd;
  const big = Math.max(...months.map(Math.abs));
  // A month this far from zero is at least 1 px tall in the 300 px chart; smaller ones may round to no bar.
  const clear = (sign) => months.filter((m) => sign * m > big / 100).length;
  const any = (sign) => months.filter((m) => sign * m > 0).length;
  assert.ok(clear(-1) > 0 && clear(1) > 0, 'test set-up: months with gains and months with losses');
  await withPage(suite.browser, `${suite.url}?curtail_when_unprofitable=false&btc_price_usd=80000`, async (page) => {
    const outlines = (sel) => page.$eval(sel, (el) => (el.getAttribute('d').match(/M/g) || []).length).catch(() => 0);
    await eventually(async () => {
      const gains = await outlines('#monthly svg.chart path.bar:not(.neg)');
      const losses = await outlines('#monthly svg.chart path.bar.neg');
      assert.ok(gains >= clear(1) && gains <= any(1), `${gains} gain bars for ${clear(1)}–${any(1)} months`);
      assert.ok(losses >= clear(-1) && losses <= any(-1), `${losses} loss bars for ${clear(-1)}–${any(-1)} months`);
    });
    assert.equal(await page.locator('#monthly svg.chart rect').count(), 0, 'no rect per bar');
    const fills = await page.$$eval('#monthly svg.chart path.bar', (els) => els.map((el) => getComputedStyle(el).fill));
    assert.equal(fills.length, 2);
    assert.ok(fills.every((f) => f !== 'none'), `bars are filled: ${fills}`);
    assert.notEqual(fills[0], fills[1], 'losses are coloured apart from gains');
    const d0 = await page.getAttribute('#monthly svg.chart path.bar.neg', 'd');
    await typeInto(page, 'btc_price_usd', '70000');
    await eventually(async () => assert.notEqual(await page.getAttribute('#monthly svg.chart path.bar.neg', 'd'), d0, 'the loss bars follow the price'));
  });
});

test('the hashprice chart\'s readout and data table reach the last day of the projection', T, async () => {
  await withPage(suite.browser, suite.url, async (page) => {
    const chart = page.locator('#hashprice-chart');
    await chart.focus();
    await page.keyboard.press('End');
    let end;
    await eventually(async () => {
      end = await page.locator('#hashprice-chart + [data-readout]').textContent();
      assert.match(end, /^day [\d,]+: /);
    });
    const last = Number(end.match(/^day ([\d,]+)/)[1].replace(/,/g, ''));
    await page.locator('#hashprice details.data-table summary').click();
    const rows = page.locator('#hashprice details.data-table tbody tr');
    await eventually(async () => assert.ok((await rows.count()) > 2));
    const tableLast = Number((await rows.last().locator('td, th').first().textContent()).replace(/,/g, ''));
    assert.equal(tableLast, last, 'the table ends on the day the readout ends');
    // 36 months of days (MODEL.md's projection length): the last is not on the 30-day grid.
    assert.ok(last % 30 !== 0 && last > 1000, `last day ${last}`);
  });
});

test('a loan the mine cannot carry: DSCR below 1 said in words; the debt line stops inside the plot; the readout gives the payment', T, async () => {
  await withPage(suite.browser, suite.url + '?debt_pct=100&debt_term_months=60&horizon_months=24&machine_price_usd_per_th=40', async (page) => {
    const dscr = page.locator('[data-kpi=min_dscr]').first();
    assert.ok(Number(await dscr.getAttribute('data-value')) < 1);
    assert.match(await dscr.locator('.kpi-value').textContent(), /× \(below 1\)$/);
    assert.match(await dscr.locator('.kpi-value').getAttribute('class'), /\bneg\b/);
  });
  // Just below 1: it must not round up to "1.00× (below 1)".
  await withPage(suite.browser, suite.url + '?debt_pct=12.66846689581871', async (page) => {
    const dscr = page.locator('[data-kpi=min_dscr]').first();
    const v = Number(await dscr.getAttribute('data-value'));
    assert.ok(v > 0.995 && v < 1, `test set-up: DSCR ${v}`);
    assert.equal(await dscr.locator('.kpi-value').textContent(), '0.99× (below 1)');
  });
  await withPage(suite.browser, suite.url + '?debt_pct=100&debt_term_months=60&horizon_months=24&machine_price_usd_per_th=40', async (page) => {
    const [line, axis] = await page.evaluate(() => ['#monthly-chart path.debt-line', '#monthly-chart line.axis, #monthly-chart .axes line']
      .map((q) => [...document.querySelectorAll(q)].map((el) => el.getBoundingClientRect())));
    const right = Math.max(...axis.map((r) => r.right));
    assert.ok(line.length === 1 && line[0].right <= right + 0.5, `debt line ends at ${line[0] && line[0].right}, plot at ${right}`);
    await page.locator('#monthly-chart').focus();
    await page.keyboard.press('Home');
    await eventually(async () => assert.match(await page.locator('#monthly-chart + [data-readout]').textContent(), /^month 1: .* · debt payment \$/));
  });
});

test('axis ticks read apart at tiny scales and one-month horizons; a loss bar runs left of zero', T, async () => {
  const q = '?horizon_months=1&machine_hashrate_ths=0.001&machine_count=1&network_hashrate_ehs=0.001';
  await withPage(suite.browser, suite.url + q, async (page) => {
    await page.waitForSelector('#risk[data-stale="false"]', { timeout: 20000 });
    for (const id of ['cash-chart', 'hashprice-chart', 'monthly-chart', 'fan-chart', 'heatmap-chart']) {
      // y ticks are end-anchored, x ticks centred.
      for (const anchor of ['end', 'middle']) {
        const labels = await page.$$eval(`#${id} text.tick[text-anchor="${anchor}"]`, (els) => els.map((el) => el.textContent));
        assert.ok(labels.length >= 2, `#${id} has ${anchor} ticks`);
        assert.equal(new Set(labels).size, labels.length, `#${id} ${anchor} ticks are distinct: ${labels.join(' ')}`);
      }
    }
  });
  await withPage(suite.browser, `${suite.url}?btc_price_usd=1`, async (page) => {
    const [bar, base] = await page.evaluate(() => [
      document.querySelector('#hpc-chart rect.bar-mining.neg'),
      document.querySelector('#hpc-chart line.axis'),
    ].map((el) => el && el.getBoundingClientRect()));
    assert.ok(bar && base, 'a loss bar and the zero line');
    assert.ok(bar.right <= base.left + 1, 'the loss bar ends at the zero line, left of it');
  });
});

// ---- formulas ----

test('"How is this computed?" shows the formula with the current numbers, and follows an input', T, async () => {
  await withPage(suite.browser, suite.url, async (page) => {
    const details = page.locator('[data-kpi="shutdown_hashprice_usd_per_ph_day"] details.formula');
    await details.locator('summary').click();
    const text = () => details.locator('p').textContent();
    await eventually(async () => assert.match(await text(), /24 × 17\.5 × \$0\.050/));
    await typeInto(page, 'power_price_usd_kwh', '0.07');
    await eventually(async () => assert.match(await text(), /24 × 17\.5 × \$0\.070/));
    const shown = await page.locator('[data-kpi="shutdown_hashprice_usd_per_ph_day"] output').textContent();
    assert.ok((await text()).includes(shown.trim()), `the formula ends in the KPI's own value ${shown}`);
  });
});

test('fleet figures say so and give one machine\'s share; the power formula carries its units', T, async () => {
  await withPage(suite.browser, suite.url, async (page) => {
    const s = defaultScenario();
    const out = expectedOutputs(s);
    const card = page.locator('.all-kpis [data-key="power_cost_usd_day"]');
    assert.equal((await card.locator('.kpi-label').textContent()).trim(), 'Fleet power cost per day');
    await card.locator('summary').click();
    // The formula is written when the <details> fires `toggle`, a moment after the click.
    const formula = card.locator('details p');
    await eventually(async () => assert.notEqual(await formula.textContent(), ''));
    const text = await formula.textContent();
    const kw = (s.machine_hashrate_ths * s.machine_efficiency_jth * s.machine_count) / 1000;
    assert.ok(text.includes(`${kw.toLocaleString('en-US')} kW × 24 h × `) && text.includes('/kWh'), `units in ${text}`);
    const one = (out.power_cost_usd_day / s.machine_count).toFixed(2);
    assert.ok(text.endsWith(`one machine of ${s.machine_count.toLocaleString('en-US')}: $${one}`), `one machine's share ${one} in ${text}`);
    for (const key of ['profit_usd_day', 'revenue_usd_day']) {
      assert.match(await page.locator(`[data-key="${key}"] .kpi-label`).first().textContent(), /^Fleet /, `${key} is labelled as the fleet's`);
    }
  });
});

test('chart notes count in words that fit: curtailment off, one month', T, async () => {
  await withPage(suite.browser, `${suite.url}?curtail_when_unprofitable=false&power_price_usd_kwh=0.1&horizon_months=1`, async (page) => {
    const hp = await page.locator('#hashprice .chart-desc').textContent();
    assert.match(hp, /Curtailment is off: 3[01] days fall below it and run at a loss\.$/, hp);
    assert.ok(!/curtailed \(shaded\)/.test(hp), 'no shaded days promised when curtailment is off');
    assert.equal(await page.locator('#hashprice .swatch-shade').isVisible(), false, 'and no legend swatch for shading');
    const cash = await page.locator('#cash .chart-desc').textContent();
    assert.match(cash, /within 1 month\b/, cash);
    assert.ok(!/1 months/.test(cash), cash);
  });
});

test('the strip KPIs also explain themselves in the results grid, and data-kpi stays unique', T, async () => {
  await withPage(suite.browser, suite.url, async (page) => {
    const keys = await page.$$eval('[data-kpi]', (els) => els.map((e) => e.getAttribute('data-kpi')));
    assert.equal(new Set(keys).size, keys.length, 'every data-kpi appears once');
    const card = page.locator('.all-kpis .kpi', { hasText: 'Hashprice' }).first();
    await card.locator('details.formula summary').click();
    await eventually(async () => assert.match(await card.locator('details.formula p').textContent(), /hashvalue × BTC price = .*\$95,000/));
  });
});

test('Copy link puts a link to this exact scenario on the clipboard', T, async () => {
  await withPage(suite.browser, suite.url, async (page) => {
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(suite.url).origin });
    await typeInto(page, 'btc_price_usd', '123456');
    await expectKpi(page, 'hashprice_usd_per_ph_day', snapshot({ ...defaultScenario(), btc_price_usd: 123456 }).hashprice_usd_per_ph_day);
    await page.click('button[data-action="copy-link"]');
    await eventually(async () => assert.match(await page.locator('.site-header > .status').textContent(), /Link copied/));
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    assert.equal(copied, await page.evaluate(() => location.href), 'the clipboard holds the page address');
    assert.match(copied, /[?&]btc_price_usd=123456(&|$)/, 'the address records the changed input');
  });
});

/** The document's scroll width: on a 375 px phone nothing may make it wider than the screen. */
const pageWidth = (page) => page.evaluate(() => document.documentElement.scrollWidth);

test('without navigator.clipboard (plain HTTP), Copy link and Copy code say so, and the long link wraps at 375 px', T, async () => {
  const s = { btc_price_usd: 123456.78, network_hashrate_ehs: 1234.5, power_price_usd_kwh: 0.0437, machine_count: 4321, uptime_pct: 93.5, debt_pct: 35, horizon_months: 48 };
  await withPage(suite.browser, suite.url + scenarioQuery(s), async (page) => {
    assert.equal(await page.evaluate(() => navigator.clipboard), undefined, 'the page has no clipboard, as on plain HTTP');
    await page.click('button[data-action="copy-link"]');
    const status = page.locator('.site-header > .status');
    await eventually(async () => assert.match(await status.textContent(),
      /^The browser blocked the clipboard; the address bar holds the link: http:\/\/.*[?&]btc_price_usd=123456\.78&network_hashrate_ehs=1234\.5/));
    assert.ok(await pageWidth(page) <= 375, `the status wraps: the page is ${await pageWidth(page)} px wide`);

    await page.click('button[data-action="embed"]');
    const embedStatus = page.locator('.embed-dialog > .status');
    await page.click('button[data-action="copy-embed"]');
    await eventually(async () => assert.match(await embedStatus.textContent(), /blocked the clipboard: select the code above/));
    const [code, said] = await Promise.all([page.locator('.embed-dialog textarea').boundingBox(), embedStatus.boundingBox()]);
    assert.ok(code.y + code.height <= said.y, 'the code is above the message that points to it');
  }, {
    viewport: { width: 375, height: 800 },
    beforeGoto: (page) => page.addInitScript(() => {
      Object.defineProperty(Navigator.prototype, 'clipboard', { get: () => undefined, configurable: true });
    }),
  });
});

test('tracking parameters keep the saved scenario silently; an unknown key does not replace it and is echoed cut short', T, async () => {
  const seed = (page) => page.addInitScript(() => {
    if (!sessionStorage.getItem('seeded')) {
      sessionStorage.setItem('seeded', '1');
      localStorage.setItem('hashprice.scenario', 'btc_price_usd=120000&machine_count=42');
    }
  });
  await withPage(suite.browser, suite.url + '?utm_source=newsletter&utm_campaign=nov&fbclid=abc&gclid=x&ref=hn', async (page) => {
    await expectInputs(page, { btc_price_usd: 120000, machine_count: 42 });
    assert.equal(await page.locator('[data-notice]').count(), 0, 'no notice for tracking parameters');
  }, { beforeGoto: seed });

  const long = 'x'.repeat(5000);
  await withPage(suite.browser, `${suite.url}?utm_source=newsletter&foo=${long}`, async (page) => {
    const notice = page.locator('[data-notice]');
    await notice.waitFor({ state: 'visible', timeout: 5000 });
    await expectInputs(page, { btc_price_usd: 120000, machine_count: 42 });
    const text = await notice.innerText();
    assert.match(text, /not applied: foo = "x{60}…": not a calculator input/);
    assert.ok(!text.includes('x'.repeat(61)) && !text.includes('utm_source'), text.slice(0, 300));
    assert.ok(await pageWidth(page) <= 375, `the notice wraps: the page is ${await pageWidth(page)} px wide`);
  }, { beforeGoto: seed, viewport: { width: 375, height: 800 } });
});

test('a shared link opened over a saved scenario: edits stay in the address bar and the visitor\'s saved scenario is kept', T, async () => {
  const saved = 'btc_price_usd=120000&machine_count=42';
  const stored = (page) => page.evaluate(() => localStorage.getItem('hashprice.scenario'));
  const seed = (value) => (page) => page.addInitScript((v) => {
    if (!sessionStorage.getItem('seeded')) {
      sessionStorage.setItem('seeded', '1');
      if (v) localStorage.setItem('hashprice.scenario', v);
    }
  }, value);
  await withPage(suite.browser, suite.url + '?btc_price_usd=101000', async (page) => {
    await expectInputs(page, { btc_price_usd: 101000, machine_count: 1000 });
    await typeInto(page, 'machine_count', '2500');
    await page.waitForFunction(() => location.search === '?base=2025-11&btc_price_usd=101000&machine_count=2500', null, { timeout: 5000 });
    await page.waitForTimeout(400);
    assert.equal(await stored(page), saved, 'the saved scenario is not replaced by the link\'s edits');
    await page.goto(suite.url);
    await expectInputs(page, { btc_price_usd: 120000, machine_count: 42 });
    await typeInto(page, 'machine_count', '43');
    await eventually(async () => assert.equal(await stored(page), 'base=2025-11&btc_price_usd=120000&machine_count=43', 'the visitor\'s own page still saves'));
  }, { beforeGoto: seed(saved) });
  // With nothing saved yet, the link's edits are what the visitor has: they are saved.
  await withPage(suite.browser, suite.url + '?btc_price_usd=101000', async (page) => {
    await typeInto(page, 'machine_count', '2500');
    await eventually(async () => assert.equal(await stored(page), 'base=2025-11&btc_price_usd=101000&machine_count=2500'));
  }, { beforeGoto: seed('') });
});

test('the headline threshold travels in the link (default left out); a bad one gets a notice', T, async () => {
  let link;
  await withPage(suite.browser, suite.url, async (page) => {
    await page.locator('input[name=headline_threshold]').fill('40');
    await page.waitForFunction(() => new URLSearchParams(location.search).get('threshold') === '40', null, { timeout: 5000 });
    await typeInto(page, 'btc_price_usd', '90000');
    await page.waitForFunction(() => /^\?threshold=40&base=2025-11&btc_price_usd=90000$/.test(location.search), null, { timeout: 5000 });
    link = page.url();
    await page.click('button[data-action="embed"]');
    assert.match(await page.locator('#embed-code').inputValue(), / data-threshold="40" data-base="2025-11" data-btc_price_usd="90000" async>/, 'the embed snippet carries it too');
    await page.locator('input[name=headline_threshold]').fill('35');
    await page.waitForFunction(() => location.search === '?base=2025-11&btc_price_usd=90000', null, { timeout: 5000 });
  });
  await withPage(suite.browser, link, async (page) => {
    assert.equal(await page.locator('input[name=headline_threshold]').inputValue(), '40');
    assert.match(await page.locator('[data-headline]').innerText(), /below \$40\.00/);
    assert.equal(await page.locator('[data-notice]').count(), 0);
  });
  await withPage(suite.browser, suite.url + '?threshold=-3&uptime_pct=50', async (page) => {
    const notice = page.locator('[data-notice]');
    await notice.waitFor({ state: 'visible', timeout: 5000 });
    assert.match(await notice.innerText(), /threshold = "-3": must be a number above 0/);
    assert.equal(await page.locator('input[name=headline_threshold]').inputValue(), '35');
    assert.match(await page.locator('[data-headline]').innerText(), /above \$35\.00/);
    await expectInputs(page, { uptime_pct: 50 });
  });
});

test('an edit made just before leaving the page is written at once on pagehide or when the page is hidden', T, async () => {
  await withPage(suite.browser, suite.url, async (page) => {
    const leave = (value, how) => page.evaluate(async ([value, how]) => {
      const field = document.querySelector('input.num[name="btc_price_usd"]');
      field.value = value;
      field.dispatchEvent(new Event('input', { bubbles: true }));
      // The scenario's effect runs and starts the 250 ms debounce; the write is still pending.
      await new Promise((r) => setTimeout(r, 0));
      const before = localStorage.getItem('hashprice.scenario');
      if (how === 'pagehide') {
        window.dispatchEvent(new PageTransitionEvent('pagehide', { persisted: false }));
      } else {
        Object.defineProperty(document, 'hidden', { configurable: true, get: () => true });
        document.dispatchEvent(new Event('visibilitychange', { bubbles: true }));
        delete document.hidden;
      }
      return { before, after: localStorage.getItem('hashprice.scenario'), search: location.search };
    }, [value, how]);

    const a = await leave('111111', 'pagehide');
    assert.equal(a.before, null, 'nothing written yet: the debounce is pending');
    assert.equal(a.after, 'base=2025-11&btc_price_usd=111111', 'pagehide wrote the scenario to storage');
    assert.equal(a.search, '?base=2025-11&btc_price_usd=111111', 'and to the URL');
    const b = await leave('122222', 'hidden');
    assert.equal(b.before, 'base=2025-11&btc_price_usd=111111');
    assert.equal(b.after, 'base=2025-11&btc_price_usd=122222', 'hiding the page wrote the scenario');
  });
});

test('sell-side figures (per EH/s, hashcost, per MWh) follow a power price slider move and typed opex', T, async () => {
  await withPage(suite.browser, suite.url, async (page) => {
    const sellSide = (s) => {
      const snap = snapshot(s);
      const ehs = (s.machine_hashrate_ths * s.machine_count) / 1e6;
      const mwhDay = (snap.fleet_power_kw * 24 * s.uptime_pct) / 100 / 1000;
      return {
        revenue_usd_per_eh_day: snap.revenue_usd_day / ehs,
        gross_profit_usd_per_eh_day: (snap.revenue_usd_day - snap.power_cost_usd_day) / ehs,
        hashcost_usd_per_ph_day: (snap.power_cost_usd_day + s.opex_usd_month / 30.4375) / (ehs * 1000),
        revenue_usd_per_mwh: snap.revenue_usd_day / mwhDay,
      };
    };
    const check = async (s) => {
      for (const [key, want] of Object.entries(sellSide(s))) await expectKpi(page, key, want, { rel: 1e-9 });
    };
    await check(defaultScenario());
    await openPanel(page, 'costs');
    const { after } = await nudgeSlider(page, 'power_price_usd_kwh', 'ArrowRight', 40);
    let s = { ...(await readScenario(page)), power_price_usd_kwh: after };
    await check(s);
    await typeInto(page, 'opex_usd_month', '60000');
    s = { ...s, opex_usd_month: 60000 };
    await check(s);
    const shown = await page.locator('[data-kpi="hashcost_usd_per_ph_day"] output').textContent();
    assert.match(shown, /^\$\d+\.\d\d\/PH\/day$/, `hashcost reads in the reports' unit: ${shown}`);
  });
});

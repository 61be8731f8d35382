// Issue 4 end-to-end: the JS API (window.hashprice), embed mode, host messaging with the example investor page,
// CSV / JSON export and the print stylesheet. One static site on 127.0.0.1 serves the release dist/ under
// /tools/hashprice/ and examples/ under /examples/ (as an investor site would host them).
// Every test fails on a page error, a console error (iframe included), an HTTP error or an off-origin request.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServer } from './server.mjs';
import { snapshot } from './model.mjs';
import {
  ROOT, DIST, launchBrowser, withPage, openPage, referenceCases, defaultScenario, scenarioQuery, readScenario,
  kpi, allKpis, eventually, isClose, assertClose, textFieldSelector, screenshot,
} from './helpers.mjs';

const T = { timeout: 90000 };
const CALC = '/tools/hashprice/';
const suite = { server: null, browser: null, site: null, tmp: null };

before(async () => {
  // A site root with the calculator in a sub-folder and the example page beside it (symlinks, nothing copied).
  suite.tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'hashprice-site-'));
  fs.mkdirSync(path.join(suite.tmp, 'tools'));
  fs.symlinkSync(DIST, path.join(suite.tmp, 'tools', 'hashprice'), 'dir');
  fs.symlinkSync(path.join(ROOT, 'examples'), path.join(suite.tmp, 'examples'), 'dir');
  fs.writeFileSync(path.join(suite.tmp, 'index.html'), '<!doctype html><title>site</title><link rel="icon" href="data:,">');
  suite.server = await startServer({ root: suite.tmp, prefix: '/' });
  suite.site = suite.server.origin;
  suite.browser = await launchBrowser();
});
after(async () => {
  await suite.browser?.close();
  await suite.server?.close();
  if (suite.tmp) fs.rmSync(suite.tmp, { recursive: true, force: true });
});

const calcUrl = (query = '') => suite.site + CALC + query;
const investorUrl = () => suite.site + '/examples/investor-site.html';
const HOST = { waitForKpi: false };
const waitForApi = (page) => page.waitForFunction(() => typeof window.hashprice?.compute === 'function', null, { timeout: 20000 });

function riskCases() {
  return JSON.parse(fs.readFileSync(path.join(ROOT, 'tests', 'data', 'reference_risk_cases.json'), 'utf8')).cases;
}

function siteCases() {
  return JSON.parse(fs.readFileSync(path.join(ROOT, 'tests', 'data', 'reference_site_cases.json'), 'utf8')).cases;
}

/** Compares `actual` with `expected` like tests/reference.rs: same keys (or, with `subset`, every expected key: the
 *  files written before MODEL.md sections 7–9 lack their outputs), numbers within 1e-9 relative (1e-6 absolute), null for none. */
function compareTree(actual, expected, where, out, subset = false) {
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual)) return out.push(`${where}: expected an array, got ${JSON.stringify(actual)}`);
    if (actual.length !== expected.length) out.push(`${where}: length ${actual.length}, expected ${expected.length}`);
    expected.forEach((e, i) => compareTree(actual[i], e, `${where}[${i}]`, out));
  } else if (expected !== null && typeof expected === 'object') {
    if (actual === null || typeof actual !== 'object' || Array.isArray(actual)) return out.push(`${where}: expected an object, got ${JSON.stringify(actual)}`);
    const a = Object.keys(actual).sort();
    const e = Object.keys(expected).sort();
    const missing = e.filter((k) => !a.includes(k));
    if (subset ? missing.length > 0 : JSON.stringify(a) !== JSON.stringify(e)) out.push(`${where}: keys ${a.join(',')} but the reference has ${e.join(',')}`);
    for (const k of e) compareTree(actual[k], expected[k], `${where}.${k}`, out, subset);
  } else if (typeof expected === 'number') {
    if (typeof actual !== 'number' || !isClose(actual, expected, { rel: 1e-9, abs: 1e-6 })) out.push(`${where}: got ${actual}, expected ${expected}`);
  } else if (actual !== expected) {
    out.push(`${where}: got ${JSON.stringify(actual)}, expected ${JSON.stringify(expected)}`);
  }
}

// ---------------------------------------------------------------- JS API

test('window.hashprice: ready event, compute() matches every reference case, defaults() and version()', T, async () => {
  await withPage(suite.browser, calcUrl(), async (page) => {
    // The ready event fires on window once the API is installed (listen before the app starts, then reload).
    await page.addInitScript(() => {
      window.__hashpriceReady = null;
      window.addEventListener('hashprice:ready', (e) => { window.__hashpriceReady = { detailIsApi: e.detail === window.hashprice, hasApi: typeof window.hashprice?.compute === 'function' }; });
    });
    await page.reload({ waitUntil: 'load' });
    await waitForApi(page);
    await eventually(async () => assert.deepEqual(await page.evaluate(() => window.__hashpriceReady), { detailIsApi: true, hasApi: true }));

    const cases = referenceCases();
    const results = await page.evaluate((scenarios) => scenarios.map((s) => window.hashprice.compute(s)), cases.map((c) => c.scenario));
    const failures = [];
    cases.forEach((c, i) => {
      const r = results[i];
      assert.deepEqual(Object.keys(r).sort(), ['decision', 'heatmap_npv_usd', 'hpc', 'projection', 'risk', 'snapshot', 'tornado']);
      for (const section of ['snapshot', 'projection', 'hpc']) compareTree(r[section], c.expected[section], `${c.name} › ${section}`, failures, true);
    });
    assert.deepEqual(failures, [], `compute() differs from reference_cases.json:\n  ${failures.slice(0, 30).join('\n  ')}`);

    const risk = riskCases();
    const riskResults = await page.evaluate((scenarios) => scenarios.map((s) => window.hashprice.compute(s)), risk.map((c) => c.scenario));
    risk.forEach((c, i) => {
      for (const key of ['risk', 'tornado', 'heatmap_npv_usd']) compareTree(riskResults[i][key], c.expected[key], `${c.name} › ${key}`, failures);
    });
    assert.deepEqual(failures, [], `compute() differs from reference_risk_cases.json:\n  ${failures.slice(0, 30).join('\n  ')}`);

    // MODEL.md sections 7–9: every output of every site case, with sections 5–6 where the case has them.
    const site = siteCases();
    const siteResults = await page.evaluate((scenarios) => scenarios.map((s) => window.hashprice.compute(s)), site.map((c) => c.scenario));
    site.forEach((c, i) => {
      for (const key of Object.keys(c.expected)) compareTree(siteResults[i][key], c.expected[key], `${c.name} › ${key}`, failures);
    });
    assert.deepEqual(failures, [], `compute() differs from reference_site_cases.json:\n  ${failures.slice(0, 30).join('\n  ')}`);

    // Plain JS values: plain objects (not Maps), real arrays, null for none.
    const shape = await page.evaluate(() => {
      const r = window.hashprice.compute({ machine_price_usd_per_th: 0, btc_price_usd: 20000 });
      return {
        plain: [r, r.snapshot, r.projection, r.hpc, r.risk, r.tornado[0]].every((o) => Object.getPrototypeOf(o) === Object.prototype),
        arrays: Array.isArray(r.projection.monthly_net_usd) && Array.isArray(r.heatmap_npv_usd) && Array.isArray(r.heatmap_npv_usd[0]),
        irr: r.projection.irr_pct_year,
        payback: r.projection.payback_days,
        months: r.projection.monthly_net_usd.length,
      };
    });
    assert.deepEqual(shape, { plain: true, arrays: true, irr: null, payback: 0, months: 36 });

    // Missing keys take the defaults: {} and no argument both equal the defaults case.
    const same = await page.evaluate(() => {
      const a = JSON.stringify(window.hashprice.compute({}));
      return a === JSON.stringify(window.hashprice.compute()) && a === JSON.stringify(window.hashprice.compute(window.hashprice.defaults()));
    });
    assert.ok(same, 'compute({}), compute() and compute(defaults()) agree');

    const defaults = await page.evaluate(() => window.hashprice.defaults());
    const d = defaultScenario();
    for (const [k, v] of Object.entries(d)) assert.equal(defaults[k], v, `defaults().${k}`);
    // The site file's scenarios spell out every input of MODEL.md, sections 1–9.
    const siteDefaults = siteCases().find((c) => c.name.startsWith('defaults')).scenario;
    assert.deepEqual(Object.keys(defaults).sort(), Object.keys(siteDefaults).sort(), 'defaults() has every input key');
    for (const [k, v] of Object.entries(siteDefaults)) assert.equal(defaults[k], v, `defaults().${k}`);
    assert.equal(typeof defaults.curtail_when_unprofitable, 'boolean');

    const cargoVersion = /^version\s*=\s*"([^"]+)"/m.exec(fs.readFileSync(path.join(ROOT, 'Cargo.toml'), 'utf8'))[1];
    assert.equal(await page.evaluate(() => window.hashprice.version()), cargoVersion);
  });
});

test('compute(): bad input throws an Error naming the key and why, never a panic', T, async () => {
  await withPage(suite.browser, calcUrl(), async (page) => {
    await waitForApi(page);
    const bad = [
      [{ btc_pricee_usd: 95000 }, 'btc_pricee_usd', /not an input/],
      [{ btc_price_usd: '95000' }, 'btc_price_usd', /must be a number, got a string/],
      [{ btc_price_usd: true }, 'btc_price_usd', /must be a number, got a boolean/],
      [{ btc_price_usd: null }, 'btc_price_usd', /must be a number, got null/],
      [{ curtail_when_unprofitable: 1 }, 'curtail_when_unprofitable', /true or false, got a number/],
      [{ curtail_when_unprofitable: 'true' }, 'curtail_when_unprofitable', /true or false, got a string/],
      [{ network_hashrate_ehs: NaN }, 'network_hashrate_ehs', /finite/],
      [{ uptime_pct: Infinity }, 'uptime_pct', /finite/],
      [{ btc_price_usd: 0 }, 'btc_price_usd', /greater than 0/],
      [{ btc_price_usd: -5 }, 'btc_price_usd', /greater than 0/],
      [{ pool_fee_pct: 100 }, 'pool_fee_pct', /below 100/],
      [{ uptime_pct: 100.5 }, 'uptime_pct', /0 to 100/],
      [{ horizon_months: 12.5 }, 'horizon_months', /whole number/],
      [{ horizon_months: 121 }, 'horizon_months', /1 to 120/],
      [{ mc_paths: 0 }, 'mc_paths', /whole number/],
      [{ machine_count: [5] }, 'machine_count', /got an array/],
      [{ machine_count: { v: 5 } }, 'machine_count', /got an object/],
      [{ uptime_pct: 90, debt_pct: 101 }, 'debt_pct', /0 to 100/],
    ];
    const got = await page.evaluate((cases) => cases.map(([input]) => {
      // NaN and Infinity do not survive the trip into the page as JSON: rebuild them.
      const fixed = Object.fromEntries(Object.entries(input).map(([k, v]) => [k, v === 'NaN' ? NaN : v === 'Infinity' ? Infinity : v]));
      try {
        window.hashprice.compute(fixed);
        return { threw: false };
      } catch (e) {
        return { threw: true, isError: e instanceof Error, message: String(e.message), key: e.key };
      }
    }), bad.map(([input, key]) => [Object.fromEntries(Object.entries(input).map(([k, v]) => [k, Number.isNaN(v) ? 'NaN' : v === Infinity ? 'Infinity' : v])), key]));
    bad.forEach(([input, key, why], i) => {
      const r = got[i];
      assert.ok(r.threw, `compute(${JSON.stringify(input)}) throws`);
      assert.ok(r.isError, `compute(${JSON.stringify(input)}) throws an Error`);
      assert.ok(r.message.includes(key), `the message names ${key}: "${r.message}"`);
      assert.match(r.message, why, `compute(${JSON.stringify(input)}): "${r.message}"`);
      assert.equal(r.key, key, 'error.key');
    });

    const notObjects = await page.evaluate(() => [null, 'btc_price_usd=1', 42, [1, 2]].map((v) => {
      try { window.hashprice.compute(v); return 'no error'; } catch (e) { return e instanceof Error ? e.message : 'not an Error'; }
    }));
    for (const m of notObjects) assert.match(m, /must be an object of input keys/);
    // A Map or a Date has no input keys of its own: an error, not the defaults.
    const notPlain = await page.evaluate(() => [new Map([['btc_price_usd', 80000]]), new Date(), /re/].map((v) => {
      try { window.hashprice.compute(v); return 'no error'; } catch (e) { return e instanceof Error ? e.message : 'not an Error'; }
    }));
    for (const m of notPlain) assert.match(m, /must be a plain object of input keys/);
    assert.ok(await page.evaluate(() => window.hashprice.compute(Object.create(null)).snapshot.btc_mined_day > 0), 'a null-prototype object is plain');

    // The API still works after the errors (no trap, no poisoned state).
    const ok = await page.evaluate(() => window.hashprice.compute({ btc_price_usd: 86000 }).snapshot.btc_mined_day > 0);
    assert.ok(ok);
  });
});

// ---------------------------------------------------------------- embed mode

test('embed options that do not read are said in a notice, not passed over (a host\'s typo in panels=, theme= or accent=)', T, async () => {
  await withPage(suite.browser, calcUrl('?embed=1&panels=kpis,cahs&theme=night&accent=red'), async (page) => {
    await page.locator('[data-notice]').waitFor();
    assert.equal(
      await page.locator('[data-notice]').first().innerText().then((t) => t.split('\n')[0]),
      'Some page options were not understood: panels = "cahs": not a panel; theme = "night": must be light, dark or auto; accent = "red": must be a colour like #1e3a8a',
    );
    assert.equal(await page.locator('.kpi-strip').count(), 1, 'the panel that reads is shown');
    assert.equal(await page.locator('#cash').count(), 0, 'the misspelt one is not');
  }, HOST);
  await withPage(suite.browser, calcUrl('?embed=1&panels=kpis,cash&theme=dark'), async (page) => {
    assert.equal(await page.locator('[data-notice]').count(), 0, 'no notice when every option reads');
  }, HOST);
});

test('embed mode: no page chrome, only the chosen panels, same scenario keys', T, async () => {
  const s = { btc_price_usd: 86000, network_hashrate_ehs: 1150 };
  await withPage(suite.browser, calcUrl(scenarioQuery(s) + '&embed=1&panels=kpis,results'), async (page) => {
    const present = await page.evaluate(() => ({
      header: !!document.querySelector('.site-header'),
      footer: !!document.querySelector('.site-footer'),
      inputs: !!document.querySelector('aside.inputs'),
      strip: !!document.querySelector('.kpi-strip'),
      all: !!document.querySelector('.all-kpis'),
      cash: !!document.querySelector('#cash'),
      embedClass: !!document.querySelector('.app.embed'),
    }));
    assert.deepEqual(present, { header: false, footer: false, inputs: false, strip: true, all: true, cash: false, embedClass: true });
    const m = snapshot({ ...defaultScenario(), ...s });
    assertClose(await kpi(page, 'hashprice_usd_per_ph_day'), m.hashprice_usd_per_ph_day, 'embedded hashprice');
  });
  await withPage(suite.browser, calcUrl('?embed=1&panels=kpis,cash,hpc'), async (page) => {
    const present = await page.evaluate(() => ['.site-header', 'aside.inputs', '.kpi-strip', '#cash', '#hpc', '#hashprice', '#monthly', '.all-kpis']
      .map((sel) => [sel, !!document.querySelector(sel)]));
    assert.deepEqual(Object.fromEntries(present), {
      '.site-header': false, 'aside.inputs': false, '.kpi-strip': true, '#cash': true, '#hpc': true, '#hashprice': false, '#monthly': false, '.all-kpis': false,
    });
  });
  // An embed with money figures carries the assumptions card by default; assumptions=0 takes it out.
  await withPage(suite.browser, calcUrl('?embed=1&panels=kpis'), async (page) => {
    const rows = await page.$$eval('#assumptions [data-assumption]', (els) => els.map((e) => [e.dataset.assumption, e.querySelector('.source').textContent]));
    assert.ok(rows.length >= 14, `${rows.length} assumptions`);
    assert.deepEqual(rows.find(([k]) => k === 'power_price_usd_kwh'), ['power_price_usd_kwh', 'default']);
    assert.match(await page.locator('#assumptions').innerText(), /not forecasts/);
  });
  await withPage(suite.browser, calcUrl('?embed=1&panels=kpis,hpc&power_price_usd_kwh=0.045'), async (page) => {
    const source = await page.$eval('#assumptions [data-assumption="power_price_usd_kwh"] .source', (e) => e.textContent);
    assert.equal(source, 'set by the host');
    assert.ok(await page.$('#assumptions [data-assumption="hpc_lease_usd_kw_month"]'), 'the AI/HPC inputs when that panel shows');
  });
  // Every input the host set away from its default is listed; what the visitor types is theirs, not the host's.
  await withPage(suite.browser, calcUrl('?embed=1&panels=kpis,inputs&machine2_count=6000&pue=1.1&curtail_when_unprofitable=false'), async (page) => {
    const source = (k) => page.$eval(`#assumptions [data-assumption="${k}"] .source`, (e) => e.textContent);
    assert.equal(await source('machine2_count'), 'set by the host');
    assert.equal(await page.$eval('#assumptions [data-assumption="machine2_count"] dt', (e) => e.textContent), 'Group 2 machines');
    assert.equal(await source('pue'), 'set by the host');
    assert.equal(await source('curtail_when_unprofitable'), 'set by the host');
    const power = page.locator('input.num[name="power_price_usd_kwh"]');
    await power.click();
    await power.press('ControlOrMeta+a');
    await power.pressSequentially('0.07');
    await eventually(async () => assert.equal(await source('power_price_usd_kwh'), 'changed here'));
    assert.equal(await source('pue'), 'set by the host');
  });
  // On a phone, a key-results embed shows all five: the page's results grid, which holds the rest, is not there.
  await withPage(suite.browser, calcUrl('?embed=1&panels=kpis&assumptions=0'), async (page) => {
    const shown = await page.$$eval('.kpi-strip .kpi', (els) => els.filter((el) => el.getBoundingClientRect().height > 0).length);
    assert.equal(shown, 5);
    // And the page ends with the strip: no empty band of layout padding under it.
    const [strip, page_] = await page.evaluate(() => [document.querySelector('.kpi-strip').getBoundingClientRect().bottom, document.querySelector('.app').getBoundingClientRect().bottom]);
    assert.ok(page_ - strip <= 1, `${page_ - strip} px below the strip`);
  }, { viewport: { width: 360, height: 640 } });
});

/** The calculator's frame inside the investor page, once its headline KPI has a value. */
async function calculatorFrame(page) {
  const handle = await page.waitForSelector('#calculator');
  const frame = await handle.contentFrame();
  await frame.waitForFunction(() => {
    const el = document.querySelector('[data-kpi="hashprice_usd_per_ph_day"]');
    return el && el.getAttribute('data-value');
  }, null, { timeout: 20000 });
  return frame;
}

/** Waits until the iframe's height equals its content's height (no inner scrollbar) and returns it. */
async function settledHeight(page, frame, { not } = {}) {
  return eventually(async () => {
    const outer = await page.$eval('#calculator', (el) => el.getBoundingClientRect().height);
    const inner = await frame.evaluate(() => ({
      content: document.documentElement.getBoundingClientRect().height,
      scrollHeight: document.documentElement.scrollHeight,
      clientHeight: document.documentElement.clientHeight,
    }));
    assert.ok(Math.abs(outer - Math.ceil(inner.content)) <= 1, `iframe is ${outer}px high, its content ${inner.content}px`);
    assert.ok(inner.scrollHeight <= inner.clientHeight + 1, `no scrollbar inside the iframe (scrollHeight ${inner.scrollHeight}, clientHeight ${inner.clientHeight})`);
    if (not !== undefined) assert.ok(Math.abs(outer - not) > 20, `the height changed from ${not}px (now ${outer}px)`);
    return outer;
  }, { timeout: 8000, interval: 50 });
}

test('investor page: the iframe follows the content height, without scrollbars', T, async () => {
  await withPage(suite.browser, investorUrl(), async (page) => {
    let frame = await calculatorFrame(page);
    const h1 = await settledHeight(page, frame, { not: 600 });

    // More panels (the page reloads the iframe): taller.
    await page.selectOption('#panels', 'kpis,inputs,cash,hpc,results');
    frame = await calculatorFrame(page);
    await frame.waitForSelector('aside.inputs');
    const h2 = await settledHeight(page, frame, { not: h1 });
    assert.ok(h2 > h1 + 200, `more panels, taller iframe (${h1}px -> ${h2}px)`);

    // Content changes inside the same document: closing input panels shrinks it, opening them grows it again.
    await frame.evaluate(() => document.querySelectorAll('details.panel[open]').forEach((d) => { d.open = false; }));
    const h3 = await settledHeight(page, frame, { not: h2 });
    assert.ok(h3 < h2, `closing the input panels shrinks the iframe (${h2}px -> ${h3}px)`);
    await frame.evaluate(() => document.querySelectorAll('details.panel').forEach((d) => { d.open = true; }));
    const h4 = await settledHeight(page, frame, { not: h3 });
    assert.ok(h4 > h3, `opening them grows it (${h3}px -> ${h4}px)`);

    // Fewer panels: shorter than at the start (the height also goes down, not only up).
    await page.selectOption('#panels', 'kpis');
    frame = await calculatorFrame(page);
    const h5 = await settledHeight(page, frame, { not: h4 });
    assert.ok(h5 < h1, `key results only is shorter than the start (${h1}px -> ${h5}px)`);

    // A phone-sized host: the calculator switches to its mobile layout and the iframe follows the new height.
    await page.setViewportSize({ width: 420, height: 900 });
    await settledHeight(page, frame, { not: h5 });
    await screenshot(page, 'embed-investor-narrow', { fullPage: true });
  }, HOST);
});

test('investor page: a scenario message changes a KPI in the iframe; malformed messages change nothing', T, async () => {
  await withPage(suite.browser, investorUrl(), async (page) => {
    const frame = await calculatorFrame(page);
    const start = { ...defaultScenario(), machine_count: 2500, power_price_usd_kwh: 0.045 };
    assertClose(await kpi(frame, 'hashprice_usd_per_ph_day'), snapshot(start).hashprice_usd_per_ph_day, 'hashprice at the start');
    assertClose(await kpi(frame, 'profit_usd_day'), snapshot(start).profit_usd_day, 'profit at the start');

    // The page's own button posts {type: "hashprice:scenario", scenario: {btc_price_usd: 150000, ...}}.
    await page.click('#bull');
    const bull = { ...start, btc_price_usd: 150000, btc_price_growth_pct_year: 25 };
    await eventually(async () => assertClose(await kpi(frame, 'hashprice_usd_per_ph_day'), snapshot(bull).hashprice_usd_per_ph_day, 'hashprice after the bull message'));
    assertClose(await kpi(frame, 'profit_usd_day'), snapshot(bull).profit_usd_day, 'profit after the bull message');
    const check = await frame.evaluate(() => window.hashprice.compute({ machine_count: 2500, power_price_usd_kwh: 0.045, btc_price_usd: 150000, btc_price_growth_pct_year: 25 }).projection.npv_usd);
    assertClose(await kpi(frame, 'npv_usd'), check, 'NPV after the bull message (against compute())');

    const before = await allKpis(frame);
    const fieldsBefore = await frame.$$eval('input[name]', (els) => els.map((e) => [e.name, e.type, e.value, e.checked]));
    await page.evaluate(() => {
      const w = document.getElementById('calculator').contentWindow;
      const bad = [
        'garbage',
        42,
        null,
        [1, 2, 3],
        { type: 'hashprice:scenario' },
        { type: 'hashprice:scenario', scenario: null },
        { type: 'hashprice:scenario', scenario: 'btc_price_usd=1' },
        { type: 'hashprice:scenario', scenario: [1] },
        { type: 'hashprice:scenario', scenario: { btc_price_usd: '95000' } },
        { type: 'hashprice:scenario', scenario: { btc_price_usd: NaN } },
        { type: 'hashprice:scenario', scenario: { bogus_key: 1 } },
        { type: 'hashprice:scenario', scenario: { curtail_when_unprofitable: 0 } },
        // all or nothing: a valid price next to an invalid uptime applies neither
        { type: 'hashprice:scenario', scenario: { btc_price_usd: 20000, uptime_pct: 250 } },
        { type: 'hashprice:scenarios', scenario: { btc_price_usd: 20000 } },
        { type: 'HASHPRICE:SCENARIO', scenario: { btc_price_usd: 20000 } },
        { type: 'hashprice:height', height: 5 },
      ];
      for (const m of bad) w.postMessage(m, '*');
    });
    // A message from the calculator's own window (not its parent) is not obeyed either.
    await frame.evaluate(() => window.postMessage({ type: 'hashprice:scenario', scenario: { btc_price_usd: 20000 } }, '*'));
    await page.waitForTimeout(600);
    assert.deepEqual(await allKpis(frame), before, 'malformed messages changed no KPI');
    assert.deepEqual(await frame.$$eval('input[name]', (els) => els.map((e) => [e.name, e.type, e.value, e.checked])), fieldsBefore, 'nor any input');

    // A valid message still works afterwards, and only the keys it carries change.
    await page.evaluate(() => document.getElementById('calculator').contentWindow.postMessage({ type: 'hashprice:scenario', scenario: { uptime_pct: 90 } }, '*'));
    const after = { ...bull, uptime_pct: 90 };
    await eventually(async () => assertClose(await kpi(frame, 'profit_usd_day'), snapshot(after).profit_usd_day, 'profit after uptime 90'));
    assertClose(await kpi(frame, 'hashprice_usd_per_ph_day'), snapshot(after).hashprice_usd_per_ph_day, 'price kept');

    // The host reloads the calculator with other panels; on its "hashprice:ready" message the page re-sends
    // what it chose, so the new document shows the same scenario.
    await page.selectOption('#panels', 'kpis');
    await eventually(async () => {
      const f = await calculatorFrame(page);
      assertClose(await kpi(f, 'hashprice_usd_per_ph_day'), snapshot(bull).hashprice_usd_per_ph_day, 'bull price after the reload');
    }, { timeout: 8000 });
  }, HOST);
});

test('one-line example page: the script tag alone shows the calculator at its height; the page\'s buttons drive it and its summary follows the results messages', T, async () => {
  await withPage(suite.browser, suite.site + '/examples/one-line-embed.html', async (page) => {
    const frame = await (await page.waitForSelector('iframe.hashprice-frame')).contentFrame();
    await frame.waitForFunction(() => document.querySelector('[data-kpi="hashprice_usd_per_ph_day"]')?.dataset.value, null, { timeout: 20000 });
    assert.ok(await frame.$('#assumptions'), 'the assumptions beside the money figures');
    await eventually(async () => {
      const outer = await page.$eval('iframe', (f) => f.getBoundingClientRect().height);
      const inner = await frame.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
      assert.ok(Math.abs(outer - inner) <= 1, `iframe ${outer}px, content ${inner}px`);
    }, { timeout: 8000 });
    await eventually(async () => assert.match(await page.locator('#summary').innerText(), /^At BTC \$95,000: hashprice \$/), { timeout: 5000 });
    await page.click('#bull');
    const bull = snapshot({ ...defaultScenario(), machine_count: 2500, power_price_usd_kwh: 0.045, btc_price_usd: 150000 });
    await eventually(async () => assert.equal(await page.locator('#summary').innerText(),
      `At BTC $150,000: hashprice $${bull.hashprice_usd_per_ph_day.toFixed(2)} per PH/s per day, fleet profit $${Math.round(bull.profit_usd_day).toLocaleString('en-US')} a day.`), { timeout: 5000 });
  }, HOST);
});

// ---------------------------------------------------------------- export

/**
 * A strict RFC 4180 reader: `\r\n` after every row (the last too), quoted cells with `""` for a quote, no bare
 * `\r` or `\n` outside quotes, nothing between a closing quote and the next separator, every row as wide as the
 * first. Throws on anything else.
 */
function parseCsvStrict(text) {
  const rows = [];
  let row = [];
  let i = 0;
  for (;;) {
    let cell = '';
    if (text[i] === '"') {
      i++;
      for (;;) {
        if (i >= text.length) throw new Error('CSV: unterminated quoted cell');
        if (text[i] === '"') {
          if (text[i + 1] === '"') { cell += '"'; i += 2; continue; }
          i++;
          break;
        }
        cell += text[i++];
      }
    } else {
      while (i < text.length && !',\r\n"'.includes(text[i])) cell += text[i++];
      if (text[i] === '"') throw new Error(`CSV: quote inside an unquoted cell at ${i}`);
    }
    row.push(cell);
    if (text[i] === ',') { i++; continue; }
    if (text.startsWith('\r\n', i)) {
      i += 2;
      rows.push(row);
      row = [];
      if (i === text.length) break;
      continue;
    }
    throw new Error(`CSV: expected "," or CRLF at ${i}, found ${JSON.stringify(text.slice(i, i + 10))}`);
  }
  rows.forEach((r, n) => assert.equal(r.length, rows[0].length, `CSV row ${n + 1} is as wide as the first`));
  return rows;
}

/** The export's three parts, split at blank rows: header block, inputs, months (each as rows of cells). */
function csvParts(text) {
  const parts = [[]];
  for (const r of parseCsvStrict(text)) {
    if (r.every((c) => c === '')) parts.push([]);
    else parts.at(-1).push(r);
  }
  assert.equal(parts.length, 3, 'header block, inputs, months');
  return parts;
}

const CSV_COLUMNS = [
  'month', 'avg_btc_price_usd', 'avg_network_hashrate_ehs', 'avg_hashprice_usd_per_ph_day', 'btc_mined', 'revenue_usd',
  'power_cost_usd', 'fixed_costs_usd', 'net_cash_usd', 'cumulative_cash_usd', 'curtailed_days', 'loan_interest_usd',
  'loan_principal_usd', 'loan_balance_usd', 'cash_after_debt_usd',
];
const USD_CELL = /^-?\d+\.\d{2}$/;

async function download(page, action) {
  const details = page.locator('details.export-menu');
  if (!(await details.evaluate((d) => d.open))) await page.click('details.export-menu > summary');
  const [dl] = await Promise.all([page.waitForEvent('download'), page.click(`button[data-action="${action}"]`)]);
  return { name: dl.suggestedFilename(), text: fs.readFileSync(await dl.path(), 'utf8') };
}

test('CSV export: a header block and the inputs, then one row per month to the cent and the satoshi, consistent with compute()', T, async () => {
  const s = { horizon_months: 30, debt_pct: 50, debt_term_months: 18, opex_usd_month: 20000, btc_price_growth_pct_year: 15 };
  await withPage(suite.browser, calcUrl(scenarioQuery(s)), async (page) => {
    await waitForApi(page);
    const t0 = Date.now();
    const { name, text } = await download(page, 'export-csv');
    assert.match(name, /^hashprice-projection-\d{4}-\d{2}-\d{2}\.csv$/);
    assert.ok(!/Infinity|NaN/.test(text), 'no Infinity or NaN');
    const [head, inputs, months] = csvParts(text);
    const field = (k) => head.find((r) => r[0] === k)?.[1];
    const at = Date.parse(field('exported_at'));
    assert.match(field('exported_at'), /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/, 'exported_at is an ISO-8601 UTC time');
    assert.ok(Math.abs(at - t0) < 60000, `exported_at ${field('exported_at')} is now`);
    assert.match(field('model_version'), /^\d+\.\d+\.\d+/);
    assert.equal(name, `hashprice-projection-${field('exported_at').slice(0, 10)}.csv`);
    const shown = await readScenario(page);
    assert.deepEqual(inputs[0].slice(0, 2), ['input', 'value']);
    for (const [k, v] of Object.entries(shown)) {
      const r = inputs.find((x) => x[0] === k);
      assert.ok(r, `the inputs list ${k}`);
      assert.equal(typeof v === 'boolean' ? r[1] === 'true' : Number(r[1]), v, `input ${k}`);
    }
    // One machine group: its running share, then the convert strategy's cash over its own life.
    const columns = [...CSV_COLUMNS, 'group1_running_share', 'convert_net_cash_usd'];
    assert.deepEqual(months[0], columns);
    const input = (k) => Number(inputs.find((x) => x[0] === k)?.[1]);
    const life = input('hpc_build_months') + input('hpc_lease_term_months');
    assert.equal(months.length - 1, Math.max(shown.horizon_months, life), 'a row per month of the longer life');
    const rows = months.slice(1, 1 + shown.horizon_months);
    const col = (row, c) => Number(row[columns.indexOf(c)]);
    const r = await page.evaluate((sc) => window.hashprice.compute(sc), shown);
    const p = r.projection;
    months.slice(1).forEach((row, i) => {
      const want = r.decision.convert_monthly_net_usd[i];
      if (want === undefined) assert.equal(row.at(-1), '', `month ${i + 1}: past converting's life`);
      else assertClose(col(row, 'convert_net_cash_usd'), want, `month ${i + 1}: convert cash`, { rel: 0, abs: 0.005 + 1e-9 });
      if (i >= shown.horizon_months) assert.ok(row.slice(1, -1).every((c) => c === ''), `month ${i + 1}: no mining past the horizon`);
    });
    assert.equal(rows.length, p.monthly_net_usd.length);
    const cent = { rel: 0, abs: 0.005 + 1e-9 };
    rows.forEach((row, i) => {
      for (const c of CSV_COLUMNS.filter((x) => x.endsWith('_usd') || x.endsWith('_usd_per_ph_day'))) {
        assert.match(row[CSV_COLUMNS.indexOf(c)], USD_CELL, `month ${i + 1}: ${c} to the cent`);
      }
      assert.match(row[CSV_COLUMNS.indexOf('btc_mined')], /^\d+\.\d{8}$/, `month ${i + 1}: BTC to 8 decimals`);
      assert.equal(row[0], String(i + 1), 'month number');
      assertClose(col(row, 'net_cash_usd'), p.monthly_net_usd[i], `month ${i + 1}: net cash equals projection.monthly_net_usd to the cent`, cent);
      assertClose(col(row, 'revenue_usd') - col(row, 'power_cost_usd') - col(row, 'fixed_costs_usd'), col(row, 'net_cash_usd'), `month ${i + 1}: revenue - power - fixed = net`, { rel: 0, abs: 0.02 });
      const paid = col(row, 'loan_interest_usd') + col(row, 'loan_principal_usd');
      assertClose(paid, i < shown.debt_term_months ? p.debt_payment_usd_month : 0, `month ${i + 1}: interest + principal = the debt payment`, { rel: 0, abs: 0.01 + 1e-9 });
      if (i >= shown.debt_term_months) assert.equal(col(row, 'loan_balance_usd'), 0, `month ${i + 1}: no balance after the term`);
      assertClose(col(row, 'cash_after_debt_usd'), col(row, 'net_cash_usd') - paid, `month ${i + 1}: cash after debt service`, { rel: 0, abs: 0.02 });
      assert.match(row[columns.indexOf('group1_running_share')], /^[01]\.\d{4}$/, `month ${i + 1}: a share to 4 decimals`);
      const off = col(row, 'curtailed_days');
      assert.equal(col(row, 'group1_running_share') === 1, off === 0, `month ${i + 1}: runs every day exactly when no day is off`);
    });
    const n = rows.length;
    const sum = (c) => rows.reduce((a, row) => a + col(row, c), 0);
    assertClose(sum('btc_mined'), p.total_btc_mined, 'Σ BTC mined', { rel: 0, abs: n * 0.5e-8 + 1e-12 });
    assertClose(sum('revenue_usd'), p.total_revenue_usd, 'Σ revenue', { rel: 0, abs: n * 0.005 });
    assertClose(sum('power_cost_usd'), p.total_power_cost_usd, 'Σ power cost', { rel: 0, abs: n * 0.005 });
    assertClose(sum('fixed_costs_usd'), (shown.opex_usd_month / 30.4375) * p.horizon_days, 'Σ fixed costs', { rel: 0, abs: n * 0.005 });
    assertClose(col(rows.at(-1), 'cumulative_cash_usd'), p.total_net_usd, 'cumulative cash at the end = total net', { rel: 1e-9, abs: 0.005 });
    assertClose(col(rows[0], 'cumulative_cash_usd'), p.monthly_net_usd[0] - r.snapshot.capex_usd, 'cumulative cash starts from -capex', { rel: 1e-9, abs: 0.005 });
    assert.equal(col(rows[0], 'loan_balance_usd') > 0, true, 'a loan balance in the first month');
    // The menu closes on a choice; Export says what it did in the header's status line.
    await eventually(async () => assert.match(await page.locator('.site-header > [role=status]').textContent(), /^Projection downloaded as CSV \(inputs, then one row per month\)\.$/));
  });
});

test('valid but extreme links: what overflows reads "not defined" in every card and sentence, null in compute()', T, async () => {
  for (const q of ['?network_hashrate_ehs=1e-300', '?machine_efficiency_jth=1e-306', '?machine_efficiency_jth=4.9406564584e-314&machine2_count=10']) {
    await withPage(suite.browser, calcUrl(q), async (page) => {
      await waitForApi(page);
      await page.waitForSelector('#risk[data-stale="false"]', { timeout: 20000 });
      const text = await page.evaluate(() => document.body.innerText);
      const bad = text.match(/.{0,60}(∞|NaN|Infinity|undefined).{0,20}/);
      assert.equal(bad, null, `${q}: "${bad?.[0]}"`);
      const values = await page.$$eval('[data-value]', (els) => els.map((e) => e.getAttribute('data-value')));
      for (const v of values) assert.ok(v === '' || Number.isFinite(Number(v)), `${q}: data-value ${v}`);
      const nonNumbers = await page.evaluate((query) => {
        const s = Object.fromEntries([...new URLSearchParams(query)].map(([k, v]) => [k, Number(v)]));
        const out = [];
        const walk = (x, path) => {
          if (typeof x === 'number' && !Number.isFinite(x)) out.push(path);
          else if (x && typeof x === 'object') for (const [k, v] of Object.entries(x)) walk(v, `${path}.${k}`);
        };
        walk(window.hashprice.compute(s), 'compute()');
        return out;
      }, q.slice(1));
      assert.deepEqual(nonNumbers.slice(0, 5), [], `${q}: numbers or null only`);
    }, HOST);
  }
});

test('CSV export of a valid but extreme link: no Infinity or NaN, empty cells, and the status says why', T, async () => {
  const q = '?btc_price_usd=5e-324&network_hashrate_ehs=5e-324&machine_hashrate_ths=5e-324';
  await withPage(suite.browser, calcUrl(q), async (page) => {
    await waitForApi(page);
    await page.waitForSelector('[data-kpi="profit_usd_day"]');
    const { text } = await download(page, 'export-csv');
    assert.ok(!/Infinity|NaN/i.test(text), 'no Infinity or NaN in any cell');
    const [head, inputs, months] = csvParts(text);
    assert.equal(inputs.find((r) => r[0] === 'btc_price_usd')[1], '5e-324', 'the input as given');
    assert.deepEqual(months[0].slice(0, CSV_COLUMNS.length), CSV_COLUMNS);
    assert.ok(months.length > 1, 'the months are there');
    const empty = months.slice(1).flat().filter((c) => c === '').length;
    assert.ok(empty > 0, 'values that cannot be computed are empty cells');
    for (const row of months.slice(1)) for (const c of row) assert.ok(c === '' || Number.isFinite(Number(c)), `cell ${JSON.stringify(c)} is a number or empty`);
    assert.ok(head.some((r) => r[0] === 'note' && / is empty in /.test(r[1])), 'a header note says which columns are empty');
    await eventually(async () => assert.match(await page.locator('.site-header > [role=status]').textContent(), /Some cells are empty: .* is empty in \d+ of \d+ months/));
  }, HOST);
});

test('JSON export: the scenario and every result, equal to compute()', T, async () => {
  const s = { btc_price_usd: 86000, network_hashrate_ehs: 1150, curtail_when_unprofitable: false, mc_paths: 300 };
  await withPage(suite.browser, calcUrl(scenarioQuery(s)), async (page) => {
    await waitForApi(page);
    const { name, text } = await download(page, 'export-json');
    assert.equal(name, 'hashprice-scenario.json');
    const doc = JSON.parse(text);
    assert.deepEqual(Object.keys(doc).sort(), ['results', 'scenario', 'threshold']);
    assert.equal(doc.threshold, 35, 'the headline threshold in force (the default)');
    const defaults = await page.evaluate(() => window.hashprice.defaults());
    assert.deepEqual(doc.scenario, { ...defaults, ...s }, 'the scenario on the page, every key');
    const expected = await page.evaluate((sc) => window.hashprice.compute(sc), doc.scenario);
    assert.deepEqual(doc.results, expected, 'results equal compute(scenario)');
    const ref = siteCases()[0].expected;
    for (const section of ['snapshot', 'projection', 'hpc', 'decision']) {
      assert.deepEqual(Object.keys(doc.results[section]).sort(), Object.keys(ref[section]).sort(), `${section} keys`);
    }
  });
});

/** Chooses `content` as the file in the "Open a scenario (JSON)…" file chooser. */
async function openFile(page, name, content) {
  const details = page.locator('details.export-menu');
  if (!(await details.evaluate((d) => d.open))) await page.click('details.export-menu > summary');
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.click('button[data-action="open-json"]')]);
  await chooser.setFiles({ name, mimeType: 'application/json', buffer: Buffer.from(content) });
}

test('Open a scenario (JSON): an exported file brings its scenario back whole, with Undo; a bad file is refused with the reason', T, async () => {
  const s = { btc_price_usd: 72000, power_price_usd_kwh: 0.041, machine2_count: 1200, machine2_efficiency_jth: 21.5, debt_pct: 40, hpc_build_months: 9 };
  let exported;
  await withPage(suite.browser, calcUrl(scenarioQuery(s)), async (page) => {
    await waitForApi(page);
    exported = (await download(page, 'export-json')).text;
  });
  await withPage(suite.browser, calcUrl(''), async (page) => {
    await waitForApi(page);
    const npv = () => page.getAttribute('[data-kpi="npv_usd"]', 'data-value');
    const before = await npv();
    // Refused, each with its reason; the scenario stays.
    await openFile(page, 'notes.json', 'not json');
    const said = page.locator('.site-header > [role=status]');
    await eventually(async () => assert.equal(await said.textContent(), 'Could not open notes.json: it is not JSON.'));
    await openFile(page, 'bad.json', JSON.stringify({ scenario: { btc_price_usd: '95000' } }));
    await eventually(async () => assert.equal(await said.textContent(), 'Could not open bad.json: btc_price_usd: must be a number, got a string.'));
    assert.equal(await npv(), before, 'nothing applied');

    await openFile(page, 'hashprice-scenario.json', exported);
    const want = await page.evaluate((sc) => window.hashprice.compute(sc).projection.npv_usd, JSON.parse(exported).scenario);
    await eventually(async () => assert.equal(Number(await npv()), want));
    assert.equal(await said.textContent(), 'Opened hashprice-scenario.json.', 'the same line: the refusal is history');
    await eventually(async () => assert.match(page.url(), /machine2_count=1200/, 'the link follows'));
    assert.equal(await page.inputValue('input.num[name="btc_price_usd"]'), '72000');
    // Undo brings back the scenario from before.
    await page.click('button[data-action="undo"]');
    await eventually(async () => assert.equal(await npv(), before));
  }, HOST);
});

test('Open a scenario (JSON): the file reopens to the page it was made on, the headline threshold included; a bad threshold refuses it', T, async () => {
  const s = { btc_price_usd: 88000, machine2_count: 3000, machine2_efficiency_jth: 21.5 };
  let exported;
  let said;
  await withPage(suite.browser, calcUrl(scenarioQuery(s) + '&threshold=40'), async (page) => {
    await waitForApi(page);
    exported = (await download(page, 'export-json')).text;
    said = await page.locator('#headline .headline-text').textContent();
  });
  assert.equal(JSON.parse(exported).threshold, 40, 'the file carries the threshold');
  assert.match(said, /below \$40\.00/);
  await withPage(suite.browser, calcUrl(''), async (page) => {
    await waitForApi(page);
    const headline = page.locator('#headline .headline-text');
    await eventually(async () => assert.match(await headline.textContent(), /above \$35\.00/));
    await openFile(page, 'hashprice-scenario.json', exported);
    await eventually(async () => assert.equal(await headline.textContent(), said, 'the headline says what it said where the file was made'));
    assert.equal(await page.inputValue('input[name="headline_threshold"]'), '40', 'the threshold field shows it');
    await eventually(async () => assert.match(page.url(), /[?&]threshold=40(&|$)/, 'the link carries it'));
    // A file whose threshold the page cannot take is refused whole, naming it.
    const bad = JSON.stringify({ ...JSON.parse(exported), threshold: -1, scenario: { btc_price_usd: 50000 } });
    await openFile(page, 'bad.json', bad);
    await eventually(async () => assert.equal(await page.locator('.site-header > [role=status]').textContent(),
      'Could not open bad.json: threshold: must be a number above 0 and at most 100,000.'));
    assert.equal(await page.inputValue('input.num[name="btc_price_usd"]'), '88000', 'nothing applied');
  }, HOST);
});

test('Embed button: one script tag for the scenario, panels and look, shown and copied on request, with a live preview; pasted into a page it loads the embed', T, async () => {
  const s = { btc_price_usd: 101000, machine_count: 3000 };
  let snippet;
  await withPage(suite.browser, calcUrl(scenarioQuery(s)), async (page, p) => {
    await p.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: suite.site });
    await page.evaluate(() => navigator.clipboard.writeText('what the visitor copied before'));
    await page.click('button[data-action="embed"]');
    const area = page.locator('#embed-code');
    await area.waitFor();
    snippet = await area.inputValue();
    assert.equal(snippet, `<script src="${calcUrl('embed.js')}" data-base="2025-11" data-btc_price_usd="101000" data-machine_count="3000" async></script>`);
    // Opening shows the code and leaves the clipboard alone; "Copy code" copies it.
    await page.waitForTimeout(300);
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), 'what the visitor copied before');
    assert.equal(await page.locator('.embed-dialog > .status').innerText(), '');
    await page.click('button[data-action="copy-embed"]');
    await eventually(async () => assert.equal(await page.evaluate(() => navigator.clipboard.readText()), snippet));
    await eventually(async () => assert.match(await page.locator('.embed-dialog > .status').innerText(), /copied/i));

    // Choosing fewer panels updates the snippet; so do the theme, the accent and the threshold.
    await page.uncheck('input[name="embed-panel"][value="inputs"]');
    await eventually(async () => assert.match(await area.inputValue(), /data-panels="kpis,headline,cash,[a-z,]*,results,assumptions"/));
    await page.uncheck('input[name="embed-panel"][value="assumptions"]');
    await eventually(async () => assert.match(await area.inputValue(), /data-panels="kpis,headline,[a-z,]*,results" data-assumptions="0"/));
    await page.selectOption('select[name="embed-theme"]', 'dark');
    await page.fill('input[name="embed-accent"]', 'red');
    await page.press('input[name="embed-accent"]', 'Tab');
    await eventually(async () => assert.match(await area.inputValue(), / data-theme="dark" data-base="2025-11" data-btc_price_usd/, 'not a colour: no accent'));
    await page.fill('input[name="embed-accent"]', '#1E3A8A');
    await page.press('input[name="embed-accent"]', 'Tab');
    await page.fill('input[name="embed-threshold"]', '40');
    await page.press('input[name="embed-threshold"]', 'Tab');
    await eventually(async () => assert.match(await area.inputValue(), / data-theme="dark" data-accent="#1e3a8a" data-threshold="40" data-base="2025-11" data-btc_price_usd="101000"/));
    snippet = await area.inputValue();
    // The preview is that embed, live, once opened.
    await page.click('.embed-preview-box > summary');
    const preview = new URL(await page.getAttribute('.embed-preview', 'src'));
    assert.deepEqual(Object.fromEntries(preview.searchParams), {
      embed: '1', panels: /data-panels="([^"]+)"/.exec(snippet)[1], assumptions: '0', theme: 'dark', accent: '#1e3a8a', threshold: '40', base: '2025-11', btc_price_usd: '101000', machine_count: '3000',
    });
    const frame = page.frameLocator('.embed-preview');
    await eventually(async () => assert.equal(await frame.locator('html').getAttribute('data-theme'), 'dark'), { timeout: 10000 });
    const m = snapshot({ ...defaultScenario(), ...s });
    await eventually(async () => assertClose(Number(await frame.locator('[data-kpi="profit_usd_day"]').getAttribute('data-value')), m.profit_usd_day, 'the preview\'s scenario'), { timeout: 10000 });
  });
  // Pasted as is into a page of the site, the script tag inserts the calculator, and the page can drive it.
  fs.writeFileSync(path.join(suite.tmp, 'pasted.html'), `<!doctype html><html lang="en"><title>host</title><link rel="icon" href="data:,"><body>${snippet}</body></html>`);
  await withPage(suite.browser, suite.site + '/pasted.html', async (page) => {
    const frame = await (await page.waitForSelector('iframe.hashprice-frame')).contentFrame();
    await frame.waitForFunction(() => document.querySelector('[data-kpi="profit_usd_day"]')?.dataset.value, null, { timeout: 20000 });
    assert.equal(await frame.$('.site-header'), null, 'embed mode: no header');
    assert.equal(await frame.$('aside.inputs'), null, 'the unchecked panel is gone');
    assert.equal(await frame.$('#assumptions'), null, 'so is the unchecked assumptions card');
    assert.equal(await frame.evaluate(() => document.documentElement.dataset.theme), 'dark');
    const m = snapshot({ ...defaultScenario(), ...s });
    assertClose(await kpi(frame, 'profit_usd_day'), m.profit_usd_day, 'the embedded scenario');
    await page.evaluate((o) => document.querySelector('iframe').contentWindow.postMessage({ type: 'hashprice:scenario', scenario: { btc_price_usd: 150000 } }, o), suite.site);
    const want = snapshot({ ...defaultScenario(), ...s, btc_price_usd: 150000 }).profit_usd_day;
    await eventually(async () => assertClose(await kpi(frame, 'profit_usd_day'), want, 'a scenario message applied in the frame'), { timeout: 5000 });
  }, { waitForKpi: false });
});

test('Embed dialog: unticking every panel keeps the last choice in the code and the preview (never data-panels=""), and a live note beside the panels says so', T, async () => {
  await withPage(suite.browser, calcUrl(''), async (page) => {
    await waitForApi(page);
    await page.click('button[data-action="embed"]');
    const area = page.locator('#embed-code');
    await area.waitFor();
    const note = page.locator('.embed-panels > [role="status"]');
    assert.equal(await note.getAttribute('aria-live'), 'polite', 'the note is a polite live region inside the panels fieldset');
    // In the accessibility tree before it says anything: a live region that appears with its text may go unspoken.
    const cdp = await page.context().newCDPSession(page);
    const { root } = await cdp.send('DOM.getDocument', { depth: 0 });
    const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector: '.embed-panels > [role="status"]' });
    const { nodes } = await cdp.send('Accessibility.getPartialAXTree', { nodeId, fetchRelatives: false });
    assert.ok(nodes[0] && !nodes[0].ignored && nodes[0].role?.value === 'status', `the empty note is a status node: ${JSON.stringify(nodes[0])}`);

    const values = await page.locator('input[name="embed-panel"]').evaluateAll((els) => els.map((e) => e.value));
    for (const v of values) if (v !== 'kpis') await page.uncheck(`input[name="embed-panel"][value="${v}"]`);
    await eventually(async () => assert.match(await area.inputValue(), / data-panels="kpis" data-assumptions="0" /));
    assert.equal(await note.innerText(), '');
    // The last one, unticked from the keyboard: the code and the preview keep "kpis"; the note says why.
    await page.focus('input[name="embed-panel"][value="kpis"]');
    await page.keyboard.press('Space');
    assert.equal(await page.isChecked('input[name="embed-panel"][value="kpis"]'), false, 'the box is unticked as the visitor asked');
    await eventually(async () => assert.equal(await note.innerText(), 'Tick at least one panel. The code keeps the last choice.'));
    const code = await area.inputValue();
    assert.match(code, / data-panels="kpis" data-assumptions="0" /);
    assert.doesNotMatch(code, /data-panels=""/);
    assert.equal(new URL(await page.getAttribute('.embed-preview', 'src')).searchParams.get('panels'), 'kpis', 'the preview shows the panels in force');
    assert.equal(await page.evaluate(() => document.activeElement.value), 'kpis', 'the focus stays on the box');
    // Ticking another: that one is the choice, and the note goes.
    await page.check('input[name="embed-panel"][value="cash"]');
    await eventually(async () => assert.match(await area.inputValue(), / data-panels="cash" data-assumptions="0" /));
    assert.equal(await note.innerText(), '');
    assert.equal(new URL(await page.getAttribute('.embed-preview', 'src')).searchParams.get('panels'), 'cash');
    // Unticked again and the dialog reopened: the boxes show the choice in force, with no note.
    await page.uncheck('input[name="embed-panel"][value="cash"]');
    await eventually(async () => assert.match(await note.innerText(), /^Tick at least one panel/));
    assert.match(await area.inputValue(), / data-panels="cash" /);
    await page.keyboard.press('Escape');
    await page.click('button[data-action="embed"]');
    await area.waitFor();
    const ticked = await page.locator('input[name="embed-panel"]:checked').evaluateAll((els) => els.map((e) => e.value));
    assert.deepEqual(ticked, ['cash']);
    assert.equal(await note.innerText(), '');
    assert.match(await area.inputValue(), / data-panels="cash" /);
  });
});

test('Escape in the embed dialog with a colour or threshold just typed closes it, and the page lives on', T, async () => {
  await withPage(suite.browser, calcUrl(''), async (page) => {
    await waitForApi(page);
    for (const [name, text] of [['embed-accent', '#123456'], ['embed-threshold', '41']]) {
      await page.click('button[data-action="embed"]');
      await page.locator('#embed-dialog').waitFor();
      const field = page.locator(`#embed-dialog input[name="${name}"]`);
      await field.click();
      await field.pressSequentially(text);
      // Escape removes the dialog with the field still focused and changed: its change fires during the removal.
      await page.keyboard.press('Escape');
      await eventually(async () => assert.equal(await page.locator('#embed-dialog').count(), 0, `Escape closes it (${name})`));
    }
    // Still alive: an input still moves the results (a panic would have stopped the page, and failed the test).
    const before = await page.locator('[data-kpi="hashprice_usd_per_ph_day"]').getAttribute('data-value');
    const price = page.locator('input.num[name=btc_price_usd]');
    await price.click();
    await price.press('ControlOrMeta+a');
    await price.pressSequentially('80000');
    await eventually(async () => assert.notEqual(await page.locator('[data-kpi="hashprice_usd_per_ph_day"]').getAttribute('data-value'), before));
  });
});

test('the export menu and the embed dialog close on Escape (focus back on their toggle) and on a click outside them', T, async () => {
  await withPage(suite.browser, calcUrl(''), async (page) => {
    await waitForApi(page);
    const menuOpen = () => page.locator('details.export-menu').evaluate((d) => d.open);
    const dialogs = () => page.locator('#embed-dialog').count();
    await page.click('details.export-menu > summary');
    assert.equal(await menuOpen(), true, 'the menu opens');
    await page.click('.export-menu .menu-body', { position: { x: 2, y: 2 } });
    assert.equal(await menuOpen(), true, 'a click inside keeps it open');
    await page.mouse.click(700, 600);
    await eventually(async () => assert.equal(await menuOpen(), false, 'a click outside closes it'));
    await page.click('details.export-menu > summary');
    await page.keyboard.press('Escape');
    await eventually(async () => assert.equal(await menuOpen(), false, 'Escape closes it'));
    assert.equal(await page.evaluate(() => document.activeElement.dataset.action), 'export', 'focus is back on Export');

    await page.click('button[data-action="embed"]');
    await page.locator('#embed-dialog').waitFor();
    await page.uncheck('input[name="embed-panel"][value="inputs"]');
    assert.equal(await dialogs(), 1, 'a click inside the dialog keeps it open');
    await page.mouse.click(700, 600);
    await eventually(async () => assert.equal(await dialogs(), 0, 'a click outside closes it'));
    assert.equal(await page.getAttribute('button[data-action="embed"]', 'aria-expanded'), 'false');
    await page.click('button[data-action="embed"]');
    await page.locator('#embed-code').focus();
    await page.keyboard.press('Escape');
    await eventually(async () => assert.equal(await dialogs(), 0, 'Escape closes it'));
    assert.equal(await page.evaluate(() => document.activeElement.dataset.action), 'embed', 'focus is back on Embed');
    // Escape closes them with the focus elsewhere too, and leaves that focus where it is.
    await page.click('details.export-menu > summary');
    await page.locator('input.num[name=btc_price_usd]').focus();
    await page.keyboard.press('Escape');
    await eventually(async () => assert.equal(await menuOpen(), false, 'Escape from a field closes the menu'));
    assert.equal(await page.evaluate(() => document.activeElement.name), 'btc_price_usd');
    // Tabbing out of the open menu closes it.
    await page.click('details.export-menu > summary');
    for (let i = 0; i < 6; i++) await page.keyboard.press('Tab');
    await eventually(async () => assert.equal(await menuOpen(), false, 'the focus left the menu: it closed'));
  });
  // At tablet widths the embed dialog stays on the screen (it hung off the left edge from its button).
  await withPage(suite.browser, calcUrl(''), async (page) => {
    await waitForApi(page);
    for (const width of [768, 800, 1024]) {
      await page.setViewportSize({ width, height: 900 });
      await page.click('button[data-action="embed"]');
      const box = await page.locator('#embed-dialog').boundingBox();
      assert.ok(box.x >= 0 && box.x + box.width <= width, `at ${width} px the dialog spans ${box.x}…${box.x + box.width}`);
      await page.keyboard.press('Escape');
    }
  });
});

test('print stylesheet: controls hidden; inputs, KPIs, the charts and the hardware table printed; an invalid row prints why; the day and link', T, async () => {
  await withPage(suite.browser, calcUrl(), async (page) => {
    await page.fill(textFieldSelector('btc_price_usd'), '-50000');
    const error = page.locator('#err-btc_price_usd');
    await eventually(async () => assert.notEqual(await error.innerText(), ''));
    await page.emulateMedia({ media: 'print' });
    const visible = async (sel) => page.locator(sel).first().isVisible();
    for (const sel of ['button[data-action="export-csv"]', 'button[data-action="copy-link"]', 'input[type="range"]', 'select#preset-select', 'details.export-menu']) {
      assert.equal(await visible(sel), false, `${sel} is hidden in print`);
    }
    for (const sel of ['.kpi-strip', '#cash', '#cash svg', '.all-kpis', textFieldSelector('btc_price_usd'), 'h1', '#risk [data-kpi=mc_payback_probability]']) {
      assert.equal(await visible(sel), true, `${sel} prints`);
    }
    for (const sel of ['#risk svg', '#risk .data-table']) {
      assert.equal(await visible(sel), false, `${sel} does not print`);
    }
    // The analyst's exhibits print: hashprice against shutdown, the monthly cash with the loan, and the machines
    // underwater, whose names (buttons on screen) print as text.
    for (const sel of ['#hashprice svg', '#monthly svg', '#hardware table', '#hardware th button.link']) {
      assert.equal(await visible(sel), true, `${sel} prints`);
    }
    assert.equal(await visible('#monthly .data-table'), false, 'the chart\'s data table does not');
    // At A4 width the machine model's name is not cut off.
    await page.setViewportSize({ width: 794, height: 1123 });
    const [sw, cw] = await page.locator('#machine-preset').evaluate((el) => [el.scrollWidth, el.clientWidth]);
    const text = await page.locator('#machine-preset').evaluate((el) => el.selectedOptions[0].textContent);
    const fits = await page.locator('#machine-preset').evaluate((el, t) => {
      const c = document.createElement('canvas').getContext('2d');
      const st = getComputedStyle(el);
      c.font = `${st.fontWeight} ${st.fontSize} ${st.fontFamily}`;
      return c.measureText(t).width <= el.clientWidth;
    }, text);
    assert.ok(fits && sw <= cw, `the machine model "${text}" fits its ${cw} px`);
    // The rejected text is not taken for the input: its error and the value the results use print beside it.
    assert.equal(await error.isVisible(), true, 'the invalid row\'s error prints');
    const inForce = await error.evaluate((el) => getComputedStyle(el, '::after').content);
    assert.equal(inForce, '" The results use 95000."');
    assert.equal(await visible('#err-uptime_pct'), false, 'a valid row prints no error');
    const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    assert.equal(bg, 'rgb(255, 255, 255)', 'white paper');
    fs.mkdirSync(path.join(ROOT, 'screenshots'), { recursive: true });
    // Paper says when it was printed and the link that reproduces it, the last edit included at once
    // (the address bar follows edits only after 250 ms).
    await page.fill(textFieldSelector('uptime_pct'), '91.5');
    await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
    const stamp = page.locator('.site-footer .print-stamp');
    assert.equal(await stamp.isVisible(), true, 'the printed line prints');
    const line = await stamp.innerText();
    assert.match(line, /^Printed \d{1,2} [A-Z][a-z]{2} 20\d\d from http/);
    assert.ok(line.endsWith(`from ${page.url()}`), `${line} names the page's link ${page.url()}`);
    assert.ok(page.url().includes('uptime_pct=91.5'), `the link ${page.url()} carries the edit`);
    await page.pdf({ path: path.join(ROOT, 'screenshots', 'print-summary.pdf') }).catch(() => {});
    await page.emulateMedia({ media: 'screen' });
    assert.equal(await stamp.isVisible(), false, 'the printed line is for paper only');
    assert.equal(await visible('button[data-action="copy-link"]'), true, 'the screen layout is back');
  });
});

test('accent colour: charts take it where it stands out at 3:1, text where it reads at 4.5:1', T, async () => {
  const vars = (page) => page.evaluate(() => {
    const st = getComputedStyle(document.querySelector('.app'));
    return ['--accent', '--btc'].map((v) => st.getPropertyValue(v).trim().toLowerCase());
  });
  await withPage(suite.browser, calcUrl('?embed=1&accent=%23115e59'), async (page) => {
    assert.deepEqual(await vars(page), ['#115e59', '#115e59'], 'a dark teal is fine for text on white');
  });
  await withPage(suite.browser, calcUrl('?embed=1&accent=%2360a5fa'), async (page) => {
    const [accent, btc] = await vars(page);
    assert.equal(btc, '#f7931a', 'charts keep the default: pale blue is 2.5:1 on white, under 3:1');
    assert.equal(accent, '#b45309', 'so does text');
    // On the dark theme pale blue reads well (7:1), so text takes it there; switching back restores the default.
    await page.evaluate(() => document.documentElement.setAttribute('data-theme', 'dark'));
    assert.deepEqual(await vars(page), ['#60a5fa', '#60a5fa']);
  });
  // Navy: fine on white, unreadable on the dark surface (text and charts), also when the OS sets dark (auto).
  await withPage(suite.browser, calcUrl('?embed=1&accent=%231e3a8a'), async (page) => {
    assert.deepEqual(await vars(page), ['#1e3a8a', '#1e3a8a']);
    await page.emulateMedia({ colorScheme: 'dark' });
    assert.deepEqual(await vars(page), ['#fbbf24', '#f7931a'], 'OS dark + auto theme: text and charts take the dark defaults');
    await page.evaluate(() => document.documentElement.setAttribute('data-theme', 'light'));
    assert.deepEqual(await vars(page), ['#1e3a8a', '#1e3a8a'], 'an explicit light theme wins over the OS');
  });
  // Yellow vanishes on white (1.4:1): the charts keep the default orange there, and take it on dark.
  await withPage(suite.browser, calcUrl('?embed=1&accent=%23ffcc00&theme=light'), async (page) => {
    assert.deepEqual(await vars(page), ['#b45309', '#f7931a']);
    await page.evaluate(() => document.documentElement.setAttribute('data-theme', 'dark'));
    assert.deepEqual(await vars(page), ['#ffcc00', '#ffcc00']);
  });
});

test('embed mode neither reads nor overwrites the visitor\'s saved scenario', T, async () => {
  const saved = 'btc_price_usd=70000';
  await withPage(suite.browser, calcUrl('?embed=1&panels=kpis,inputs'), async (page) => {
    // The visitor's own scenario, saved on a visit to the full page.
    await page.evaluate((q) => localStorage.setItem('hashprice.scenario', q), saved);
    await page.reload();
    await page.waitForFunction(() => document.querySelector('[data-kpi="hashprice_usd_per_ph_day"]')?.dataset.value);
    const m = snapshot(defaultScenario());
    assertClose(await kpi(page, 'hashprice_usd_per_ph_day'), m.hashprice_usd_per_ph_day, 'embedded page starts from its link, not storage');
    // Change an input inside the embed and let the debounced URL write happen.
    await page.fill(textFieldSelector('btc_price_usd'), '123000');
    await eventually(async () => assert.match(await page.evaluate(() => location.search), /btc_price_usd=123000/), { timeout: 3000 });
    assert.equal(await page.evaluate(() => localStorage.getItem('hashprice.scenario')), saved, 'storage untouched');
  });
});

test('a theme from the link or an embed applies to that view only; the theme button saves the visitor\'s choice', T, async () => {
  const theme = (page) => page.evaluate(() => [document.documentElement.getAttribute('data-theme'), localStorage.getItem('hashprice.theme')]);
  const load = async (page, url) => {
    await page.goto(url);
    await page.waitForFunction(() => document.querySelector('[data-kpi="hashprice_usd_per_ph_day"]')?.dataset.value);
  };
  await withPage(suite.browser, calcUrl(), async (page) => {
    await page.evaluate(() => localStorage.setItem('hashprice.theme', 'light'));
    for (const q of ['?embed=1&theme=dark', '?theme=dark']) {
      await load(page, calcUrl(q));
      assert.deepEqual(await theme(page), ['dark', 'light'], `${q}: dark here, the saved theme untouched`);
    }
    await load(page, calcUrl());
    assert.deepEqual(await theme(page), ['light', 'light'], 'the saved theme applies without a link');
    await page.click('button[data-action="theme"]');
    await eventually(async () => assert.deepEqual(await theme(page), [null, 'auto'], 'the button cycles light → auto and saves it'));
  });
});

test('in an embed (no header, so no Undo) a machine picked in the hardware table and a group removed are put in force', T, async () => {
  await withPage(suite.browser, calcUrl('?embed=1&panels=kpis,inputs,hardware&machine2_count=10'), async (page) => {
    const hashrate = page.locator('input.num[name="machine_hashrate_ths"]');
    const pro = page.locator('#hardware button[data-model="Antminer S21 Pro"]');
    await pro.click();
    await eventually(async () => assert.equal(await hashrate.inputValue(), '234'));
    assert.equal(await page.locator('#hardware .status').innerText(), 'Group 1 now runs the Antminer S21 Pro, at its price and resale value.', 'no Undo to point to');
    // The machine in use, clicked again: said, and nothing replaced.
    await page.locator('#hardware button[data-model="Antminer S21 Pro"]').click();
    await eventually(async () => assert.equal(await page.locator('#hardware .status').innerText(), 'Group 1 already runs the Antminer S21 Pro, at its price and resale value.'));
    await page.locator('fieldset.machine-group:visible button.remove-group').first().click();
    await eventually(async () => assert.equal(await page.locator('fieldset.machine-group:visible').count(), 0, 'the group is off the site'));
    assert.equal(await page.locator('#panel-machine p.visually-hidden[aria-live]').textContent(), 'Machine group 2 removed', 'no header: the editor says it');
    await eventually(async () => assert.equal(await page.locator('#hardware tr[data-group]').count(), 1, 'one site row left'));
  });
});

test('an embed asks mempool.space nothing unless its host sets live=1: no "Load price history" without it', T, async () => {
  await withPage(suite.browser, calcUrl('?embed=1&panels=history'), async (page) => {
    await page.locator('#history').waitFor();
    assert.equal(await page.locator('button[data-history-prices]').isVisible(), false);
  }, { waitForKpi: false });
  await withPage(suite.browser, calcUrl('?embed=1&panels=history&live=1'), async (page) => {
    await page.locator('#history').waitFor();
    assert.equal(await page.locator('button[data-history-prices]').isVisible(), true);
  }, { waitForKpi: false });
});

// Issue 20 end-to-end: the calculator embedded by a host on ANOTHER origin. The calculator's site (dist/ under
// /tools/hashprice/, with the documented security headers) and the host's site (pages written here) are two
// servers on different ports of 127.0.0.1, so every message crosses origins as it would on a real site.
// Also: the one-line embed.js, protocol 1 messages, origin=, hostile hosts, the locked-down page (CSP, the
// fixed API surface, WASM integrity) and a framed page that must not touch the visitor's storage.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServer } from './server.mjs';
import { snapshot } from './model.mjs';
import { DIST, launchBrowser, withPage, openPage, defaultScenario, kpi, allKpis, eventually, assertClose, screenshot } from './helpers.mjs';

const T = { timeout: 120000 };
const CALC = '/tools/hashprice/';
const suite = { calc: null, host: null, browser: null, hostDir: null, tampered: null, tamperedServer: null };

before(async () => {
  suite.calc = await startServer({ root: DIST, prefix: CALC });
  suite.hostDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hashprice-host-'));
  fs.writeFileSync(path.join(suite.hostDir, 'index.html'), '<!doctype html><title>host</title><link rel="icon" href="data:,">');
  suite.host = await startServer({ root: suite.hostDir, prefix: '/' });
  assert.notEqual(suite.calc.origin, suite.host.origin);
  suite.browser = await launchBrowser();
});
after(async () => {
  await suite.browser?.close();
  await suite.calc?.close();
  await suite.host?.close();
  await suite.tamperedServer?.close();
  for (const d of [suite.hostDir, suite.tampered]) if (d) fs.rmSync(d, { recursive: true, force: true });
});

const calcUrl = (q = '') => suite.calc.url + q;
let pages = 0;

/** Writes a host page (served by the host's origin) and returns its URL. */
function hostPage(body, { css = '' } = {}) {
  const name = `host-${++pages}.html`;
  fs.writeFileSync(path.join(suite.hostDir, name), `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>Example Mining Co.</title><link rel="icon" href="data:,">
<style>body { margin: 0; padding: 1rem; font: 16px/1.5 Georgia, serif; background: #fff; color: #1f2937; } ${css}</style></head>
<body><h1>Example Mining Co. · investors</h1>${body}</body></html>`);
  return `${suite.host.url}${name}`;
}

/** Host-page options: the calculator's origin may be requested (openPage blocks every other origin). */
const onHost = (extra = {}) => ({
  waitForKpi: false,
  ...extra,
  allowOrigins: [suite.calc.origin],
  beforeGoto: async (page, p) => {
    await page.route(`${suite.calc.origin}/**`, (r) => r.continue());
    // Every frame records the messages it receives, and any CSP violation.
    await page.addInitScript(() => {
      window.__msgs = [];
      window.__csp = [];
      addEventListener('message', (e) => window.__msgs.push({ origin: e.origin, data: e.data }));
      addEventListener('securitypolicyviolation', (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    if (extra.beforeGoto) await extra.beforeGoto(page, p);
  },
});

/** The frame inside a host page once its headline KPI has a value. Polled on a timer: Playwright's default
 * polling waits for animation frames, which a frame out of view may stop getting (this timed out once in CI). */
async function frameIn(page, selector = 'iframe') {
  const handle = await page.waitForSelector(selector, { timeout: 10000 });
  const frame = await handle.contentFrame();
  await frame.waitForFunction(() => document.querySelector('[data-kpi="hashprice_usd_per_ph_day"]')?.getAttribute('data-value'), null, { timeout: 20000, polling: 50 });
  return frame;
}

const messages = (page, type) => page.evaluate((t) => window.__msgs.filter((m) => m.data?.type === t), type);

// ---------------------------------------------------------------- the one-line embed

test('embed.js: one script tag on another origin inserts the calculator at its content height, with the options it carries', T, async () => {
  const url = hostPage(`<p>Our fleet's economics:</p>
<script src="${calcUrl('embed.js')}" data-panels="kpis,cash" data-theme="dark" data-btc_price_usd="90000" async></script>
<p id="after">Figures are illustrative.</p>`);
  await withPage(suite.browser, url, async (page) => {
    const frame = await frameIn(page);
    const src = new URL(await page.$eval('iframe', (f) => f.src));
    assert.equal(src.origin + src.pathname, calcUrl());
    assert.deepEqual(Object.fromEntries(src.searchParams), { embed: '1', panels: 'kpis,cash', theme: 'dark', btc_price_usd: '90000', origin: suite.host.origin });
    assert.ok(await page.$eval('iframe', (f) => f.nextElementSibling?.id === 'after'), 'the frame stands where the script was');
    assertClose(await kpi(frame, 'hashprice_usd_per_ph_day'), snapshot({ ...defaultScenario(), btc_price_usd: 90000 }).hashprice_usd_per_ph_day, 'the data-* scenario key');
    assert.equal(await frame.evaluate(() => document.documentElement.dataset.theme), 'dark');
    assert.equal(await frame.$('aside.inputs'), null, 'only the chosen panels');
    await eventually(async () => {
      const outer = await page.$eval('iframe', (f) => f.getBoundingClientRect().height);
      const inner = await frame.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
      assert.ok(Math.abs(outer - inner) <= 1 && outer > 300, `iframe ${outer}px, content ${inner}px`);
    }, { timeout: 8000 });
    assert.deepEqual(await page.evaluate(() => window.__csp), [], 'no CSP violation on the host');
  }, onHost());
});

test('embed.js: several <div data-hashprice> embeds on one page, each sized and answering on its own; screenshots light and dark, 390 and 1280 px', T, async () => {
  const url = hostPage(`<p>Base case and assumptions:</p>
<div data-hashprice id="one" data-panels="kpis,cash" data-bg="transparent"></div>
<p>Our own background behind the second one:</p>
<div data-hashprice id="two" data-panels="kpis" data-theme="light" data-accent="#1e3a8a" data-threshold="40"></div>
<script src="${calcUrl('embed.js')}" async></script>`, { css: '#two { background: #eef2ff; padding: 0.5rem; } @media (prefers-color-scheme: dark) { :root { color-scheme: dark; } body { background: #0f172a; color: #e5e7eb; } }' });
  for (const [width, scheme] of [[1280, 'light'], [390, 'light'], [1280, 'dark'], [390, 'dark']]) {
    await withPage(suite.browser, url, async (page) => {
      await page.emulateMedia({ colorScheme: scheme });
      const one = await frameIn(page, '#one iframe');
      const two = await frameIn(page, '#two iframe');
      assert.equal(await page.locator('iframe').count(), 2, 'one frame per slot, none for the script itself');
      assert.equal(new URL(await page.$eval('#two iframe', (f) => f.src)).searchParams.get('threshold'), '40');
      assert.equal(await one.evaluate(() => getComputedStyle(document.body).backgroundColor), 'rgba(0, 0, 0, 0)', 'bg=transparent');
      for (const [sel, f] of [['#one', one], ['#two', two]]) {
        await eventually(async () => {
          const outer = await page.$eval(`${sel} iframe`, (el) => el.getBoundingClientRect().height);
          const inner = await f.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
          assert.ok(Math.abs(outer - inner) <= 1, `${sel}: iframe ${outer}px, content ${inner}px`);
        }, { timeout: 8000 });
      }
      // A scenario sent to the second frame changes it alone; the answer arrives as a DOM event on its iframe.
      await page.evaluate((origin) => {
        window.__events = [];
        for (const t of ['hashprice:applied', 'hashprice:error', 'hashprice:results']) {
          document.addEventListener(t, (e) => window.__events.push({ on: e.target.closest('[data-hashprice]').id, type: e.type, detail: e.detail }));
        }
        document.querySelector('#two iframe').contentWindow.postMessage({ type: 'hashprice:scenario', scenario: { btc_price_usd: 150000 } }, origin);
      }, suite.calc.origin);
      const bull = snapshot({ ...defaultScenario(), btc_price_usd: 150000 });
      await eventually(async () => assertClose(await kpi(two, 'hashprice_usd_per_ph_day'), bull.hashprice_usd_per_ph_day, 'the second frame'));
      assertClose(await kpi(one, 'hashprice_usd_per_ph_day'), snapshot(defaultScenario()).hashprice_usd_per_ph_day, 'the first is untouched');
      await eventually(async () => {
        const ev = await page.evaluate(() => window.__events);
        const applied = ev.find((e) => e.type === 'hashprice:applied');
        assert.ok(applied && applied.on === 'two' && applied.detail.scenario.btc_price_usd === 150000, JSON.stringify(ev));
        assert.ok(ev.some((e) => e.type === 'hashprice:results' && e.on === 'two' && e.detail.scenario.btc_price_usd === 150000));
      });
      // The whole host page in one view (a full-page capture leaves frames below the first view unpainted).
      await page.setViewportSize({ width, height: await page.evaluate(() => Math.ceil(document.documentElement.scrollHeight)) });
      await page.waitForTimeout(300);
      await screenshot(page, `embed-host-${scheme}-${width}`);
      assert.deepEqual(await page.evaluate(() => window.__csp), []);
    }, onHost({ viewport: { width, height: 900 } }));
  }
});

test('embed.js: a risk embed below the fold computes and reports its full height before the visitor scrolls to it', T, async () => {
  // A cross-origin frame out of view gets no animation frames and no ResizeObserver callbacks (Chromium does not
  // render it): the risk run and the height must not wait for either.
  const url = hostPage(`<div style="height: 3000px">Annual report…</div>
<div data-hashprice id="risk-embed" data-panels="kpis,headline,risk"></div>
<script src="${calcUrl('embed.js')}" async></script>`);
  await withPage(suite.browser, url, async (page) => {
    const frame = await frameIn(page, '#risk-embed iframe');
    assert.equal(await page.evaluate(() => scrollY), 0, 'never scrolled');
    assert.ok(await page.$eval('#risk-embed iframe', (f) => f.getBoundingClientRect().top) > 900, 'the frame is out of view');
    await frame.waitForSelector('#risk[data-stale="false"]', { timeout: 15000 });
    assert.notEqual(await frame.getAttribute('[data-kpi="mc_npv_usd_p50"]', 'data-value'), '', 'the risk KPIs are computed');
    await eventually(async () => {
      const outer = await page.$eval('#risk-embed iframe', (f) => f.getBoundingClientRect().height);
      const inner = await frame.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
      assert.ok(Math.abs(outer - inner) <= 1, `iframe ${outer}px, content ${inner}px`);
    }, { timeout: 8000 });
    assert.equal(await page.evaluate(() => scrollY), 0, 'still not scrolled');
  }, onHost({ viewport: { width: 390, height: 844 } }));
});

test('embed.js: an inputs embed without result panels uses the width at 1280 px (panels side by side, half the height), one column at 390 px; with a result panel the inputs stay a side column', T, async () => {
  const url = hostPage(`<div data-hashprice id="inputs" data-panels="kpis,inputs"></div>
<div data-hashprice id="with-cash" data-panels="kpis,inputs,cash"></div>
<script src="${calcUrl('embed.js')}" async></script>`);
  const columns = (f) => f.$$eval('.inputs .panel', (els) => new Set(els.map((e) => Math.round(e.getBoundingClientRect().x))).size);
  for (const width of [1280, 390]) {
    await withPage(suite.browser, url, async (page) => {
      const frame = await frameIn(page, '#inputs iframe');
      const side = await frameIn(page, '#with-cash iframe');
      const outer = async () => page.$eval('#inputs iframe', (el) => el.getBoundingClientRect().height);
      await eventually(async () => {
        const inner = await frame.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
        assert.ok(Math.abs(await outer() - inner) <= 1, `iframe ${await outer()}px, content ${inner}px`);
      }, { timeout: 8000 });
      assert.equal(await frame.evaluate(() => document.documentElement.scrollWidth <= innerWidth), true, 'no sideways scroll');
      assert.equal(await frame.$('.skip-link'), null, 'no "skip to the results" without results');
      assert.equal(await frame.$eval('main', (e) => e.matches('.inputs[aria-label="Inputs"]')), true, 'the inputs are the main content');
      if (width === 1280) {
        assert.equal(await columns(frame), 3, 'three columns of input panels');
        // One 360 px column was ~5,000 px tall beside an empty one.
        assert.ok(await outer() < 3200, `the frame is ${await outer()} px tall`);
        const panel = await frame.$eval('.inputs .panel', (e) => e.getBoundingClientRect().width);
        assert.ok(panel >= 320, `a panel is ${panel} px wide`);
        assert.equal(await columns(side), 1, 'beside the cash chart the inputs are one column');
        assert.ok(await side.$eval('aside.inputs', (e) => e.getBoundingClientRect().width) <= 360);
      } else {
        assert.equal(await columns(frame), 1, 'one column on a phone');
      }
      // Usable: inputs of the first and (at 1280 px) the last column move the key results.
      const edits = width === 1280 ? { btc_price_usd: 120000, uptime_pct: 90 } : { btc_price_usd: 120000 };
      for (const [k, v] of Object.entries(edits)) {
        await frame.fill(`input.num[name=${k}]`, String(v));
        await frame.press(`input.num[name=${k}]`, 'Tab');
      }
      await eventually(async () => assertClose(await kpi(frame, 'profit_usd_day'), snapshot({ ...defaultScenario(), ...edits }).profit_usd_day, 'the edited inputs'));
      await page.setViewportSize({ width, height: Math.min(8000, await page.evaluate(() => Math.ceil(document.documentElement.scrollHeight))) });
      await page.waitForTimeout(300);
      await screenshot(page, `embed-inputs-${width}`);
    }, onHost({ viewport: { width, height: 900 } }));
  }
});

test('the whole page framed below the fold writes its later sections before the visitor scrolls to it', T, async () => {
  // Without frames (out of view, or a background tab) the sections below the first screen must not wait for one.
  const url = hostPage(`<div style="height: 3000px">Annual report…</div>
<iframe id="calc" src="${calcUrl()}" title="calculator" style="width:100%;height:900px;border:0"></iframe>`);
  await withPage(suite.browser, url, async (page) => {
    const frame = await frameIn(page, '#calc');
    assert.ok(await page.$eval('#calc', (f) => f.getBoundingClientRect().top) > 900, 'the frame is out of view');
    // Polled on a timer: Playwright's default polling waits for animation frames, which this frame never gets.
    await frame.waitForFunction(() => document.documentElement.hasAttribute('data-mounted'), null, { timeout: 10000, polling: 50 });
    assert.equal(await frame.locator('#panel-machine').count(), 1, 'the panels below Market & network are written');
    assert.equal(await page.evaluate(() => scrollY), 0, 'never scrolled');
  }, onHost({ viewport: { width: 1440, height: 900 } }));
});

// ---------------------------------------------------------------- messages both ways

test('protocol 1 across origins: ready, applied (scenario + KPIs), error (nothing changed), results debounced after every change', T, async () => {
  const url = hostPage(`<iframe id="calc" src="${calcUrl('?embed=1&panels=kpis,inputs')}" title="calculator" style="width:100%;height:900px;border:0"></iframe>`);
  await withPage(suite.browser, url, async (page) => {
    const frame = await frameIn(page, '#calc');
    const send = (msg) => page.evaluate(([m, o]) => document.getElementById('calc').contentWindow.postMessage(m, o), [msg, suite.calc.origin]);
    await eventually(async () => {
      const [ready] = await messages(page, 'hashprice:ready');
      assert.ok(ready, 'ready');
      assert.equal(ready.origin, suite.calc.origin);
      assert.equal(ready.data.protocol, 1);
      assert.equal(typeof ready.data.version, 'string');
    });
    // Results once at start.
    await eventually(async () => assert.equal((await messages(page, 'hashprice:results')).length, 1), { timeout: 3000 });

    await send({ type: 'hashprice:scenario', scenario: { btc_price_usd: 120000, uptime_pct: 90 } });
    const want = { ...defaultScenario(), btc_price_usd: 120000, uptime_pct: 90 };
    const m = snapshot(want);
    await eventually(async () => assert.equal((await messages(page, 'hashprice:applied')).length, 1));
    const [applied] = await messages(page, 'hashprice:applied');
    assert.equal(applied.data.protocol, 1);
    const defaults = await frame.evaluate(() => window.hashprice.defaults());
    assert.deepEqual(applied.data.scenario, { ...defaults, btc_price_usd: 120000, uptime_pct: 90 }, 'the whole scenario in force');
    assert.deepEqual(Object.keys(applied.data.kpis), ['hashprice_usd_per_ph_day', 'breakeven_power_price_usd_kwh', 'payback_days', 'npv_usd', 'profit_usd_day']);
    assertClose(applied.data.kpis.hashprice_usd_per_ph_day, m.hashprice_usd_per_ph_day, 'applied hashprice');
    assertClose(applied.data.kpis.profit_usd_day, m.profit_usd_day, 'applied profit');
    const npv = await frame.evaluate((s) => window.hashprice.compute(s).projection.npv_usd, want);
    assertClose(applied.data.kpis.npv_usd, npv, 'applied NPV');

    const count = async () => (await messages(page, 'hashprice:results')).length;
    await eventually(async () => assert.equal(await count(), 2, 'one results message for the applied scenario'), { timeout: 3000 });

    // An invalid scenario: an error naming the key, nothing changed.
    const before = await allKpis(frame);
    await send({ type: 'hashprice:scenario', scenario: { btc_price_usd: 20000, uptime_pct: 250 } });
    await send({ type: 'hashprice:scenario', scenario: 'btc_price_usd=1' });
    await eventually(async () => assert.equal((await messages(page, 'hashprice:error')).length, 2));
    const [e1, e2] = (await messages(page, 'hashprice:error')).map((x) => x.data);
    assert.deepEqual([e1.type, e1.protocol, e1.key], ['hashprice:error', 1, 'uptime_pct']);
    assert.match(e1.message, /^uptime_pct: /);
    assert.equal(e2.key, null);
    assert.match(e2.message, /needs a scenario object of input keys/);
    await page.waitForTimeout(400);
    assert.deepEqual(await allKpis(frame), before, 'an error changes nothing');
    // The two errors, sent together, are followed by one results message: the scenario still in force.
    await eventually(async () => assert.equal(await count(), 3), { timeout: 3000 });
    assert.deepEqual((await messages(page, 'hashprice:results')).at(-1).data.scenario, applied.data.scenario);

    // Results: debounced, one message after a burst of changes (a slider drag), and one after a field edit.
    for (const p of [100000, 101000, 102000, 103000]) await send({ type: 'hashprice:scenario', scenario: { btc_price_usd: p } });
    await eventually(async () => assert.equal(await count(), 4), { timeout: 3000 });
    await page.waitForTimeout(500);
    assert.equal(await count(), 4, 'a burst posts once');
    const last = (await messages(page, 'hashprice:results')).at(-1).data;
    assert.equal(last.scenario.btc_price_usd, 103000);
    assertClose(last.kpis.hashprice_usd_per_ph_day, snapshot({ ...want, btc_price_usd: 103000 }).hashprice_usd_per_ph_day, 'results hashprice');
    await frame.fill('input.num[name=uptime_pct]', '80');
    await frame.press('input.num[name=uptime_pct]', 'Tab');
    await eventually(async () => assert.equal((await messages(page, 'hashprice:results')).at(-1).data.scenario.uptime_pct, 80), { timeout: 3000 });
    // Every message the frame posts carries protocol 1.
    const all = await page.evaluate(() => window.__msgs.filter((m) => String(m.data?.type).startsWith('hashprice:')));
    assert.ok(all.every((x) => x.data.protocol === 1 && x.origin === suite.calc.origin), 'protocol 1, from the calculator');
  }, onHost());
});

test('a host scenario that changes nothing, or is refused, is still followed by one results message', T, async () => {
  const url = hostPage(`<iframe id="calc" src="${calcUrl('?embed=1&panels=kpis')}" title="calculator" style="width:100%;height:400px;border:0"></iframe>`);
  await withPage(suite.browser, url, async (page) => {
    await frameIn(page, '#calc');
    const send = (msg) => page.evaluate(([m, o]) => document.getElementById('calc').contentWindow.postMessage(m, o), [msg, suite.calc.origin]);
    const count = async (type) => (await messages(page, type)).length;
    await eventually(async () => assert.equal(await count('hashprice:results'), 1, 'results at start'), { timeout: 3000 });
    const [start] = await messages(page, 'hashprice:results');
    // The values already in force, then an empty scenario, then an invalid one: each answered, each followed by results.
    const steps = [
      [{ btc_price_usd: start.data.scenario.btc_price_usd }, 'hashprice:applied'],
      [{}, 'hashprice:applied'],
      [{ uptime_pct: 250 }, 'hashprice:error'],
    ];
    for (const [i, [scenario, answer]] of steps.entries()) {
      const answers = await count(answer);
      await send({ type: 'hashprice:scenario', scenario });
      await eventually(async () => assert.equal(await count(answer), answers + 1, `${JSON.stringify(scenario)}: ${answer}`));
      await eventually(async () => assert.equal(await count('hashprice:results'), i + 2, `${JSON.stringify(scenario)}: results after it`), { timeout: 3000 });
      const last = (await messages(page, 'hashprice:results')).at(-1).data;
      assert.deepEqual(last, start.data, 'the same scenario and KPIs as before: nothing changed');
    }
    await page.waitForTimeout(500);
    assert.equal(await count('hashprice:results'), steps.length + 1, 'one results message each, no more');
  }, onHost());
});

test('origin=: the frame obeys and posts to that origin only; without it, the parent window only', T, async () => {
  // The right origin: messages both ways, addressed to the host (the frame's postMessage target is checked by
  // the browser: a message to another origin would not arrive).
  const good = hostPage(`<iframe id="calc" src="${calcUrl(`?embed=1&panels=kpis&origin=${encodeURIComponent('http://127.0.0.1:' + '__PORT__')}`)}" title="calculator"></iframe>`);
  fs.writeFileSync(path.join(suite.hostDir, path.basename(good)), fs.readFileSync(path.join(suite.hostDir, path.basename(good)), 'utf8').replace('__PORT__', String(suite.host.port)));
  await withPage(suite.browser, good, async (page) => {
    const frame = await frameIn(page, '#calc');
    await eventually(async () => assert.ok((await messages(page, 'hashprice:ready')).length === 1));
    await page.evaluate((o) => document.getElementById('calc').contentWindow.postMessage({ type: 'hashprice:scenario', scenario: { btc_price_usd: 80000 } }, o), suite.calc.origin);
    await eventually(async () => assert.equal((await messages(page, 'hashprice:applied')).length, 1));
    assertClose(await kpi(frame, 'hashprice_usd_per_ph_day'), snapshot({ ...defaultScenario(), btc_price_usd: 80000 }).hashprice_usd_per_ph_day, 'applied');
  }, onHost());

  // Another origin named: the host's messages are ignored, and nothing the frame posts reaches it.
  const other = hostPage(`<iframe id="calc" src="${calcUrl('?embed=1&panels=kpis&origin=https%3A%2F%2Finvestor.example')}" title="calculator"></iframe>`);
  const p = await openPage(suite.browser, other, onHost());
  try {
    const frame = await frameIn(p.page, '#calc');
    const before = await allKpis(frame);
    await p.page.evaluate((o) => document.getElementById('calc').contentWindow.postMessage({ type: 'hashprice:scenario', scenario: { btc_price_usd: 80000 } }, o), suite.calc.origin);
    await p.page.waitForTimeout(800);
    assert.deepEqual(await allKpis(frame), before, 'not obeyed');
    assert.deepEqual(await p.page.evaluate(() => window.__msgs.filter((m) => String(m.data?.type).startsWith('hashprice:'))), [], 'nothing posted to this host');
    // The browser reports each refused delivery (addressed to https://investor.example) as a console error.
    assert.ok(p.problems.every((x) => /does not match the recipient window's origin/.test(x)), p.problems.join('\n'));
  } finally {
    await p.context.close();
  }
});

test('origin= naming another origin: the host\'s scenario messages are ignored with one console warning in the frame naming both origins, and nothing is posted to it', T, async () => {
  const url = hostPage(`<iframe id="calc" src="${calcUrl('?embed=1&panels=kpis&origin=https%3A%2F%2Finvestor.example')}" title="calculator"></iframe>`);
  const warnings = [];
  const p = await openPage(suite.browser, url, onHost({
    beforeGoto: async (page) => page.on('console', (m) => { if (m.type() === 'warning') warnings.push({ text: m.text(), url: m.location()?.url ?? '' }); }),
  }));
  try {
    const frame = await frameIn(p.page, '#calc');
    const before = await allKpis(frame);
    await p.page.evaluate((o) => {
      const w = document.getElementById('calc').contentWindow;
      w.postMessage({ type: 'hashprice:scenario', scenario: { btc_price_usd: 80000 } }, o);
      w.postMessage({ type: 'hashprice:scenario', scenario: { btc_price_usd: 81000 } }, o);
      w.postMessage({ type: 'something-else' }, o);
    }, suite.calc.origin);
    await eventually(async () => assert.ok(warnings.some((w) => /^hashprice:/.test(w.text)), JSON.stringify(warnings)));
    await p.page.evaluate((o) => document.getElementById('calc').contentWindow.postMessage({ type: 'hashprice:scenario', scenario: {} }, o), suite.calc.origin);
    await p.page.waitForTimeout(800);
    const ours = warnings.filter((w) => /^hashprice:/.test(w.text));
    assert.equal(ours.length, 1, `one warning for three scenario messages from one origin: ${JSON.stringify(ours)}`);
    assert.equal(ours[0].text, `hashprice: ignored a scenario message from ${suite.host.origin} (origin= allows https://investor.example only)`);
    assert.equal(new URL(ours[0].url).origin, suite.calc.origin, 'said in the frame');
    assert.deepEqual(await allKpis(frame), before, 'still not obeyed');
    assert.deepEqual(await p.page.evaluate(() => window.__msgs.filter((m) => String(m.data?.type).startsWith('hashprice:'))), [], 'nothing posted to this host');
    assert.ok(p.problems.every((x) => /does not match the recipient window's origin/.test(x)), p.problems.join('\n'));
  } finally {
    await p.context.close();
  }
});

test('origin= that is not an origin (a trailing slash, a path): no host is obeyed or posted to, and a notice says why', T, async () => {
  // This host's own origin, with a trailing slash: before, a malformed origin= fell back to any origin.
  const typo = hostPage(`<iframe id="calc" src="${calcUrl(`?embed=1&panels=kpis&origin=${encodeURIComponent('http://127.0.0.1:' + '__PORT__' + '/')}`)}" title="calculator"></iframe>`);
  fs.writeFileSync(path.join(suite.hostDir, path.basename(typo)), fs.readFileSync(path.join(suite.hostDir, path.basename(typo)), 'utf8').replace('__PORT__', String(suite.host.port)));
  await withPage(suite.browser, typo, async (page) => {
    const frame = await frameIn(page, '#calc');
    const before = await allKpis(frame);
    await page.evaluate((o) => document.getElementById('calc').contentWindow.postMessage({ type: 'hashprice:scenario', scenario: { btc_price_usd: 80000 } }, o), suite.calc.origin);
    await page.waitForTimeout(800);
    assert.deepEqual(await allKpis(frame), before, 'not obeyed');
    assert.deepEqual(await page.evaluate(() => window.__msgs.filter((m) => String(m.data?.type).startsWith('hashprice:'))), [], 'nothing posted');
    assert.match(await frame.locator('[data-notice]').innerText(), /origin = ".*\/": must be an origin like https:\/\/investor\.example \(no path\), so messages to and from the host page are off/);
  }, onHost());
});

// ---------------------------------------------------------------- hostile hosts

test('hostile host: random, malformed, huge and prototype-polluting messages, and messages from other frames, change nothing and break nothing', T, async () => {
  const url = hostPage(`<iframe id="calc" src="${calcUrl('?embed=1&panels=kpis,inputs')}" title="calculator" style="width:100%;height:900px;border:0"></iframe>
<iframe id="sibling" src="${calcUrl('?embed=1&panels=kpis')}" title="another frame" style="width:100%;height:200px;border:0"></iframe>`);
  await withPage(suite.browser, url, async (page) => {
    const frame = await frameIn(page, '#calc');
    await frameIn(page, '#sibling');
    // The visitor's own saved scenario on the calculator's origin (as left by a visit to the full page).
    await frame.evaluate(() => localStorage.setItem('hashprice.scenario', 'btc_price_usd=70000'));
    const before = await allKpis(frame);
    const fieldsBefore = await frame.$$eval('input[name]', (els) => els.map((e) => [e.name, e.value, e.checked]));
    const errorsBefore = (await messages(page, 'hashprice:error')).length;
    const sent = await page.evaluate((origin) => {
      const w = document.getElementById('calc').contentWindow;
      let seed = 20;
      const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
      // Never a valid value for any input (a number could be one).
      const junk = () => [null, undefined, NaN, Infinity, '', '95000', 'x'.repeat(1000), [], {}, true, 12n, new Date(0), /x/, new Map([[1, 2]]), new Uint8Array(4)][Math.floor(rnd() * 15)];
      const list = [];
      for (let i = 0; i < 150; i++) {
        const pick = rnd();
        if (pick < 0.3) list.push(junk());
        else if (pick < 0.6) list.push({ type: 'hashprice:scenario', scenario: junk() });
        else list.push({ type: 'hashprice:scenario', scenario: { [['btc_price_usd', 'uptime_pct', 'bogus', 'machine_count'][Math.floor(rnd() * 4)]]: junk() } });
      }
      const big = {};
      for (let i = 0; i < 100000; i++) big['k' + i] = i;
      list.push({ type: 'hashprice:scenario', scenario: big });
      list.push({ type: 'hashprice:scenario', scenario: { ['y'.repeat(5000000)]: 1 } });
      list.push({ type: 'hashprice:scenario', scenario: JSON.parse('{"__proto__": {"btc_price_usd": 1}, "constructor": {"prototype": {"x": 1}}}') });
      list.push({ type: 'hashprice:scenario', scenario: { btc_price_usd: 1e6, toString: 'x', valueOf: 1 } });
      list.push({ type: 'hashprice:scenario', scenario: Object.assign(Object.create(null), { __proto__: 5 }) });
      list.push({ type: 'hashprice:scenario', scenario: {}, id: { toString: 1 } });
      list.push({ type: 'hashprice:scenario', scenario: { btc_price_usd: 0 }, id: 'z'.repeat(100000) });
      for (const m of list) w.postMessage(m, origin);
      // From another frame of the page, and from the frame itself: not its parent, so not obeyed.
      document.getElementById('sibling').contentWindow.postMessage({ type: 'hashprice:scenario', scenario: { btc_price_usd: 20000 } }, origin);
      return list.length;
    }, suite.calc.origin);
    await page.evaluate((origin) => { window.frames[1].postMessage({ type: 'hashprice:scenario', scenario: { btc_price_usd: 20001 } }, origin); }, suite.calc.origin);
    await frame.evaluate(() => window.postMessage({ type: 'hashprice:scenario', scenario: { btc_price_usd: 20002 } }, '*'));
    await page.waitForTimeout(1500);
    // An empty scenario is valid (it changes nothing): every other scenario message was refused with an error.
    assert.deepEqual(await allKpis(frame), before, 'no KPI changed');
    assert.deepEqual(await frame.$$eval('input[name]', (els) => els.map((e) => [e.name, e.value, e.checked])), fieldsBefore, 'no input changed');
    const errors = (await messages(page, 'hashprice:error')).slice(errorsBefore).map((x) => x.data);
    assert.ok(errors.length > 50 && errors.length < sent, `${errors.length} errors for ${sent} messages`);
    for (const e of errors) {
      assert.ok(e.message.length < 400, `a short message (${e.message.length} chars)`);
      assert.ok(e.key === null || e.key.length <= 65, `a short key (${String(e.key).length} chars)`);
    }
    assert.equal(await frame.evaluate(() => ({}).btc_price_usd), undefined, 'no prototype pollution');
    assert.equal(await frame.evaluate(() => localStorage.getItem('hashprice.scenario')), 'btc_price_usd=70000', 'the visitor\'s saved scenario untouched');
    // Still alive: a valid message works.
    await page.evaluate((o) => document.getElementById('calc').contentWindow.postMessage({ type: 'hashprice:scenario', scenario: { btc_price_usd: 99000 } }, o), suite.calc.origin);
    await eventually(async () => assertClose(await kpi(frame, 'hashprice_usd_per_ph_day'), snapshot({ ...defaultScenario(), btc_price_usd: 99000 }).hashprice_usd_per_ph_day, 'valid after the fuzz'));
  }, onHost());
});

test('a page framed without embed=1 neither reads nor writes the visitor\'s saved scenario or theme', T, async () => {
  const url = hostPage(`<iframe id="calc" src="${calcUrl()}" title="calculator" style="width:100%;height:900px;border:0"></iframe>`);
  await withPage(suite.browser, url, async (page) => {
    let frame = await frameIn(page, '#calc');
    await frame.evaluate(() => { localStorage.setItem('hashprice.scenario', 'btc_price_usd=70000'); localStorage.setItem('hashprice.theme', 'light'); });
    await page.reload();
    frame = await frameIn(page, '#calc');
    assertClose(await kpi(frame, 'hashprice_usd_per_ph_day'), snapshot(defaultScenario()).hashprice_usd_per_ph_day, 'the saved scenario is not read');
    await frame.fill('input.num[name=btc_price_usd]', '123000');
    await frame.press('input.num[name=btc_price_usd]', 'Tab');
    await frame.click('button[data-action="theme"]');
    await frame.click('button[data-action="reset"]').catch(() => {});
    await page.waitForTimeout(700);
    assert.deepEqual(await frame.evaluate(() => [localStorage.getItem('hashprice.scenario'), localStorage.getItem('hashprice.theme')]), ['btc_price_usd=70000', 'light']);
  }, onHost());
});

// ---------------------------------------------------------------- a small, fixed surface

test('window.hashprice is read-only, no WASM export is published, and compute() throws the documented Error for hostile arguments', T, async () => {
  await withPage(suite.browser, calcUrl(), async (page) => {
    const r = await page.evaluate(() => {
      const api = window.hashprice;
      const d = Object.getOwnPropertyDescriptor(window, 'hashprice');
      window.hashprice = { compute: () => 'hijacked' };
      let redefined = 'no';
      try { Object.defineProperty(window, 'hashprice', { value: 1 }); redefined = 'yes'; } catch { /* refused */ }
      const deleted = delete window.hashprice;
      const globals = Object.keys(window).filter((k) => /wasm|bindings|bench/i.test(k));
      const attempt = (arg) => {
        try { api.compute(arg); return 'no error'; } catch (e) { return { isError: e instanceof Error, key: e.key, message: String(e.message).slice(0, 300), len: String(e.message).length }; }
      };
      const trap = () => { throw new Error('trap!'); };
      const revocable = Proxy.revocable({}, {});
      revocable.revoke();
      const hostile = {
        getPrototypeOf: new Proxy({}, { getPrototypeOf: trap }),
        ownKeys: new Proxy({}, { ownKeys: trap }),
        get: new Proxy({ btc_price_usd: 1 }, { get: trap }),
        descriptor: new Proxy({ btc_price_usd: 1 }, { getOwnPropertyDescriptor: trap }),
        revoked: revocable.proxy,
        revokedValue: { btc_price_usd: revocable.proxy },
        getter: Object.defineProperty({}, 'btc_price_usd', { enumerable: true, get: trap }),
        longKey: { ['k'.repeat(10_000_000)]: 1 },
      };
      return {
        same: window.hashprice === api,
        descriptor: { writable: d.writable, configurable: d.configurable },
        redefined, deleted, globals,
        results: Object.fromEntries(Object.entries(hostile).map(([k, v]) => [k, attempt(v)])),
        stillWorks: api.compute({ btc_price_usd: 86000 }).snapshot.btc_mined_day > 0,
      };
    });
    assert.deepEqual({ same: r.same, descriptor: r.descriptor, redefined: r.redefined, deleted: r.deleted }, { same: true, descriptor: { writable: false, configurable: false }, redefined: 'no', deleted: false });
    assert.deepEqual(r.globals, [], 'no WASM bindings on window');
    for (const [name, out] of Object.entries(r.results)) {
      assert.equal(typeof out, 'object', `${name}: throws`);
      assert.ok(out.isError, `${name}: an Error`);
      assert.ok('key' in out, `${name}: has .key`);
      assert.doesNotMatch(out.message, /trap!|revoked/i, `${name}: not the raw error: ${out.message}`);
    }
    for (const name of ['getPrototypeOf', 'ownKeys', 'descriptor', 'revoked']) {
      assert.equal(r.results[name].key, null, name);
      assert.match(r.results[name].message, /plain object|must be an object/, name);
    }
    for (const name of ['get', 'getter', 'revokedValue']) assert.equal(r.results[name].key, 'btc_price_usd', name);
    assert.match(r.results.get.message, /unreadable value/);
    assert.equal(r.results.revokedValue.message, 'btc_price_usd: must be a number, got an array');
    assert.ok(r.results.longKey.len < 200, `the 10 MB key is cut (${r.results.longKey.len} chars)`);
    assert.equal(r.results.longKey.key, 'k'.repeat(64) + '…');
    assert.ok(r.stillWorks);
  });
});

// ---------------------------------------------------------------- locked down

test('CSP: the page ships its policy; no violation across live data, export, copy link, the embed dialog and an accent', T, async () => {
  // mempool.space's answers, as tests/e2e/live.test.mjs mocks them.
  const live = {
    '/api/v1/prices': { time: 1764000000, USD: 91234 },
    '/api/v1/mining/hashrate/3d': { currentHashrate: 1.0345e21, currentDifficulty: 1.49e14 },
    '/api/v1/mining/reward-stats/144': { startBlock: 929980, endBlock: 930123, totalReward: '48456789', totalFee: '3456789', totalTx: '512345' },
    '/api/blocks/tip/height': 930123,
  };
  await withPage(suite.browser, calcUrl('?accent=%231e3a8a'), async (page, p) => {
    await p.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: suite.calc.origin });
    const meta = await page.$eval('meta[http-equiv="Content-Security-Policy"]', (m) => m.content);
    assert.match(meta, /default-src 'none'/);
    assert.match(meta, /script-src 'self' 'wasm-unsafe-eval' 'sha256-/);
    assert.match(meta, /connect-src 'self' https:\/\/mempool\.space/);
    assert.doesNotMatch(meta, /'unsafe-inline'|'unsafe-eval'/);
    assert.equal(await page.$eval('.app', (el) => getComputedStyle(el).getPropertyValue('--accent').trim()), '#1e3a8a', 'the accent applies under the CSP');
    // Live data (answered here: nothing reaches the network).
    await page.click('button[data-action="live-data"]');
    const price = async () => Number((await page.inputValue('input.num[name=btc_price_usd]')).replace(/[^0-9.]/g, ''));
    await eventually(async () => assert.equal(await price(), 91234, 'live data applied'), { timeout: 8000 });
    // Export, copy link, embed dialog.
    for (const action of ['export-csv', 'export-json']) {
      if (!(await page.locator('details.export-menu').evaluate((d) => d.open))) await page.click('details.export-menu > summary');
      await Promise.all([page.waitForEvent('download'), page.click(`button[data-action="${action}"]`)]);
    }
    await page.click('button[data-action="copy-link"]');
    await page.click('button[data-action="embed"]');
    await page.locator('#embed-code').waitFor();
    await page.keyboard.press('Escape');
    await page.click('button[data-action="theme"]');
    await page.waitForTimeout(300);
    assert.deepEqual(await page.evaluate(() => window.__csp), [], 'no securitypolicyviolation');
  }, {
    allowOrigins: ['https://mempool.space'],
    beforeGoto: async (page) => {
      await page.addInitScript(() => { window.__csp = []; addEventListener('securitypolicyviolation', (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI} ${e.sample}`)); });
      await page.route('https://mempool.space/**', (r) => r.fulfill({ status: 200, contentType: 'application/json', headers: { 'Access-Control-Allow-Origin': '*' }, body: JSON.stringify(live[new URL(r.request().url()).pathname] ?? {}) }));
    },
  });
  // The frame in a host page, and the served headers.
  const res = await fetch(calcUrl());
  assert.match(res.headers.get('content-security-policy'), /frame-ancestors 'self' http:\/\/127\.0\.0\.1:\*/);
  assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
  assert.equal(res.headers.get('referrer-policy'), 'strict-origin-when-cross-origin');
});

test('integrity: a tampered WASM never runs (the page says it could not load); the intact page logs no integrity warning', T, async () => {
  // The intact page: no console message about integrity (Chromium's preload warning is gone).
  const logged = [];
  await withPage(suite.browser, calcUrl(), async (page) => {
    await page.reload();
    await page.waitForFunction(() => document.querySelector('[data-kpi="hashprice_usd_per_ph_day"]')?.dataset.value);
    await page.waitForTimeout(500);
    assert.deepEqual(logged.filter((t) => /integrity/i.test(t)), []);
  }, { beforeGoto: async (page) => page.on('console', (m) => logged.push(`${m.type()}: ${m.text()}`)) });

  // A copy of dist/ whose WASM has bytes appended.
  suite.tampered = fs.mkdtempSync(path.join(os.tmpdir(), 'hashprice-tampered-'));
  fs.cpSync(DIST, suite.tampered, { recursive: true });
  const wasm = fs.readdirSync(suite.tampered).find((f) => f.endsWith('_bg.wasm'));
  fs.appendFileSync(path.join(suite.tampered, wasm), Buffer.from([0, 1, 2, 3]));
  suite.tamperedServer = await startServer({ root: suite.tampered, prefix: CALC });
  const p = await openPage(suite.browser, suite.tamperedServer.url, { waitForKpi: false });
  try {
    await p.page.waitForSelector('#load-error', { timeout: 10000 });
    assert.equal(await p.page.evaluate(() => typeof window.hashprice), 'undefined', 'the tampered WASM did not run');
    assert.equal(await p.page.$('[data-kpi]'), null);
    assert.ok(p.problems.some((x) => /integrity/i.test(x)), `the browser refused it for its integrity: ${p.problems.join('\n')}`);
  } finally {
    await p.context.close();
  }
});

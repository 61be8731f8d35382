// Shared harness for the end-to-end tests: static server for dist/, Debian Chromium via playwright-core,
// pages that fail on page errors / console errors / off-origin requests, and DOM-contract helpers.
import { before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startServer } from './server.mjs';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const DIST = process.env.E2E_DIST ? path.resolve(process.env.E2E_DIST) : path.join(ROOT, 'dist');
export const SCREENSHOTS = path.join(ROOT, 'screenshots');
/**
 * Waits until the page is whole: the first screen is mounted at once and the sections below it in tasks of
 * their own after the first paint (`app::mount_later`), then the root element gets `data-mounted`.
 */
export const waitMounted = (pageOrFrame, timeout = 20000) =>
  pageOrFrame.waitForFunction(() => document.documentElement.hasAttribute('data-mounted'), null, { timeout });

export const HEADLINE_KPI = 'hashprice_usd_per_ph_day';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function launchBrowser() {
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
}

/** The reference cases (tests/data/reference_cases.json, a copy of ../shared/reference/cases.json). */
export function referenceCases() {
  const doc = JSON.parse(fs.readFileSync(path.join(ROOT, 'tests', 'data', 'reference_cases.json'), 'utf8'));
  return doc.cases;
}

/** MODEL.md's default scenario: the reference case named "defaults…". */
export function defaultScenario() {
  const c = referenceCases().find((x) => x.name.startsWith('defaults'));
  assert.ok(c, 'reference_cases.json has a "defaults" case');
  return { ...c.scenario };
}

/**
 * One server and one browser for the whole test file (registers before/after hooks).
 * The server serves dist/ under `prefix` (a sub-folder by default: the build must not assume "/").
 * Returns a context object whose fields are filled in by the before hook.
 */
export function useSuite({ prefix = '/tools/hashprice/' } = {}) {
  const suite = { server: null, browser: null, url: null, origin: null };
  before(async () => {
    suite.server = await startServer({ root: DIST, prefix });
    suite.url = suite.server.url;
    suite.origin = suite.server.origin;
    suite.browser = await launchBrowser();
  });
  after(async () => {
    await suite.browser?.close();
    await suite.server?.close();
  });
  return suite;
}

/**
 * Opens `url` in a fresh browser context (own storage) and waits until the headline KPI has a value.
 * Records page errors, console errors, HTTP errors and every request leaving `origin`; off-origin requests
 * are aborted unless a test's own `page.route` answers them first, so nothing ever reaches the network.
 * Options:
 *   allowOrigins: origins a test mocks itself with page.route (e.g. 'https://mempool.space'): requests to them,
 *                 their HTTP errors and their "Failed to load resource" console errors are not problems;
 *   beforeGoto:   async (page, p) => {…} run before navigation (install routes, a fake clock, init scripts);
 *   viewport, waitForKpi (default true), timeout (ms).
 * Returns { page, context, problems, requests (every request URL, in order), check, close }.
 */
export async function openPage(browser, url, {
  origin = new URL(url).origin, allowOrigins = [], beforeGoto = null,
  viewport = { width: 1440, height: 900 }, waitForKpi = true, timeout = 20000, hasTouch = false,
} = {}) {
  const context = await browser.newContext({ viewport, hasTouch, serviceWorkers: 'block' });
  const page = await context.newPage();
  const problems = [];
  const requests = [];
  const ignoredScheme = /^(data|blob|about|chrome-extension):/;
  const allowed = new Set(allowOrigins.map((o) => new URL(o).origin));
  const originOf = (u) => { try { return new URL(u).origin; } catch { return null; } };
  const isAllowed = (u) => allowed.has(originOf(u));

  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  page.on('console', (msg) => {
    if (msg.type() !== 'error') return;
    const where = msg.location();
    if (where?.url && isAllowed(where.url) && /^Failed to load resource/.test(msg.text())) return;
    problems.push(`console error: ${msg.text()} ${JSON.stringify(where)}`);
  });
  page.on('request', (req) => {
    const u = req.url();
    requests.push(u);
    if (ignoredScheme.test(u) || isAllowed(u)) return;
    if (originOf(u) !== origin) problems.push(`off-origin request: ${req.method()} ${u}`);
  });
  page.on('response', (res) => {
    if (res.status() >= 400 && !isAllowed(res.url())) problems.push(`HTTP ${res.status()} for ${res.url()}`);
  });
  await context.route('**/*', (route) => {
    const u = route.request().url();
    if (!ignoredScheme.test(u) && originOf(u) !== origin) return route.abort('blockedbyclient');
    return route.continue();
  });

  const check = () => assert.deepEqual(problems, [], `the page reported problems:\n  ${problems.join('\n  ')}`);
  const close = async () => {
    await context.close();
    check();
  };
  const handle = { page, context, problems, requests, check, close };

  try {
    if (beforeGoto) await beforeGoto(page, handle);
    await page.goto(url, { waitUntil: 'load', timeout });
    if (waitForKpi) {
      await waitMounted(page, timeout);
      await page.waitForFunction(
        (key) => {
          const els = document.querySelectorAll(`[data-kpi="${key}"]`);
          return els.length === 1 && (els[0].getAttribute('data-value') ?? '') !== '';
        },
        HEADLINE_KPI,
        { timeout },
      );
    }
  } catch (e) {
    await context.close().catch(() => {});
    throw new Error(`${url} did not load (${e.message.split('\n')[0]})\n  problems: ${problems.join('\n  ') || 'none'}`);
  }
  return handle;
}

/**
 * Runs `body(page)` on a fresh page at `url` and fails on any recorded problem, whether or not
 * `body` itself passed.
 */
export async function withPage(browser, url, body, opts = {}) {
  const p = await openPage(browser, url, opts);
  let failure = null;
  try {
    await body(p.page, p);
  } catch (e) {
    failure = e;
  }
  await p.context.close().catch(() => {});
  if (failure) {
    if (p.problems.length) failure.message += `\n  the page also reported:\n  ${p.problems.join('\n  ')}`;
    throw failure;
  }
  p.check();
}

// ---- numbers ----

/** `x` as a plain decimal string (no exponent), exact for every finite double. */
export function plainDecimal(x) {
  if (typeof x === 'boolean') return String(x);
  if (!Number.isFinite(x)) throw new Error(`not a finite number: ${x}`);
  const s = String(x);
  const m = /^(-?)(\d+)(?:\.(\d+))?e([+-]\d+)$/.exec(s);
  if (!m) return s;
  const [, sign, int, frac = '', expStr] = m;
  const exp = Number(expStr);
  const digits = int + frac;
  const point = int.length + exp;
  let out;
  if (point <= 0) out = '0.' + '0'.repeat(-point) + digits;
  else if (point >= digits.length) out = digits + '0'.repeat(point - digits.length);
  else out = digits.slice(0, point) + '.' + digits.slice(point);
  return sign + out;
}

/** `?k=v&…` for a scenario object: numbers as plain decimals, booleans as true/false. */
export function scenarioQuery(scenario) {
  return '?' + Object.entries(scenario).map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(plainDecimal(v))}`).join('&');
}

/** true when `actual` is within `rel` relative of `expected`, or within `abs` absolute. */
export function isClose(actual, expected, { rel = 1e-9, abs = 0 } = {}) {
  if (actual === null || expected === null) return actual === expected;
  const diff = Math.abs(actual - expected);
  return diff <= abs || diff <= rel * Math.abs(expected);
}

export function assertClose(actual, expected, what, opts = {}) {
  assert.ok(isClose(actual, expected, opts), `${what}: page shows ${actual}, expected ${expected} (rel ${opts.rel ?? 1e-9}, abs ${opts.abs ?? 0})`);
}

// ---- DOM contract ----

/** Raw data-value of the single element with data-kpi=key (throws if absent or duplicated). */
export async function kpiRaw(page, key) {
  const vals = await page.$$eval(`[data-kpi="${key}"]`, (els) => els.map((el) => el.getAttribute('data-value')));
  assert.equal(vals.length, 1, `exactly one [data-kpi="${key}"] on the page (found ${vals.length})`);
  assert.notEqual(vals[0], null, `[data-kpi="${key}"] has a data-value attribute`);
  return vals[0];
}

/** A KPI's value as a number, or null when its data-value is empty (the output is none). */
export async function kpi(page, key) {
  const raw = await kpiRaw(page, key);
  if (raw === '') return null;
  const n = Number(raw);
  assert.ok(raw.trim() !== '' && Number.isFinite(n), `[data-kpi="${key}"] data-value is a finite number, got ${JSON.stringify(raw)}`);
  return n;
}

/** Every KPI on the page: { key: raw data-value }. Fails on duplicate keys. */
export async function allKpis(page) {
  const pairs = await page.$$eval('[data-kpi]', (els) => els.map((el) => [el.getAttribute('data-kpi'), el.getAttribute('data-value')]));
  const out = {};
  for (const [k, v] of pairs) {
    assert.ok(!(k in out), `data-kpi="${k}" appears more than once`);
    out[k] = v;
  }
  return out;
}

/** Polls `fn` until it returns without throwing (or the timeout passes; then rethrows its last error). */
export async function eventually(fn, { timeout = 3000, interval = 25 } = {}) {
  const end = Date.now() + timeout;
  for (;;) {
    try {
      return await fn();
    } catch (e) {
      if (Date.now() > end) throw e;
      await new Promise((r) => setTimeout(r, interval));
    }
  }
}

/** Waits until the KPI `key` matches `expected` (a number or null) to tolerance. */
export function expectKpi(page, key, expected, opts = {}) {
  return eventually(async () => assertClose(await kpi(page, key), expected, `[data-kpi="${key}"]`, opts));
}

export const textFieldSelector = (name) =>
  `input[name="${name}"]:not([type=range]):not([type=checkbox]):not([type=radio]):not([type=hidden])`;
export const sliderSelector = (name) => `input[type=range][name="${name}"]`;

/** Parses what a numeric text field shows (tolerates thousands separators and spaces). */
export function parseField(text) {
  const t = String(text).replace(/[\s,_\u00a0\u202f]/g, '');
  return t === '' ? NaN : Number(t);
}

/**
 * The scenario the page currently shows: MODEL.md defaults (from the reference file) overridden by every
 * input present on the page (text field preferred to the slider, which may be clamped/rounded to its step).
 */
export async function readScenario(page) {
  const s = defaultScenario();
  const fields = await page.$$eval('input[name]', (els) => els.map((el) => ({ name: el.name, type: el.type, value: el.value, checked: el.checked })));
  for (const key of Object.keys(s)) {
    const mine = fields.filter((f) => f.name === key);
    const box = mine.find((f) => f.type === 'checkbox');
    if (box) { s[key] = box.checked; continue; }
    const text = mine.find((f) => !['range', 'checkbox', 'radio', 'hidden'].includes(f.type));
    const range = mine.find((f) => f.type === 'range');
    const v = text ? parseField(text.value) : NaN;
    if (Number.isFinite(v)) s[key] = v;
    else if (range) s[key] = Number(range.value);
  }
  return s;
}

/**
 * Types `text` into the numeric text field of `name` the way a user does: focus, select all, type key by key
 * (one `input` event per keystroke).
 */
export async function typeInto(page, name, text) {
  const field = page.locator(textFieldSelector(name));
  // A page just navigated to may not have mounted yet: wait for the field before counting.
  await field.first().waitFor({ state: 'attached', timeout: 15000 });
  assert.equal(await field.count(), 1, `exactly one text field ${textFieldSelector(name)}`);
  await field.click();
  await field.press('ControlOrMeta+a');
  if (text === '') await field.press('Backspace');
  else await field.pressSequentially(text);
  return field;
}

/**
 * For a capture taller than the viewport: Chromium stitches it from scrolled views, and a sticky element would
 * be painted into the middle of it, so sticky elements are laid out in place for the capture only.
 */
export const UNSTICK = '.kpi-strip, .inputs';

/**
 * Unsticks the strip and the inputs column (`UNSTICK`) in every frame of the page, or sticks them back, through
 * the CSSOM: Playwright's screenshot `style` option injects a style element, which the page's CSP refuses.
 */
export async function unstick(page, on = true) {
  for (const f of page.frames()) {
    await f.evaluate(([sel, on]) => {
      for (const el of document.querySelectorAll(sel)) {
        if (on) el.style.setProperty('position', 'static', 'important');
        else el.style.removeProperty('position');
      }
    }, [UNSTICK, on]).catch(() => {});
  }
}

export async function screenshot(page, name, opts = {}) {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  const file = path.join(SCREENSHOTS, `${name}.png`);
  if (opts.fullPage) await unstick(page);
  await page.screenshot({ path: file, ...opts });
  if (opts.fullPage) await unstick(page, false);
  return file;
}

// Checks site_model.mjs (an independent JS reading of MODEL.md sections 1–4 and 7–9) against the reference files,
// with no browser: every output of every case in tests/data/reference_site_cases.json (snapshot, projection, hpc,
// decision; sections 5–6's risk, tornado and heatmap are not modelled here and are skipped), and every output of
// tests/data/reference_cases.json (sections 1–4, written before sections 7–9, so only its keys are compared: a
// one-group site with pue 1, hosting 0 and resale 0 must reproduce them). 1e-9 relative or 1e-6 absolute near 0,
// null = none, arrays element by element.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { evaluateSite, DEFAULTS } from './site_model.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const load = (file) => JSON.parse(fs.readFileSync(path.join(ROOT, 'tests', 'data', file), 'utf8')).cases;
const SECTIONS = ['snapshot', 'projection', 'hpc', 'decision'];

/** MODEL.md's tolerance: 1e-9 relative, or 1e-6 absolute for values near 0. */
export function close(actual, expected) {
  const diff = Math.abs(actual - expected);
  return diff <= 1e-6 || diff <= 1e-9 * Math.abs(expected);
}

/** Pushes every path where `actual` differs from `expected`; `both`: keys of `actual` must be in `expected` too. */
export function compare(where, actual, expected, both, out) {
  if (expected === null || actual === null || actual === undefined) {
    if (actual !== expected) out.push(`${where}: got ${JSON.stringify(actual)}, expected ${JSON.stringify(expected)}`);
  } else if (Array.isArray(expected)) {
    if (!Array.isArray(actual) || actual.length !== expected.length) {
      out.push(`${where}: length ${actual?.length} vs ${expected.length}`);
      return;
    }
    expected.forEach((e, i) => compare(`${where}[${i}]`, actual[i], e, both, out));
  } else if (typeof expected === 'object') {
    for (const k of Object.keys(expected)) compare(`${where}.${k}`, actual[k], expected[k], both, out);
    if (!both) return;
    for (const k of Object.keys(actual)) if (!(k in expected)) out.push(`${where}.${k}: not in the reference`);
  } else if (typeof expected === 'number') {
    if (typeof actual !== 'number' || !close(actual, expected)) out.push(`${where}: got ${actual}, want ${expected}`);
  } else if (actual !== expected) {
    out.push(`${where}: got ${JSON.stringify(actual)}, expected ${JSON.stringify(expected)}`);
  }
}

function check(cases, both) {
  const failures = [];
  let sections = 0;
  for (const c of cases) {
    const got = evaluateSite(c.scenario);
    for (const sec of SECTIONS) {
      if (!(sec in c.expected)) continue;
      sections++;
      compare(`${c.name} ${sec}`, got[sec], c.expected[sec], both, failures);
    }
  }
  return { failures, sections };
}

test('site reference cases (sections 1–4, 7–9): every output to 1e-9', () => {
  const cases = load('reference_site_cases.json');
  assert.ok(cases.length >= 10, 'the reference holds the site cases');
  const { failures, sections } = check(cases, true);
  assert.equal(sections, cases.length * SECTIONS.length, 'every case has the four sections');
  assert.deepEqual(failures, [], `${failures.length} mismatches:\n${failures.join('\n')}`);
});

test('one-group reference cases (sections 1–4): the site model reproduces them', () => {
  const cases = load('reference_cases.json');
  assert.ok(cases.length >= 10);
  const { failures, sections } = check(cases, false);
  assert.equal(sections, cases.length * 3, 'snapshot, projection and hpc in every case');
  assert.deepEqual(failures, [], `${failures.length} mismatches:\n${failures.join('\n')}`);
});

test('the comparison can fail: a moved input changes outputs beyond the tolerance', () => {
  const c = load('reference_site_cases.json').find((x) => x.expected.projection.loan_balance_end_usd > 0);
  assert.ok(c, 'a case with a balance left at the horizon');
  const out = [];
  const moved = evaluateSite({ ...c.scenario, debt_apr_pct: c.scenario.debt_apr_pct + 1e-6 });
  compare('moved', moved.projection, c.expected.projection, true, out);
  assert.ok(out.some((x) => x.includes('interest_paid_usd')), out.join('\n'));
  assert.ok(close(1e6 * (1 + 5e-10), 1e6) && !close(1e6 * (1 + 2e-9), 1e6), 'relative 1e-9');
  assert.ok(close(5e-7, 0) && !close(2e-6, 0), 'absolute 1e-6 near 0');
  const nulls = [];
  compare('null', 0, null, true, nulls);
  compare('null', null, 0, true, nulls);
  assert.equal(nulls.length, 2, 'none is not 0');
});

test('absent keys take MODEL.md defaults; an absent group is null in every group array', () => {
  const r = evaluateSite({ machine3_count: 5, machine3_efficiency_jth: 20 });
  for (const [sec, key] of [['snapshot', 'group_profit_usd_day'], ['projection', 'group_curtailed_days'],
    ['projection', 'group_first_curtailed_day'], ['projection', 'group_gross_profit_usd']]) {
    const a = r[sec][key];
    assert.equal(a.length, 6, key);
    assert.deepEqual(a.map((x) => x === null), [false, true, false, true, true, true], key);
  }
  assert.equal(r.projection.monthly_net_usd.length, DEFAULTS.horizon_months);
  assert.equal(r.decision.convert_monthly_net_usd.length, DEFAULTS.hpc_build_months + DEFAULTS.hpc_lease_term_months);
});

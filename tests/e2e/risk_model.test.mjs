// risk_model.mjs (MODEL.md sections 5–6 with section 7's site, written from MODEL.md only) against the reference:
// every case of tests/data/reference_risk_cases.json and every case with `risk` in reference_site_cases.json,
// every value to 1e-9 relative (1e-6 absolute near 0), arrays element by element, null for none.
// Plain node:test, no browser: `node --test tests/e2e/risk_model.test.mjs`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { evaluateRisk, projectionNpv, RISK_SITE_DEFAULTS, percentile, normals } from './risk_model.mjs';

const DATA = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'data');
const cases = (file) => JSON.parse(fs.readFileSync(path.join(DATA, file), 'utf8')).cases;

const close = (a, e) => Math.abs(a - e) <= 1e-6 || Math.abs(a - e) <= 1e-9 * Math.abs(e);

/** The paths where `actual` and `expected` differ (numbers within `close`, arrays and objects both ways). */
function diff(where, actual, expected, out) {
  if (typeof expected === 'number' && typeof actual === 'number') {
    if (!close(actual, expected)) out.push(`${where}: got ${actual}, expected ${expected}`);
  } else if (Array.isArray(expected) && Array.isArray(actual)) {
    if (actual.length !== expected.length) out.push(`${where}: length ${actual.length} vs ${expected.length}`);
    expected.forEach((e, i) => diff(`${where}[${i}]`, actual[i], e, out));
  } else if (expected !== null && typeof expected === 'object' && actual !== null && typeof actual === 'object') {
    for (const k of Object.keys(expected)) {
      if (!(k in actual)) out.push(`${where}.${k}: missing`);
      else diff(`${where}.${k}`, actual[k], expected[k], out);
    }
    for (const k of Object.keys(actual)) if (!(k in expected)) out.push(`${where}.${k}: not in the reference`);
  } else if (actual !== expected) {
    out.push(`${where}: got ${JSON.stringify(actual)}, expected ${JSON.stringify(expected)}`);
  }
}

const riskCases = cases('reference_risk_cases.json');
const siteRiskCases = cases('reference_site_cases.json').filter((c) => c.expected.risk);

test('the reference files hold the cases this checks', () => {
  assert.ok(riskCases.length >= 4, `${riskCases.length} risk cases`);
  assert.ok(siteRiskCases.length >= 2, `${siteRiskCases.length} site cases with risk`);
  assert.ok(siteRiskCases.some((c) => c.scenario.machine2_count >= 1), 'a site case with several groups');
});

for (const c of [...riskCases, ...siteRiskCases]) {
  test(`risk, tornado and heatmap: ${c.name}`, () => {
    const got = evaluateRisk(c.scenario);
    const want = { risk: c.expected.risk, tornado: c.expected.tornado, heatmap_npv_usd: c.expected.heatmap_npv_usd };
    const out = [];
    diff(c.name, got, want, out);
    assert.deepEqual(out, [], `${out.length} mismatches:\n${out.slice(0, 20).join('\n')}`);
  });
}

// The engine under the risk outputs, against the site cases' deterministic projection (all of them, not only
// those with risk): npv_usd with salvage, payback_days and monthly_net_usd.
for (const c of cases('reference_site_cases.json')) {
  test(`deterministic site projection: ${c.name}`, () => {
    const got = projectionNpv({ ...RISK_SITE_DEFAULTS, ...c.scenario });
    const want = c.expected.projection;
    const out = [];
    diff(c.name, { npv_usd: got.npv_usd, payback_days: got.payback_days, monthly_net_usd: got.monthly_net_usd },
      { npv_usd: want.npv_usd, payback_days: want.payback_days, monthly_net_usd: want.monthly_net_usd }, out);
    assert.deepEqual(out, [], out.join('\n'));
  });
}

test('the comparison and the helpers can fail', () => {
  const out = [];
  diff('x', { a: [1, 2], b: null }, { a: [1, 2.001], b: 0 }, out);
  assert.equal(out.length, 2);
  assert.equal(percentile([1, 2, 3, 4], 0.5), 2.5);
  assert.equal(percentile([7], 0.9), 7);
  // Box–Muller pairs: one stream, z0 then z1; a second generator with the same seed repeats it.
  const a = normals(3), b = normals(3);
  const first = [a(), a(), a()];
  assert.deepEqual([b(), b(), b()], first);
  assert.notEqual(first[0], first[1]);
});

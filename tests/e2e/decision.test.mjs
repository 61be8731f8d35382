// Issue 18 end-to-end, the decision card and the loan: site cases opened by URL show MODEL.md section 9's three
// NPVs and section 8's loan figures in data-value (read from tests/data/reference_site_cases.json), the words
// name the winner, the chart of cumulative cash has its data table and keyboard readout, the crossing BTC price
// is the model's, the monthly chart draws the loan balance and tables the cash after debt service, a real
// slider move updates all of it, and screenshots at 390 and 1440 px in both themes (screenshots/: look at them).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import {
  ROOT, useSuite, withPage, scenarioQuery, kpi, allKpis, eventually, isClose, assertClose, sliderSelector, textFieldSelector,
  parseField, screenshot, unstick, defaultScenario,
} from './helpers.mjs';
import { evaluateSite } from './site_model.mjs';

const suite = useSuite({ prefix: '/tools/hashprice/' });
const T = { timeout: 90000 };
const CASES = JSON.parse(fs.readFileSync(path.join(ROOT, 'tests', 'data', 'reference_site_cases.json'), 'utf8')).cases;

function siteCase(start) {
  const c = CASES.find((x) => x.name.startsWith(start));
  assert.ok(c, `reference_site_cases.json has a case "${start}…"`);
  return c;
}

const NPVS = ['mine_npv_usd', 'sell_npv_usd', 'convert_npv_usd'];
const LOAN = ['npv_usd', 'irr_pct_year', 'equity_npv_usd', 'equity_irr_pct_year', 'first_shortfall_month', 'interest_paid_usd', 'loan_balance_end_usd'];
const CHOICES = ['mine', 'sell', 'convert'];
/** How the sentence names each choice: as its subject and after "beats". */
const SUBJECT = { mine: 'Mining on', sell: 'Selling the machines today', convert: 'Converting to AI/HPC' };
const OBJECT = { mine: 'mining', sell: 'selling', convert: 'converting' };
const lowerFirst = (t) => t[0].toLowerCase() + t.slice(1);

/** The three choices, best NPV first (a stable sort: ties keep mine, sell, convert). */
function ranked(d) {
  return [...CHOICES].sort((a, b) => d[`${b}_npv_usd`] - d[`${a}_npv_usd`]);
}

/** "10-year" for whole years, "126-month" otherwise. */
const leaseWords = (months) => (months % 12 === 0 ? `${months / 12}-year` : `${months}-month`);

/** Money as the page writes it ("−$1.70M", "$533.50K", "$0.00") back to a number. */
function parseUsd(text) {
  const m = /^([−-])?\$([\d,]+(?:\.\d+)?)([KMBT]?)$/.exec(text.trim());
  assert.ok(m, `money: ${JSON.stringify(text)}`);
  const scale = { '': 1, K: 1e3, M: 1e6, B: 1e9, T: 1e12 }[m[3]];
  return (m[1] ? -1 : 1) * Number(m[2].replace(/,/g, '')) * scale;
}

/** Within what "$1.70M" or "$533.50K" can say (two decimals of the compact unit). */
function assertShown(text, want, what) {
  const got = parseUsd(text);
  const unit = Math.abs(want) >= 1e3 ? 10 ** (3 * Math.floor(Math.log10(Math.abs(want)) / 3)) : 1;
  assert.ok(Math.abs(got - want) <= 0.006 * unit, `${what}: the page shows ${text}, the model ${want}`);
}

/** Checks the card's numbers (the project's NPV in the strip, which keeps its hook) against `want`
 * ({ decision, projection } as the reference or compute() gives them). */
async function expectCard(page, want, what) {
  await eventually(async () => {
    for (const key of NPVS) assertClose(await kpi(page, key), want.decision[key], `${what}: ${key}`, { rel: 1e-9, abs: 1e-6 });
    for (const key of LOAN) assertClose(await kpi(page, key), want.projection[key], `${what}: ${key}`, { rel: 1e-9, abs: 1e-6 });
  });
  const inCard = await page.$$eval('#decision [data-kpi]', (els) => els.map((el) => el.getAttribute('data-kpi')));
  assert.deepEqual(inCard.sort(), [...NPVS, ...LOAN].filter((k) => k !== 'npv_usd').sort(), `${what}: the card carries these hooks`);
}

/** Checks the sentence: worst to best, the winner last, the gaps in money, the lease named after converting. */
function checkWords(words, d, leaseMonths, what) {
  const [best, second, worst] = ranked(d);
  const gap = (a, b) => d[`${a}_npv_usd`] - d[`${b}_npv_usd`];
  assert.ok(gap(best, second) > 0 && gap(second, worst) > 0, `${what}: test set-up, no ties`);
  const lease = (c) => (c === 'convert' ? ` over its ${leaseWords(leaseMonths)} lease` : '');
  const m = new RegExp(`^${SUBJECT[second]} beats ${OBJECT[worst]} by (\\S+)${lease(second)}; ${lowerFirst(SUBJECT[best])} beats both by (\\S+)${lease(best)}\\.$`)
    .exec(words);
  assert.ok(m, `${what}: ${best} wins, then ${second}, then ${worst}: ${JSON.stringify(words)}`);
  assertShown(m[1], gap(second, worst), `${what}: ${second} over ${worst}`);
  assertShown(m[2], gap(best, second), `${what}: ${best} over ${second}`);
}

/** Waits for the crossing price, then checks it is where the model's mining and converting NPVs swap places. */
async function checkCrossing(page, scenario, what) {
  const p = page.locator('#decision .crossing');
  await page.waitForSelector('#decision .crossing[aria-busy="false"]', { timeout: 15000 });
  const [raw, text] = [await p.getAttribute('data-value'), await p.textContent()];
  const gapAt = (price) => page.evaluate(([s, price]) => {
    const d = window.hashprice.compute({ ...s, btc_price_usd: price }).decision;
    return d.mine_npv_usd - d.convert_npv_usd;
  }, [scenario, price]);
  if (raw === '') {
    const [low, high] = [await gapAt(100), await gapAt(1e7)];
    assert.equal(low > 0, high > 0, `${what}: no crossing, so one choice wins at both ends`);
    assert.match(text, low > 0 ? /^Mining beats converting at every BTC price/ : /^Converting beats mining at every BTC price/, `${what}: ${text}`);
  } else {
    const price = Number(raw);
    assert.equal(price % 100, 0, `${what}: found to $100 (${price})`);
    const [below, above] = [await gapAt(price - 100), await gapAt(price + 100)];
    assert.ok(below * above < 0, `${what}: mining minus converting changes sign around $${price} (${below}, ${above})`);
    assert.match(text, /^Mining and converting are worth the same at a BTC price of \$[\d,]+, the other inputs as they are\.$/);
    assert.equal(Number(/\$([\d,]+)/.exec(text)[1].replace(/,/g, '')), price, `${what}: the words give the price`);
  }
}

test('site cases by URL: the three NPVs and the loan in data-value, the winner in words, the chart with its table', { timeout: 240000 }, async () => {
  for (const c of CASES) {
    await withPage(suite.browser, `${suite.url}${scenarioQuery(c.scenario)}`, async (page) => {
      await expectCard(page, c.expected, c.name);
      const words = await page.locator('#decision .decision-words').textContent();
      checkWords(words, c.expected.decision, c.scenario.hpc_lease_term_months, c.name);
      const note = await page.locator('#decision .muted').first().textContent();
      assert.match(note, /^Each NPV covers its own life: mining to the \d+-month horizon, the machines sold at its end; selling today; converting /);
      assert.ok(note.includes(` the ${leaseWords(c.scenario.hpc_lease_term_months)} lease, with nothing after it.`), `${c.name}: ${note}`);
      // The chart: an accessible image with a title, a readout line and a data table.
      const chart = page.locator('#decision-chart');
      assert.equal(await chart.getAttribute('role'), 'img');
      assert.match(await chart.locator('title').textContent(), /keep mining, sell or convert/i);
      assert.equal(await page.locator('#decision-chart + [data-readout]').count(), 1);
      assert.equal(await page.locator('#decision details.data-table table').count(), 1);
      for (const cls of ['line-mine', 'line-sell', 'line-convert']) {
        assert.match(await chart.locator(`path.${cls}`).getAttribute('d'), /^M-?\d+ -?\d+/, `${c.name}: ${cls} drawn`);
      }
      // The loan in words: the first shortfall, and what is left to refinance.
      const loan = await page.locator('#decision h3:has-text("The loan") + p').textContent();
      const p = c.expected.projection;
      if (p.debt_payment_usd_month > 0) {
        if (p.first_shortfall_month !== null) assert.ok(loan.includes(` loan payment in month ${p.first_shortfall_month};`), `${c.name}: ${loan}`);
        else assert.match(loan, /covers the \$\S+ loan payment every month/);
        if (p.loan_balance_end_usd > 0) assert.match(loan, /is still owed at the horizon and must be refinanced\.$/);
        else assert.ok(loan.endsWith(`the loan is repaid in month ${c.scenario.debt_term_months}.`), `${c.name}: ${loan}`);
      } else {
        assert.equal(loan, "No debt: the owners' NPV and IRR are the project's.");
      }
      await allKpis(page);
    });
  }
});

test('the chart\'s table and readout follow each choice over its own life', T, async () => {
  const c = siteCase('owned S19 XP');
  const { scenario: s, expected: e } = c;
  const months = s.horizon_months;
  const life = s.hpc_build_months + s.hpc_lease_term_months;
  assert.ok(life > months, 'test set-up: the lease outlasts mining');
  await withPage(suite.browser, `${suite.url}${scenarioQuery(s)}`, async (page) => {
    await page.locator('#decision details.data-table summary').click();
    const rows = page.locator('#decision details.data-table tbody tr');
    await eventually(async () => assert.equal(await rows.count(), life + 1, 'a row per month, 0 … the end of the lease'));
    const cells = (m) => rows.nth(m).locator('th, td').allTextContents();
    const capex = e.snapshot.capex_usd;
    const [first, atHorizon, after, last] = [await cells(0), await cells(months), await cells(months + 1), await cells(life)];
    assert.deepEqual(first[0], '0');
    assertShown(first[1], -capex, 'month 0, mining');
    assertShown(first[2], e.decision.sell_npv_usd, 'selling is a step on day 0');
    assertShown(atHorizon[1], e.projection.total_net_usd, 'mining ends at its total net cash, the resale included');
    assert.equal(after[1], 'ended', 'mining has ended after its horizon');
    assertShown(last[2], e.decision.sell_npv_usd, 'selling stays where it was');
    const convertEnd = e.decision.convert_monthly_net_usd.reduce((a, b) => a + b, -capex);
    assertShown(last[3], convertEnd, 'converting ends at the end of its lease');
    // The keyboard readout reaches both ends.
    await page.locator('#decision-chart').focus();
    const readout = page.locator('#decision-chart + [data-readout]');
    await page.keyboard.press('End');
    await eventually(async () => assert.match(await readout.textContent(), new RegExp(`^month ${life}: sell \\S+ · convert \\S+$`)));
    await page.keyboard.press('Home');
    await eventually(async () => assert.match(await readout.textContent(), /^month 0: keep mining \S+ · sell \S+ · convert \S+$/));
    // The build's end is marked where the lease starts.
    assert.equal(await page.locator('#decision-chart .rule text').textContent(), 'lease starts');
  });
});

test('a real slider move: the NPVs, the words, the loan and the crossing price follow the model', T, async () => {
  const c = siteCase('convert beats mine');
  const s = { ...c.scenario, debt_pct: 40, debt_term_months: 48 };
  await withPage(suite.browser, `${suite.url}${scenarioQuery(s)}`, async (page) => {
    const model = (x) => page.evaluate((x) => window.hashprice.compute(x), x);
    await expectCard(page, await model(s), 'as opened');
    await checkCrossing(page, s, 'as opened');
    const wordsBefore = await page.locator('#decision .decision-words').textContent();
    // Drag the BTC price up with the keyboard on its slider, as a user does.
    const slider = page.locator(sliderSelector('btc_price_usd'));
    await slider.focus();
    for (let i = 0; i < 40; i++) await slider.press('PageUp');
    const price = parseField(await page.locator(textFieldSelector('btc_price_usd')).inputValue());
    assert.ok(price > s.btc_price_usd, `the price moved up: ${price}`);
    const moved = { ...s, btc_price_usd: price };
    const want = await model(moved);
    await expectCard(page, want, 'after the slider');
    await eventually(async () => {
      const words = await page.locator('#decision .decision-words').textContent();
      assert.notEqual(words, wordsBefore);
      checkWords(words, want.decision, s.hpc_lease_term_months, 'after the slider');
    });
    await checkCrossing(page, moved, 'after the slider');
    // And the debt share, from the financing panel's slider.
    const debt = page.locator(sliderSelector('debt_pct'));
    await debt.focus();
    for (let i = 0; i < 20; i++) await debt.press('ArrowUp');
    const share = parseField(await page.locator(textFieldSelector('debt_pct')).inputValue());
    assert.equal(share, 60);
    await expectCard(page, await model({ ...moved, debt_pct: share }), 'after the debt slider');
  });
});

test('the monthly chart draws the loan balance on its own axis and tables the cash after debt service', T, async () => {
  const { scenario: s, expected: e } = siteCase('debt 60%');
  const p = e.projection;
  await withPage(suite.browser, `${suite.url}${scenarioQuery(s)}`, async (page) => {
    const chart = page.locator('#monthly-chart');
    assert.equal(await chart.locator('path.balance-line').count(), 1);
    assert.equal(await chart.locator('text.axis-title', { hasText: 'loan balance' }).count(), 1);
    assert.match(await page.locator('#monthly .chart-desc').textContent(), /the solid line the loan's balance \(right axis\): \$\S+ is left at the horizon and must be refinanced\.$/);
    // The balance line ends inside the plot, left of its own tick labels.
    const [line, ticks] = await page.evaluate(() => [
      document.querySelector('#monthly-chart path.balance-line').getBoundingClientRect().right,
      Math.min(...[...document.querySelectorAll('#monthly-chart text.tick[text-anchor="start"]')].map((t) => t.getBoundingClientRect().left)),
    ]);
    assert.ok(line < ticks, `the line (${line}) stops before the balance ticks (${ticks})`);
    await page.locator('#monthly details.data-table summary').click();
    assert.deepEqual(await page.locator('#monthly details.data-table thead th').allTextContents(),
      ['Month', 'Net cash', 'Debt payment', 'Cash after debt service', 'Loan balance']);
    const rows = page.locator('#monthly details.data-table tbody tr');
    await eventually(async () => assert.equal(await rows.count(), s.horizon_months));
    for (const m of [0, 14, s.horizon_months - 1]) {
      const [, net, payment, after, balance] = await rows.nth(m).locator('th, td').allTextContents();
      assertShown(net, p.monthly_net_usd[m], `month ${m + 1} net`);
      assertShown(payment, p.debt_payment_usd_month, `month ${m + 1} payment`);
      assertShown(after, p.monthly_net_usd[m] - p.debt_payment_usd_month, `month ${m + 1} after debt service`);
      assertShown(balance, p.loan_balance_usd[m], `month ${m + 1} balance`);
    }
    await chart.focus();
    await page.keyboard.press('Home');
    await eventually(async () => assert.match(await page.locator('#monthly-chart + [data-readout]').textContent(), /^month 1: \S+ · debt payment \$\S+ · loan balance \$\S+$/));
  });
  // No debt: no balance line, no right axis.
  await withPage(suite.browser, `${suite.url}${scenarioQuery(siteCase('defaults').scenario)}`, async (page) => {
    assert.equal(await page.locator('#monthly-chart path.balance-line').count(), 0);
    assert.equal(await page.locator('#monthly-chart text.tick[text-anchor="start"]').count(), 0);
  });
});

test('each KPI hook is on the page once: the strip keeps its own, the card takes the decision and the loan', T, async () => {
  await withPage(suite.browser, suite.url, async (page) => {
    const all = await allKpis(page);
    for (const key of [...NPVS, ...LOAN]) assert.ok(key in all, `${key} has a hook`);
    assert.equal(await page.locator('.kpi-strip [data-kpi="npv_usd"]').count(), 1, 'the NPV stays in the strip');
    assert.equal(await page.locator('#decision [data-key="npv_usd"]:not([data-kpi])').count(), 1, 'beside the equity NPV, without the hook');
    assert.equal(await page.locator('#decision [data-kpi="equity_npv_usd"]').count(), 1);
    assert.equal(await page.locator('.all-kpis [data-key="mine_npv_usd"]:not([data-kpi])').count(), 1, 'the grid keeps a copy without the hook');
  });
  await withPage(suite.browser, `${suite.url}?embed=1&panels=decision`, async (page) => {
    await page.locator('#decision [data-kpi="mine_npv_usd"]').waitFor();
    assert.equal(await page.locator('#decision [data-kpi="npv_usd"]').count(), 1, 'no strip: the card carries the NPV hook');
    await allKpis(page);
  }, { waitForKpi: false });
  await withPage(suite.browser, `${suite.url}?embed=1&panels=kpis,results`, async (page) => {
    assert.equal(await page.locator('.all-kpis [data-kpi="mine_npv_usd"]').count(), 1, 'no card: the grid carries the hooks');
  });
});

test('the per-MW comparison says it is a static day-0 view; the decision card prints, its controls do not', T, async () => {
  await withPage(suite.browser, suite.url, async (page) => {
    assert.match(await page.locator('#hpc h2').textContent(), /a static day-0 view$/);
    assert.match(await page.locator('#hpc [data-static-view]').textContent(), /Keep, sell or convert compares the whole site over time\./);
    // The card comes right before the per-MW view.
    assert.equal(await page.evaluate(() => document.querySelector('#decision').compareDocumentPosition(document.querySelector('#hpc')) & Node.DOCUMENT_POSITION_FOLLOWING), 4);
    await page.emulateMedia({ media: 'print' });
    for (const sel of ['#decision', '#decision-chart', '#decision .decision-words', '#decision [data-kpi="loan_balance_end_usd"]']) {
      assert.equal(await page.locator(sel).isVisible(), true, `${sel} prints`);
    }
    for (const sel of ['#decision .data-table', '#decision [data-readout]']) {
      assert.equal(await page.locator(sel).first().isVisible(), false, `${sel} does not print`);
    }
    await page.emulateMedia({ media: 'screen' });
  });
});

// A 30 MW site with half its capex borrowed and converting within reach: the card as the analyst sees it.
const SHOWCASE = { ...siteCase('30 MW site').scenario, debt_pct: 50, debt_term_months: 48, hpc_lease_usd_kw_month: 160, hpc_capex_usd_mw: 8000000, hpc_build_months: 12 };

for (const [w, h] of [[390, 844], [1440, 900]]) {
  for (const theme of ['light', 'dark']) {
    test(`screenshots of the decision card and the monthly chart at ${w} px, ${theme}`, T, async () => {
      await withPage(suite.browser, `${suite.url}${scenarioQuery(SHOWCASE)}&theme=${theme}`, async (page) => {
        await page.waitForSelector('#decision .crossing[aria-busy="false"]', { timeout: 15000 });
        const overflow = await page.evaluate(() => document.scrollingElement.scrollWidth - document.scrollingElement.clientWidth);
        assert.ok(overflow <= 0, `no horizontal scroll at ${w} px (${overflow} px)`);
        const card = await page.locator('#decision').boundingBox();
        assert.ok(card.x >= 0 && card.x + card.width <= w, `the card fits the ${w} px screen`);
        fs.mkdirSync(path.join(ROOT, 'screenshots'), { recursive: true });
        // Sticky elements laid out in place through the CSSOM (the page's CSP refuses an injected style).
        await unstick(page);
        await page.locator('#decision').screenshot({ path: path.join(ROOT, 'screenshots', `decision-${w}-${theme}.png`) });
        await page.locator('#monthly').screenshot({ path: path.join(ROOT, 'screenshots', `monthly-loan-${w}-${theme}.png`) });
        await unstick(page, false);
        if (w === 1440 && theme === 'light') await screenshot(page, 'decision-page-1440-light', { fullPage: true });
      }, { viewport: { width: w, height: h } });
    });
  }
}

test('the chart says why the choice ending with the most cash is not the one worth the most, and stops once it is', T, async () => {
  const s = evaluateSite(defaultScenario());
  const ends = {
    mine: s.projection.total_net_usd,
    sell: s.decision.sell_npv_usd,
    convert: s.decision.convert_monthly_net_usd.reduce((a, b) => a + b, -s.snapshot.capex_usd),
  };
  const cash = CHOICES.reduce((a, b) => (ends[b] > ends[a] ? b : a));
  const worth = ranked(s.decision)[0];
  assert.notEqual(cash, worth, 'test set-up: at the defaults the undiscounted and the discounted leaders differ');
  await withPage(suite.browser, suite.url, async (page) => {
    const desc = page.locator('#decision .chart-desc');
    const why = `Undiscounted, ${OBJECT[cash]} ends with the most cash, but ${lowerFirst(SUBJECT[worth])} is worth the most`;
    await eventually(async () => assert.ok((await desc.textContent()).includes(why), `"${why}" in ${await desc.textContent()}`));
    // A lease rich enough to make converting worth the most too: nothing left to explain.
    const panel = page.locator('details#panel-hpc');
    if (!(await panel.evaluate((el) => el.open))) await panel.locator('summary').click();
    const field = page.locator(textFieldSelector('hpc_lease_usd_kw_month'));
    await field.click();
    await field.press('ControlOrMeta+a');
    await field.pressSequentially('400');
    await field.press('Tab');
    await eventually(async () => assert.equal(ranked({
      mine_npv_usd: await kpi(page, 'mine_npv_usd'), sell_npv_usd: await kpi(page, 'sell_npv_usd'),
      convert_npv_usd: await kpi(page, 'convert_npv_usd'),
    })[0], 'convert'));
    await eventually(async () => assert.ok(!(await desc.textContent()).includes('Undiscounted, '), await desc.textContent()));
  });
});

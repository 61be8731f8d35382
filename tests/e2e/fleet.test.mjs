// Issue 18, the fleet editor: add a machine group, type its count, MW and model, remove it; the fleet's
// figures follow (checked against model.mjs, MODEL.md sections 1 and 7), in real Chromium.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import fs from 'node:fs';
import { useSuite, withPage, eventually, typeInto, kpiRaw, ROOT, SCREENSHOTS } from './helpers.mjs';

const suite = useSuite({ prefix: '/tools/hashprice/' });
const T = { timeout: 60000 };
const group = (page, n) => page.locator('fieldset.machine-group', { has: page.locator(`legend:text-is("Machine group ${n}")`) });
const fleetThs = async (page) => Number(await kpiRaw(page, 'fleet_hashrate_ths'));

test('one machine stays simple: only "Add machine group" until a group is added', T, async () => {
  await withPage(suite.browser, suite.url, async (page) => {
    assert.equal(await page.locator('fieldset.machine-group:visible').count(), 0);
    assert.ok(await page.locator('button.add-group').isVisible());
  });
});

test('add a group, type its count, MW and model, then remove it and undo: the fleet totals follow', T, async () => {
  await withPage(suite.browser, suite.url, async (page) => {
    const base = 1000 * 200;
    assert.equal(await fleetThs(page), base);
    await page.locator('button.add-group').click();
    const g2 = group(page, 2);
    await g2.waitFor({ state: 'visible' });
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'machine2-preset', 'focus moves into the new group');
    await eventually(async () => assert.equal(await fleetThs(page), base + 100 * 200));
    // The new group's model (an S21 at 200 TH/s, 17.5 J/TH) comes with its price and resale from the CSV, so the
    // site's capex and resale count it.
    const s21 = fs.readFileSync(path.join(ROOT, 'data', 'machines.csv'), 'utf8').split('\n').find((l) => l.startsWith('Antminer S21,')).split(',');
    assert.equal(await page.locator('input.num[name="machine2_price_usd_per_th"]').inputValue(), String(Number(s21[5])));
    assert.equal(await page.locator('input.num[name="machine2_resale_usd_per_th"]').inputValue(), String(Number(s21.at(-1))));

    await typeInto(page, 'machine2_count', '2500');
    await eventually(async () => assert.equal(await fleetThs(page), base + 2500 * 200));
    await eventually(async () => assert.match(page.url(), /machine2_count=2500/, 'the link carries the group'));

    // An S19j Pro from the group's model list: 104 TH/s at 29.5 J/TH.
    const options = await page.locator('#machine2-preset option').allTextContents();
    const idx = options.findIndex((o) => o.startsWith('Antminer S19j Pro ·')) - 1;
    await page.selectOption('#machine2-preset', String(idx));
    await eventually(async () => assert.equal(await fleetThs(page), base + 2500 * 104));
    // Its price and typical second-hand price come from data/machines.csv (the last column).
    const row = fs.readFileSync(path.join(ROOT, 'data', 'machines.csv'), 'utf8').split('\n').find((l) => l.startsWith('Antminer S19j Pro,'));
    const resale = row.split(',').at(-1).trim();
    await eventually(async () => assert.equal(await page.locator('input.num[name="machine2_resale_usd_per_th"]').inputValue(), resale));
    assert.match(await page.locator('.machine-picker:has(#machine2-preset) .help').innerText(), new RegExp(`resale value today to \\$${Number(resale).toFixed(2)}/TH, a rough second-hand estimate`));

    // 10 MW of 3,068 W machines: the whole number of machines nearest, and the count row shows it.
    await typeInto(page, 'machine2_mw', '10');
    await eventually(async () => assert.equal(await page.locator('input.num[name="machine2_count"]').inputValue(), '3259'));
    await eventually(async () => assert.equal(await fleetThs(page), base + 3259 * 104));
    assert.equal(await page.locator('input.num[name="machine2_mw"]').inputValue(), '10', 'the MW typed stays as typed');

    await page.locator('button.add-group').click();
    await group(page, 3).waitFor({ state: 'visible' });
    await page.screenshot({ path: path.join(SCREENSHOTS, 'fleet-editor-1440.png'), clip: await page.locator('#panel-machine').boundingBox() });

    await g2.locator('button.remove-group').click();
    await g2.waitFor({ state: 'hidden' });
    await eventually(async () => assert.equal(await fleetThs(page), base + 100 * 200));
    assert.equal(await page.evaluate(() => document.activeElement?.className), 'add-group', 'focus goes back to Add');
    await eventually(async () => assert.doesNotMatch(page.url(), /machine2_count=/, 'a removed group is absent from the link'));

    // The header's Undo brings the group back with its machines.
    assert.equal(await page.locator('.site-header > .status').textContent(), 'Machine group 2 removed.');
    assert.doesNotMatch(await page.locator('#panel-machine p.visually-hidden[aria-live]').textContent(), /removed/, 'said once, by the header');
    await page.click('button[data-action="undo"]');
    await g2.waitFor({ state: 'visible' });
    await eventually(async () => assert.equal(await fleetThs(page), base + 3259 * 104 + 100 * 200));
    assert.equal(await page.locator('input.num[name="machine2_count"]').inputValue(), '3259');
    await eventually(async () => assert.match(page.url(), /machine2_count=3259/));
  }, { viewport: { width: 1440, height: 900 } });
});

/** The accessible name Chromium gives the first element matching `selector` (its own accessibility tree). */
const chromiumName = async (page, selector) => {
  const cdp = await page.context().newCDPSession(page);
  const { root } = await cdp.send('DOM.getDocument');
  const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector });
  const { nodes } = await cdp.send('Accessibility.getPartialAXTree', { nodeId, fetchRelatives: false });
  await cdp.detach();
  return nodes[0]?.name?.value ?? '';
};

test('group 1 is a group named "Machine group 1" only while the site has another group', T, async () => {
  await withPage(suite.browser, suite.url, async (page) => {
    const box = 'fieldset:has(input[name="machine_count"])';
    assert.equal(await chromiumName(page, box), '', 'one machine: no group named');
    assert.ok(await page.locator('input.num[name="machine_count"]').isVisible());
    await page.locator('button.add-group').click();
    await group(page, 2).waitFor({ state: 'visible' });
    await eventually(async () => assert.equal(await chromiumName(page, box), 'Machine group 1'));
    const one = page.locator(box);
    for (const key of ['machine_hashrate_ths', 'machine_efficiency_jth', 'machine_count', 'fleet_mw', 'machine_price_usd_per_th', 'machine_resale_usd_per_th']) {
      assert.equal(await one.locator(`input.num[name="${key}"]`).count(), 1, `${key} is group 1's`);
    }
    assert.equal(await one.locator('select').count(), 1, 'with its machine model');
    assert.equal(await one.locator('input.num[name="resale_decline_pct_year"]').count(), 0, 'the site-wide decline is not');
    assert.ok(await one.locator('legend').isVisible());
    await page.screenshot({ path: path.join(SCREENSHOTS, 'fleet-group-one-1440.png'), clip: await page.locator('#panel-machine').boundingBox() });
    await group(page, 2).locator('button.remove-group').click();
    await eventually(async () => assert.equal(await chromiumName(page, box), '', 'back to one machine: no group named'));
    assert.ok(!(await one.locator('legend').isVisible()));
  }, { viewport: { width: 1440, height: 900 } });
});

test('typing a group\'s count through "0" keeps the group on the site and the focus in the field', T, async () => {
  await withPage(suite.browser, `${suite.url}?machine2_count=250&machine2_hashrate_ths=123&machine2_efficiency_jth=21`, async (page) => {
    const g2 = group(page, 2);
    await g2.waitFor({ state: 'visible' });
    const field = await typeInto(page, 'machine2_count', '0');
    await eventually(async () => assert.match(await page.locator('#err-machine2_count').innerText(), /at least 1 for a group on the site/));
    assert.equal(await g2.isVisible(), true, 'the group stays');
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('name')), 'machine2_count', 'the focus stays');
    assert.equal(await fleetThs(page), 1000 * 200 + 250 * 123, 'the count in force is 250');
    await field.pressSequentially('5');
    await eventually(async () => assert.equal(await fleetThs(page), 1000 * 200 + 5 * 123));
    assert.equal(await page.locator('#err-machine2_count').innerText(), '');
  });
});

test('six groups at most, and the editor fits a 390 px phone without horizontal scrolling', T, async () => {
  await withPage(suite.browser, suite.url, async (page) => {
    // In one column the Machine & fleet panel starts closed.
    await page.locator('#panel-machine > summary').click();
    const add = page.locator('button.add-group');
    // By keyboard, as on a phone with a keyboard or a switch: Add keeps its place under the groups.
    for (let n = 2; n <= 6; n++) {
      await add.focus();
      await page.keyboard.press('Enter');
      await group(page, n).waitFor({ state: 'visible' });
    }
    assert.ok(await add.isHidden(), 'no seventh group');
    assert.equal(await page.locator('.groups-full').innerText(), 'Six machine groups is the most a site can have: remove one to add another.');
    await group(page, 3).locator('button.remove-group').click();
    await add.waitFor({ state: 'visible' });
    assert.ok(await page.locator('.groups-full').isHidden(), 'room again: the button is back, the note gone');
    await add.click();
    await group(page, 3).waitFor({ state: 'visible' });
    assert.equal(await page.locator('fieldset.machine-group:visible').count(), 5);
    await eventually(async () => assert.equal(await fleetThs(page), 1000 * 200 + 5 * 100 * 200));
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 390, `no horizontal scrolling: ${width}px`);
    await group(page, 4).scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(SCREENSHOTS, 'fleet-editor-390.png') });
  }, { viewport: { width: 390, height: 844 } });
});

test('the fleet-power slider below what the other groups draw: the thumb goes back, the row says why, nothing changes', T, async () => {
  // Group 2 draws 3,000 × 200 TH/s × 17.5 J/TH = 10.5 MW; the fleet row cannot go below it.
  await withPage(suite.browser, `${suite.url}?machine2_count=3000`, async (page) => {
    const before = await fleetThs(page);
    const slider = page.locator('input.slider[name="fleet_mw"]');
    const inForce = await slider.inputValue();
    await slider.focus();
    await page.keyboard.press('Home');
    await eventually(async () => assert.equal(await slider.inputValue(), inForce, 'the thumb is back at the value in force'));
    assert.match(await page.locator('#err-fleet_mw').textContent(), /^Must power at least one machine beside the other groups/);
    assert.equal(await page.getAttribute('input.num[name="fleet_mw"]', 'aria-invalid'), 'false', 'the field shows the valid value in force');
    assert.equal(await fleetThs(page), before, 'the scenario did not change');
    // A position the scenario can take clears the message.
    await page.keyboard.press('ArrowUp');
    await eventually(async () => assert.equal(await page.locator('#err-fleet_mw').textContent(), ''));
  });
});

test('a fleet larger than the network is said under the fleet power, and the words follow the network hashrate', T, async () => {
  await withPage(suite.browser, `${suite.url}?machine_count=10000000`, async (page) => {
    const warn = page.locator('#warn-fleet_mw');
    assert.equal(await warn.textContent(), "This fleet's 2,000 EH/s is 182% of the network's 1,100 EH/s: a fleet is part of the network, so it cannot be larger than it");
    await typeInto(page, 'network_hashrate_ehs', '15000');
    await eventually(async () => assert.match(await warn.textContent(), /^This fleet's 2,000 EH\/s is 13% of the network's 15,000 EH\/s, far more than any one operator runs/));
    await typeInto(page, 'network_hashrate_ehs', '30000');
    await eventually(async () => assert.equal(await warn.textContent(), '', 'a 7% share is not flagged'));
  });
});

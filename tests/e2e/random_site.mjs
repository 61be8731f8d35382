// Seeded random sites for the page checks against the independent JS models (site_random.test.mjs,
// risk_random.test.mjs): the same seed draws the same site in both, and every value has few decimals, so a URL
// carries it exactly.

/** splitmix64 (MODEL.md section 5's generator) as uniforms in [0, 1). */
export function uniforms(seed) {
  let state = BigInt(seed);
  const mask = (1n << 64n) - 1n;
  return () => {
    state = (state + 0x9e3779b97f4a7c15n) & mask;
    let z = state;
    z = ((z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n) & mask;
    z = ((z ^ (z >> 27n)) * 0x94d049bb133111ebn) & mask;
    z ^= z >> 31n;
    return Number(z >> 11n) / 2 ** 53;
  };
}

/** Draws from `rnd`: `pick(a, b, dp)` a number in [a, b] with `dp` decimals, `int(a, b)` an integer in [a, b]. */
export function draws(rnd) {
  return {
    pick: (a, b, dp = 2) => Number((a + (b - a) * rnd()).toFixed(dp)),
    int: (a, b) => a + Math.floor(rnd() * (b - a + 1)),
  };
}

/**
 * Sets on `s` the machines of all six groups, `groups` of them present: group 1 and `groups − 1` of groups 2–6,
 * not necessarily the first (a gap in the middle is allowed). The absent groups keep machines with count 0.
 */
export function drawGroups(rnd, s, groups) {
  const { pick, int } = draws(rnd);
  const order = [2, 3, 4, 5, 6];
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  const others = order.slice(0, groups - 1);
  for (let g = 1; g <= 6; g++) {
    const k = (f) => (g === 1 ? `machine_${f}` : `machine${g}_${f}`);
    s[k('hashrate_ths')] = pick(80, 500, 1);
    s[k('efficiency_jth')] = pick(12, 38, 1);
    s[k('price_usd_per_th')] = g > 1 && rnd() < 0.2 ? 0 : pick(2, 25);
    s[k('resale_usd_per_th')] = rnd() < 0.3 ? 0 : pick(0, 12);
    s[k('count')] = g === 1 || others.includes(g) ? int(50, 5000) : 0;
  }
  return s;
}

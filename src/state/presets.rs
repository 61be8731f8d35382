//! Presets of DOMAIN.md: machines (a data file, `data/machines.csv`) and dated network scenarios.

use super::query::parse_number;
use crate::model::{input_spec, GroupField, InputError, Scenario};

/// The shipped machine table; users ask for new models often, so it is data, not code.
pub const MACHINES_CSV: &str = include_str!("../../data/machines.csv");

/// One machine model at nameplate, with a typical price per TH/s (editable).
#[derive(Clone, Debug, PartialEq)]
pub struct MachinePreset {
    pub model: String,
    pub hashrate_ths: f64,
    pub power_w: f64,
    pub efficiency_jth: f64,
    pub cooling: String,
    pub price_usd_per_th: f64,
    pub price_note: String,
    /// A typical second-hand price per TH/s (late 2025, a rough estimate: editable); 0 where the file has none.
    pub resale_usd_per_th: f64,
}

impl MachinePreset {
    /// Sets machine hashrate, efficiency and price (all or none: on error the scenario is unchanged).
    pub fn apply(&self, s: &mut Scenario) -> Result<(), InputError> {
        self.apply_to(s, 0)
    }

    /// [`MachinePreset::apply`] for machine group `g` (0-based: 0 is the `machine_*` keys); the group's resale
    /// value today becomes the preset's second-hand price.
    pub fn apply_to(&self, s: &mut Scenario, g: usize) -> Result<(), InputError> {
        let mut next = s.clone();
        next.set(Scenario::group_key(g, GroupField::HashrateThs), self.hashrate_ths)?;
        next.set(Scenario::group_key(g, GroupField::EfficiencyJth), self.efficiency_jth)?;
        next.set(Scenario::group_key(g, GroupField::PriceUsdPerTh), self.price_usd_per_th)?;
        next.set(Scenario::group_key(g, GroupField::ResaleUsdPerTh), self.resale_usd_per_th)?;
        *s = next;
        Ok(())
    }

    /// The scenario's machine is this one (hashrate and efficiency; the price is the user's to edit).
    pub fn matches(&self, s: &Scenario) -> bool {
        self.matches_group(s, 0)
    }

    /// [`MachinePreset::matches`] for machine group `g`.
    pub fn matches_group(&self, s: &Scenario, g: usize) -> bool {
        let m = s.group(g);
        m.hashrate_ths == self.hashrate_ths && m.efficiency_jth == self.efficiency_jth
    }
}

/// The shipped machine presets, in file order.
pub fn machine_presets() -> Vec<MachinePreset> {
    parse_machines(MACHINES_CSV)
}

/// Parses a machine table with the header
/// `model,hashrate_ths,power_w,efficiency_jth,cooling,price_usd_per_th,price_note` (columns found by name,
/// in any order). Fields may be double-quoted (`""` is a quote). Blank lines, lines starting with `#`, and
/// malformed lines (wrong field count, a bad number, a value outside the scenario's valid range) are skipped.
/// A header missing a column gives no presets.
pub fn parse_machines(csv: &str) -> Vec<MachinePreset> {
    const COLUMNS: [&str; 7] =
        ["model", "hashrate_ths", "power_w", "efficiency_jth", "cooling", "price_usd_per_th", "price_note"];
    let mut lines =
        csv.lines().map(|l| l.trim_end_matches('\r')).filter(|l| !l.trim().is_empty() && !l.starts_with('#'));
    let Some(header) = lines.next().and_then(split_csv_line) else { return Vec::new() };
    let mut idx = [0usize; 7];
    for (slot, name) in idx.iter_mut().zip(COLUMNS) {
        match header.iter().position(|h| h.trim() == name) {
            Some(i) => *slot = i,
            None => return Vec::new(),
        }
    }
    let [model, hashrate, power, efficiency, cooling, price, note] = idx;
    // Optional: a file without second-hand prices reads as 0 (no resale value).
    let resale = header.iter().position(|h| h.trim() == "resale_usd_per_th");
    let checked = |text: &str, key: &str| -> Option<f64> {
        let v = parse_number(text.trim())?;
        input_spec(key)?.check(v).ok()?;
        Some(v)
    };
    lines
        .filter_map(|line| {
            let f = split_csv_line(line)?;
            if f.len() != header.len() {
                return None;
            }
            let name = f[model].trim();
            let power_w = parse_number(f[power].trim()).filter(|w| *w > 0.0)?;
            if name.is_empty() {
                return None;
            }
            Some(MachinePreset {
                model: name.to_string(),
                hashrate_ths: checked(&f[hashrate], "machine_hashrate_ths")?,
                power_w,
                efficiency_jth: checked(&f[efficiency], "machine_efficiency_jth")?,
                cooling: f[cooling].trim().to_string(),
                price_usd_per_th: checked(&f[price], "machine_price_usd_per_th")?,
                price_note: f[note].trim().to_string(),
                resale_usd_per_th: match resale {
                    Some(i) => checked(&f[i], "machine_resale_usd_per_th")?,
                    None => 0.0,
                },
            })
        })
        .collect()
}

/// Splits one CSV line; `None` for an unterminated quote or text after a closing quote.
fn split_csv_line(line: &str) -> Option<Vec<String>> {
    let mut fields = Vec::new();
    let mut chars = line.chars().peekable();
    loop {
        let mut field = String::new();
        if chars.peek() == Some(&'"') {
            chars.next();
            loop {
                match chars.next()? {
                    '"' if chars.peek() == Some(&'"') => {
                        chars.next();
                        field.push('"');
                    }
                    '"' => break,
                    c => field.push(c),
                }
            }
            match chars.next() {
                None => {
                    fields.push(field);
                    return Some(fields);
                }
                Some(',') => fields.push(field),
                Some(_) => return None,
            }
        } else {
            loop {
                match chars.next() {
                    None => {
                        fields.push(field);
                        return Some(fields);
                    }
                    Some(',') => break,
                    Some(c) => field.push(c),
                }
            }
            fields.push(field);
        }
    }
}

/// A dated network picture (DOMAIN.md); applying it sets only its own keys.
#[derive(Clone, Copy, Debug)]
pub struct ScenarioPreset {
    pub id: &'static str,
    pub name: &'static str,
    /// When the picture was taken, for the live-data badge ("snapshot · Jan 2026").
    pub date: &'static str,
    pub source: &'static str,
    pub values: &'static [(&'static str, f64)],
}

impl ScenarioPreset {
    /// Sets this preset's keys (all or none: on error the scenario is unchanged).
    pub fn apply(&self, s: &mut Scenario) -> Result<(), InputError> {
        let mut next = s.clone();
        for (key, value) in self.values {
            next.set(key, *value)?;
        }
        *s = next;
        Ok(())
    }

    /// Every key of this preset has its value in `s`.
    pub fn matches(&self, s: &Scenario) -> bool {
        self.values.iter().all(|(key, value)| s.get(key) == Some(*value))
    }
}

/// The scenario presets of DOMAIN.md; the first is the defaults.
pub const SCENARIO_PRESETS: &[ScenarioPreset] = &[
    ScenarioPreset {
        id: "news-nov-2025",
        name: "The news, Nov 2025",
        date: "Nov 2025",
        source: "BTC near $95k, network hashrate past 1.1 ZH/s, as reported",
        values: &[
            ("btc_price_usd", 95_000.0),
            ("network_hashrate_ehs", 1_100.0),
            ("fees_btc_per_block", 0.02),
            ("block_height", 925_000.0),
        ],
    },
    ScenarioPreset {
        id: "trough-nov-2025",
        name: "Trough, 22 Nov 2025",
        date: "22 Nov 2025",
        source: "Luxor Hashprice Lookback, Nov 2025: low $35.06; price and hashrate chosen to reproduce it",
        values: &[
            ("btc_price_usd", 84_000.0),
            ("network_hashrate_ehs", 1_085.0),
            ("fees_btc_per_block", 0.02),
            ("block_height", 925_000.0),
        ],
    },
    ScenarioPreset {
        id: "jan-2026",
        name: "Jan 2026",
        date: "Jan 2026",
        source: "Hashrate Index roundup 2026-01-12: 7-day hashrate; reported hashprice $39.53, ours ≈ $40.3",
        values: &[
            ("btc_price_usd", 91_132.0),
            ("network_hashrate_ehs", 1_024.0),
            ("fees_btc_per_block", 0.017),
            ("block_height", 931_392.0),
        ],
    },
    ScenarioPreset {
        id: "feb-2026-drop",
        name: "Feb 2026 drop",
        date: "7 Feb 2026",
        source: "Electrum difficulty 125.86 T after −11.16 % at block 935,424 ≈ 901 EH/s; BTC near $70k (press, \
                 approximate); fees ~0.02 BTC/block assumed",
        values: &[
            ("btc_price_usd", 70_000.0),
            ("network_hashrate_ehs", 901.0),
            ("fees_btc_per_block", 0.02),
            ("block_height", 935_424.0),
        ],
    },
    ScenarioPreset {
        id: "jun-2026",
        name: "Jun 2026 low",
        date: "13 Jun 2026",
        source: "Electrum difficulty 124.93 T after −10.09 % at block 953,568 ≈ 894 EH/s; BTC near $62k and fees \
                 ~0.02 BTC/block (press, approximate)",
        values: &[
            ("btc_price_usd", 62_000.0),
            ("network_hashrate_ehs", 894.3),
            ("fees_btc_per_block", 0.02),
            ("block_height", 953_568.0),
        ],
    },
    ScenarioPreset {
        id: "dec-2024",
        name: "Dec 2024",
        date: "Dec 2024",
        source: "Hashrate Index roundup 2024-12-23: reported hashprice $55.21, ours ≈ $54.5",
        values: &[
            ("btc_price_usd", 93_450.0),
            ("network_hashrate_ehs", 795.0),
            ("fees_btc_per_block", 0.093),
            ("block_height", 875_000.0),
        ],
    },
    ScenarioPreset {
        id: "post-halving-2028",
        name: "Post-halving 2028 (what-if)",
        date: "2028 what-if",
        source: "today's price, 1.5 ZH/s, after the 2028 halving",
        values: &[
            ("btc_price_usd", 95_000.0),
            ("network_hashrate_ehs", 1_500.0),
            ("fees_btc_per_block", 0.02),
            ("block_height", 1_050_000.0),
        ],
    },
];

/// The preset whose network values the scenario holds, if any.
pub fn matching_preset(s: &Scenario) -> Option<&'static ScenarioPreset> {
    SCENARIO_PRESETS.iter().find(|p| p.matches(s))
}

/// The header's line under the title: which dated picture the network inputs are and where it comes from,
/// so a preset's source (and where its reported hashprice differs from the model's) is on the page.
pub fn snapshot_note(s: &Scenario) -> String {
    match matching_preset(s) {
        Some(p) => ["Network snapshot: ", p.name, " (", p.source, "). Edit any value."].concat(),
        None => "Network values: your own (no preset matches them). Edit any value.".into(),
    }
}

/// Whether the scenario still holds every one of these (key, value) pairs (none: no).
pub fn holds(s: &Scenario, values: &[(&str, f64)]) -> bool {
    !values.is_empty() && values.iter().all(|(k, v)| s.get(k) == Some(*v))
}

/// The header's line once live data was applied at `at` (e.g. "14:05 UTC, 2026-11-24", see
/// `live::utc_label`): while the network inputs still hold the live values (`applied`, as put in the fields),
/// it names the source and time instead of calling them "your own"; after an edit, [`snapshot_note`].
pub fn snapshot_note_live(s: &Scenario, applied: &[(&str, f64)], at: &str) -> String {
    if holds(s, applied) {
        ["Network values: live from mempool.space at ", at, ". Edit any value."].concat()
    } else {
        snapshot_note(s)
    }
}

/// The live-data badge while no live values are in use: the preset's date, or "your values".
pub fn snapshot_badge(s: &Scenario) -> String {
    matching_preset(s).map_or_else(|| "your values".into(), |p| ["snapshot · ", p.date].concat())
}

/// A scenario preset by id.
pub fn scenario_preset(id: &str) -> Option<&'static ScenarioPreset> {
    SCENARIO_PRESETS.iter().find(|p| p.id == id)
}

#[cfg(test)]
#[path = "presets_tests.rs"]
mod tests;

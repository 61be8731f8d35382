//! The KPI card, the one piece every KPI on the page is built with (the strip, the all-results grid, the risk
//! panel's odds): its words and its markup. Pure Rust, tested natively.

use crate::chart::int_string;
use crate::components::kpi_defs::{find, show, Fmt, KpiDef};
use crate::format::{plain, usd};
use crate::state::decision::{decision_words, ranked, Choice};
use crate::model::constants::DAYS_PER_MONTH;
use crate::model::{Results, Scenario};
use crate::page::IN_STRIP;
use crate::state::sell_side;
use crate::state::words::{at_a_loss_today_note, fleet_label, off_today_note, total_machines};
use crate::view::{Html, Slot};

/// The decision card's three NPVs, in the order it shows them.
pub const NPVS: &[&str] = &["mine_npv_usd", "sell_npv_usd", "convert_npv_usd"];
/// The decision card's loan figures beside the project's.
pub const LOAN: &[&str] = &[
    "npv_usd",
    "equity_npv_usd",
    "irr_pct_year",
    "equity_irr_pct_year",
    "first_shortfall_month",
    "interest_paid_usd",
    "loan_balance_end_usd",
];

/// Whether the decision card carries the page's `data-kpi` hook of `key` (the results grid's copy then does
/// not). The strip's KPIs keep theirs in the strip while it is shown.
pub fn owns_hook(key: &str, strip_shown: bool) -> bool {
    (NPVS.contains(&key) || LOAN.contains(&key)) && !(strip_shown && IN_STRIP.contains(&key))
}

/// What one KPI shows now: its text, how it is set ([`Look`]), and the `data-value` hook.
#[derive(Clone, Debug, PartialEq)]
pub struct Shown {
    pub text: String,
    pub look: Look,
    pub data_value: String,
}

pub fn shown(def: &KpiDef, r: Option<&Results>, s: &Scenario) -> Shown {
    match r.and_then(|r| r.value(def.key).or_else(|| sell_side::value(def.key, s, r))).flatten() {
        Some(v) => Shown {
            text: show(def.fmt, v),
            look: if def.fmt.reads_as_words(v) {
                Look::Words
            } else if def.fmt.is_loss(v) {
                Look::Loss
            } else {
                Look::Figure
            },
            data_value: plain(v),
        },
        None => Shown { text: (def.none)(s, r), look: Look::Words, data_value: String::new() },
    }
}

/// A strip KPI's second line, under its value.
struct SubLine {
    key: &'static str,
    line: fn(&Scenario, &Results) -> String,
}

/// The strip KPIs with a second line: hashprice's hashvalue in sats (or BTC); for a site of several groups,
/// that the breakeven power price is the fleet's average and where its first group breaks even; profit per
/// day's month (and which groups that counts at a loss, the projection having them off from today), or, when
/// every machine would be off on every projected day, that they would be off today and what the site still
/// costs.
const SUB_LINES: &[SubLine] = &[
    SubLine { key: "hashprice_usd_per_ph_day", line: hashvalue_line },
    SubLine { key: "breakeven_power_price_usd_kwh", line: first_to_break_even },
    SubLine { key: "profit_usd_day", line: profit_line },
];

fn sub_line_of(def: &KpiDef) -> Option<&'static SubLine> {
    SUB_LINES.iter().find(|l| l.key == def.key)
}

/// A strip KPI's second line now (empty for a KPI without one, or without results).
pub fn sub_line(def: &KpiDef, r: Option<&Results>, s: &Scenario) -> String {
    match (sub_line_of(def), r) {
        (Some(l), Some(r)) => (l.line)(s, r),
        _ => String::new(),
    }
}

/// Under a value that is not defined, no second line: it would only say "not defined" again.
fn finite(x: f64) -> Option<f64> {
    x.is_finite().then_some(x)
}

fn hashvalue_line(_: &Scenario, r: &Results) -> String {
    finite(r.snapshot.hashprice_usd_per_ph_day)
        .and(finite(r.snapshot.hashvalue_btc_per_ph_day))
        .map_or(String::new(), |v| show(Fmt::Btc, v) + " per PH/s per day")
}

fn profit_line(s: &Scenario, r: &Results) -> String {
    off_today_note(s, &r.series, &|x| show(Fmt::Usd, x)).unwrap_or_else(|| {
        let month = finite(r.snapshot.profit_usd_day * DAYS_PER_MONTH);
        let at_a_loss = at_a_loss_today_note(s, &r.projection.group_first_curtailed_day);
        month.map_or(String::new(), |m| show(Fmt::Usd, m) + " per month" + &at_a_loss)
    })
}

/// "fleet average; group 3 at $0.049/kWh": the group that stops paying its power first (the lowest breakeven
/// power price), for a site of more than one group; nothing for one.
fn first_to_break_even(_: &Scenario, r: &Results) -> String {
    let (mut n, mut first) = (0, None::<(usize, f64)>);
    for (g, v) in crate::model::present_groups(&r.snapshot.group_breakeven_power_price_usd_kwh) {
        n += 1;
        if first.is_none_or(|(_, low)| v < low) {
            first = Some((g, v));
        }
    }
    match first {
        Some((g, v)) if n > 1 => {
            ["fleet average; group ", &int_string(g as i64 + 1), " at ", &show(Fmt::UsdKwh, v)].concat()
        }
        _ => String::new(),
    }
}

/// What the strip's live region says once the input settles: each KPI with its label.
pub fn summary(defs: &[&KpiDef], r: Option<&Results>, s: &Scenario) -> String {
    let parts: Vec<String> = defs.iter().map(|d| [&label(d, s), ": ", &shown(d, r, s).text].concat()).collect();
    parts.join(". ") + "."
}

/// What the live region says once the results settle: the strip's summary, then the keep / sell / convert sentence
/// when the order of the three changed since `before` (a new winner is news; its amounts move with every input
/// and would double every summary). Returns the order now, to pass back the next time.
pub fn settled_words(r: Option<&Results>, s: &Scenario, before: Option<[Choice; 3]>) -> (String, Option<[Choice; 3]>) {
    let text = summary(&strip_defs(), r, s);
    let now = r.map(|r| ranked(&r.decision));
    match (r, before) {
        (Some(r), Some(b)) if Some(b) != now => ([&text, " ", &decision_words(&r.decision, s, &usd)].concat(), now),
        _ => (text, now),
    }
}

/// The strip's KPI definitions, in order.
pub fn strip_defs() -> Vec<&'static KpiDef> {
    IN_STRIP.iter().filter_map(|k| find(k)).collect()
}

/// How a card is drawn: the strip's compact form (no formula), and whether it carries the page's
/// `data-kpi`/`data-value` hooks (unique on the page).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Form {
    pub compact: bool,
    pub hooks: bool,
}

/// A built KPI card's handles.
#[derive(Clone, Copy)]
pub struct KpiCard {
    pub def: &'static KpiDef,
    pub hooks: bool,
    pub root: Slot,
    /// The label: "Fleet …" labels lose "Fleet " for a single machine ([`label`]).
    pub label: Slot,
    pub value: Slot,
    /// The second line of the [`SUB_LINES`] cards (strip only).
    pub sub: Option<Slot>,
    /// "How is this computed?" (not in the strip).
    pub formula: Option<Formula<Slot>>,
}

/// A card's "How is this computed?": its `<details>` and the paragraph the formula goes in (the grid fills
/// it only while open). Slots in the markup, then elements.
#[derive(Clone, Copy)]
pub struct Formula<T> {
    pub details: T,
    pub text: T,
}

/// The handles every KPI card has.
#[derive(Clone, Copy)]
pub struct CardSlots {
    pub root: Slot,
    pub label: Slot,
    pub value: Slot,
}

/// A KPI's label for this scenario: one machine is not a fleet.
pub fn label(def: &KpiDef, s: &Scenario) -> String {
    fleet_label(def.label, total_machines(s))
}

/// How a card's value is set: a figure, a loss (class `neg`: red, and said in words where colour alone would
/// not), or the KPI's words where it has no value ("no IRR: …", class `words`: set smaller than a figure).
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Look {
    Figure,
    Loss,
    Words,
}

/// Opens a KPI card (`attrs` adds the root's attributes) with its label and value: the caller adds what
/// follows the value and closes the `div`. Every KPI on the page starts here.
pub fn open_card(h: &mut Html, attrs: impl FnOnce(&mut Html), label: &str, text: &str, look: Look) -> CardSlots {
    h.open("div", "class=\"kpi\"");
    attrs(h);
    let root = h.slot();
    h.open("span", "class=\"kpi-label\"");
    let label_slot = h.slot();
    h.text(label).close("span");
    // Not a live region (an `<output>` is one by default): a slider step would read out every changed number.
    // The strip's summary speaks for them once the input settles.
    h.open(
        "output",
        match look {
            Look::Figure => "aria-live=\"off\" class=\"kpi-value\"",
            Look::Loss => "aria-live=\"off\" class=\"kpi-value neg\"",
            Look::Words => "aria-live=\"off\" class=\"kpi-value words\"",
        },
    );
    let value = h.slot();
    h.text(text).close("output");
    CardSlots { root, label: label_slot, value }
}

/// Writes a card's "How is this computed?" disclosure.
pub fn formula_details(h: &mut Html, label: &str) -> Formula<Slot> {
    // The hidden label tells the ~45 disclosures apart in a screen reader's list of controls.
    h.open("details", "class=\"formula\"");
    let details = h.slot();
    h.raw("<summary>How is this computed?<span class=\"visually-hidden\"> (").text(label).raw(")</span></summary>");
    h.open("p", "");
    let text = h.slot();
    h.close("p").close("details");
    Formula { details, text }
}

/// Writes one KPI card with its current value.
pub fn card(h: &mut Html, def: &'static KpiDef, form: Form, r: Option<&Results>, s: &Scenario) -> KpiCard {
    let now = shown(def, r, s);
    let label = label(def, s);
    let CardSlots { root, label: label_slot, value } = open_card(
        h,
        |h| {
            h.attr("data-key", def.key);
            if form.hooks {
                h.attr("data-kpi", def.key).attr("data-value", &now.data_value);
            }
        },
        &label,
        &now.text,
        now.look,
    );
    let sub = (form.compact && sub_line_of(def).is_some()).then(|| {
        h.open("span", "class=\"kpi-sub\"");
        let sub = h.slot();
        h.text(&sub_line(def, r, s)).close("span");
        sub
    });
    let formula = (!form.compact).then(|| formula_details(h, &label));
    h.close("div");
    KpiCard { def, hooks: form.hooks, root, label: label_slot, value, sub, formula }
}

#[cfg(test)]
#[path = "kpi_card_tests.rs"]
mod tests;

//! The KPIs: the strip at the top ("the answer in five seconds") and the grid of every output with its
//! formula, grouped like the model. Both are islands (see `crate::dom`): markup once, then each value is
//! patched in place. `data-kpi` / `data-value` are stable hooks for tests and embedding hosts; they stay
//! unique on the page (the grid's copy of a strip KPI carries neither while the strip is shown).

use crate::app::Ctx;
use crate::components::kpi_defs::{find, show, Fmt, KpiDef};
use crate::dom::{esc, find_all, on, set_attr, set_class, set_text, Section};
use crate::format::plain;
use crate::model::{Results, Scenario, HPC_KEYS, PROJECTION_KEYS, SNAPSHOT_KEYS};
use leptos::prelude::*;
use web_sys::Element;

/// The KPIs of the strip at the top (which carries their hooks when it is shown).
pub const IN_STRIP: &[&str] = &["hashprice_usd_per_ph_day", "breakeven_power_price_usd_kwh", "payback_days", "npv_usd", "profit_usd_day"];

/// What one KPI shows now: its text, whether it is a loss, and the `data-value` hook.
struct Shown {
    text: String,
    neg: bool,
    data_value: String,
}

fn shown(def: &KpiDef, r: Option<&Results>, s: &Scenario) -> Shown {
    match r.and_then(|r| r.value(def.key)).flatten() {
        // MODEL.md's payback is day 0 when there is no capex: nothing is repaid, and "0 days" would read as instant.
        Some(v) if v == 0.0 && def.key == "payback_days" => {
            Shown { text: "no capex to repay".into(), neg: false, data_value: plain(v) }
        }
        // Below 1× the mine's cash does not cover the loan payment: said in words, not by colour alone.
        Some(v) if v < 1.0 && def.key == "min_dscr" => {
            // At most 0.99×, so a DSCR of 0.997 does not read "1.00× (below 1)".
            Shown { text: show(def.fmt, v.min(0.99)) + " (below 1)", neg: true, data_value: plain(v) }
        }
        Some(v) => Shown { text: show(def.fmt, v), neg: v < 0.0 && matches!(def.fmt, Fmt::Usd | Fmt::Pct), data_value: plain(v) },
        None => Shown { text: (def.none)(s, r), neg: false, data_value: String::new() },
    }
}

fn sats_line(r: Option<&Results>) -> String {
    r.map(|r| show(Fmt::Btc, r.snapshot.hashvalue_btc_per_ph_day) + " per PH/s per day").unwrap_or_default()
}

/// One KPI's markup. `compact`: the strip's form (no formula); `hooks`: carries `data-kpi`/`data-value`.
fn kpi_markup(out: &mut String, def: &KpiDef, compact: bool, hooks: bool, r: Option<&Results>, s: &Scenario) {
    let now = shown(def, r, s);
    out.push_str("<div class=\"kpi\" data-key=\"");
    out.push_str(def.key);
    if hooks {
        out.push_str("\" data-kpi=\"");
        out.push_str(def.key);
        out.push_str("\" data-value=\"");
        out.push_str(&now.data_value);
    }
    out.push_str("\"><span class=\"kpi-label\">");
    out.push_str(&esc(def.label));
    // Not a live region (an `<output>` is one by default): a slider step would read out every changed number.
    // The strip's summary (`announce`) speaks for them once the input settles.
    out.push_str("</span><output aria-live=\"off\" class=\"kpi-value");
    if now.neg {
        out.push_str(" neg");
    }
    out.push_str("\">");
    out.push_str(&esc(&now.text));
    out.push_str("</output>");
    if compact && def.key == "hashprice_usd_per_ph_day" {
        out.push_str("<span class=\"kpi-sub\">");
        out.push_str(&sats_line(r));
        out.push_str("</span>");
    }
    if !compact {
        // The hidden label tells the ~40 disclosures apart in a screen reader's list of controls.
        out.push_str("<details class=\"formula\"><summary>How is this computed?<span class=\"visually-hidden\"> (");
        out.push_str(&esc(def.label));
        out.push_str(")</span></summary><p></p></details>");
    }
    out.push_str("</div>");
}

/// One KPI's elements, looked up once when the section is bound (a slider move then patches without queries).
struct Slot {
    def: &'static KpiDef,
    el: Element,
    hooks: bool,
    value: Option<Element>,
    sub: Option<Element>,
    formula: Option<(Element, Element)>,
}

fn slots(root: &Element) -> Vec<Slot> {
    find_all(root, ".kpi")
        .into_iter()
        .filter_map(|el| {
            let def = el.get_attribute("data-key").and_then(|k| find(&k))?;
            let formula = crate::dom::find(&el, ".formula").and_then(|d| Some((crate::dom::find(&d, "p")?, d)));
            Some(Slot {
                def,
                hooks: el.has_attribute("data-kpi"),
                value: crate::dom::find(&el, ".kpi-value"),
                sub: crate::dom::find(&el, ".kpi-sub"),
                formula,
                el,
            })
        })
        .collect()
}

/// Patches every KPI to the current results, and fills the formulas that are open.
fn patch(c: Ctx, slots: &[Slot]) {
    c.results.with(|r| {
        c.scenario.with(|s| {
            for k in slots {
                let now = shown(k.def, r.as_ref(), s);
                if k.hooks {
                    set_attr(&k.el, "data-value", &now.data_value);
                }
                if let Some(out) = &k.value {
                    set_text(out, &now.text);
                    set_class(out, "neg", now.neg);
                }
                if let Some(sub) = &k.sub {
                    set_text(sub, &sats_line(r.as_ref()));
                }
                if let (Some((p, details)), Some(r)) = (&k.formula, r.as_ref()) {
                    if details.has_attribute("open") {
                        set_text(p, &(k.def.formula)(s, r));
                    }
                }
            }
        })
    });
}

/// Keeps the island's KPIs current, and fills a formula when its `<details>` opens (most never are).
/// Event handlers run outside the reactive owner, so the context is taken here, once.
fn bind(c: Ctx, root: &Element) {
    let slots = std::rc::Rc::new(slots(root));
    let mine = slots.clone();
    crate::dom::effect(move |_| {
        c.results.track();
        c.scenario.track();
        patch(c, &mine);
    });
    on(root, "toggle", true, move |_| patch(c, &slots));
}

pub fn strip(c: Ctx) -> Section {
    let mut m = String::from("<section class=\"kpi-strip\" aria-label=\"Key results\">");
    c.results.with_untracked(|r| {
        c.scenario.with_untracked(|s| {
            for def in IN_STRIP.iter().filter_map(|k| find(k)) {
                kpi_markup(&mut m, def, true, true, r.as_ref(), s);
            }
        })
    });
    m.push_str("<p class=\"visually-hidden\" aria-live=\"polite\" data-summary=\"\"></p></section>");
    Section::new(m, move |root| {
        bind(c, root);
        announce(c, root);
    })
}

/// How long the results must stay unchanged before the summary is spoken.
const SETTLE: std::time::Duration = std::time::Duration::from_millis(900);

/// The one live region of the results: a second after the last change (a slider drag, a typed number), it
/// reads the strip's KPIs with their labels. Nothing is said for the page's first results.
fn announce(c: Ctx, root: &Element) {
    let Some(out) = crate::dom::find(root, "[data-summary]") else { return };
    let defs: Vec<&'static KpiDef> = IN_STRIP.iter().filter_map(|k| find(k)).collect();
    let pending = StoredValue::new_local(None::<leptos::prelude::TimeoutHandle>);
    crate::dom::effect(move |first| {
        c.results.track();
        if first {
            return;
        }
        if let Some(h) = pending.get_value() {
            h.clear();
        }
        let (out, defs) = (out.clone(), defs.clone());
        let write = move || {
            let text = c.results.with_untracked(|r| {
                c.scenario.with_untracked(|s| {
                    let parts: Vec<String> = defs.iter().map(|d| [d.label, ": ", &shown(d, r.as_ref(), s).text].concat()).collect();
                    parts.join(". ") + "."
                })
            });
            set_text(&out, &text);
        };
        pending.set_value(leptos::prelude::set_timeout_with_handle(write, SETTLE).ok());
    });
}

pub fn grid(c: Ctx) -> Section {
    let strip_shown = c.page.with_value(|p| p.shows("kpis"));
    let mut m = String::from("<section class=\"card all-kpis\" aria-labelledby=\"all-kpis-title\"><h2 id=\"all-kpis-title\">All results</h2>");
    c.results.with_untracked(|r| {
        c.scenario.with_untracked(|s| {
            for (title, keys) in [
                ("Today (day 0)", SNAPSHOT_KEYS),
                ("Projection and financing", PROJECTION_KEYS),
                ("Mining versus AI/HPC, per MW", HPC_KEYS),
            ] {
                m.push_str("<section class=\"kpi-group\"><h3>");
                m.push_str(&esc(title));
                m.push_str("</h3><div class=\"kpi-grid\">");
                for def in keys.iter().filter_map(|k| find(k)) {
                    let hooks = !(strip_shown && IN_STRIP.contains(&def.key));
                    kpi_markup(&mut m, def, false, hooks, r.as_ref(), s);
                }
                m.push_str("</div></section>");
            }
        })
    });
    m.push_str("</section>");
    Section::new(m, move |root| bind(c, root))
}

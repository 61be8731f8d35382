//! Export (pure): the projection month by month as CSV, and the iframe snippet of the Embed button.
//!
//! The model's `Projection` carries only `monthly_net_usd`; [`monthly_rows`] re-walks the same days with the
//! model's own per-day grid ([`DayGrid`]) to split each month into BTC, revenue, power and opex. Its net
//! column is summed exactly as the model sums `monthly_net_usd`, so the two are equal, not just close.
//! No float formatting here: numbers go through the caller's `fmt` (the page passes JS `Number#toString`).

use crate::model::projection::{financing, DayGrid};
use crate::model::Scenario;

/// One month of the projection (MODEL.md sections 2–3).
#[derive(Clone, Debug, PartialEq)]
pub struct MonthRow {
    /// 1-based month number.
    pub month: usize,
    pub btc_mined: f64,
    pub revenue_usd: f64,
    pub power_cost_usd: f64,
    pub opex_usd: f64,
    /// revenue − power − opex, equal to `projection.monthly_net_usd[month − 1]`.
    pub net_cash_usd: f64,
    /// Σ net up to this month's end − capex (the cash chart's line).
    pub cumulative_cash_usd: f64,
    /// The loan payment due at this month's end (0 once the term is over or without debt).
    pub debt_payment_usd: f64,
}

/// The projection month by month. The scenario must be valid (`Scenario::validate`); an invalid one gives
/// no rows rather than a panic.
pub fn monthly_rows(s: &Scenario) -> Vec<MonthRow> {
    if s.validate().is_err() {
        return Vec::new();
    }
    let grid = DayGrid::new(s);
    let fleet = &grid.fleet;
    let mut rows = Vec::with_capacity(grid.horizon_months);
    let mut cum = -fleet.capex_usd;
    let nets_by_month: Vec<f64> = grid
        .month_start
        .windows(2)
        .map(|w| (w[0]..w[1]).map(|d| fleet.net(grid.revenue_usd(d, s.btc_price_usd))).sum::<f64>())
        .collect();
    let fin = financing(s, fleet.capex_usd, &nets_by_month);
    let term = s.debt_term_months as usize;
    for (m, w) in grid.month_start.windows(2).enumerate() {
        let (mut btc, mut revenue, mut power) = (0.0, 0.0, 0.0);
        for d in w[0]..w[1] {
            // Same operation order as the model's projection, so the sums agree exactly.
            let r = grid.revenue_usd(d, s.btc_price_usd);
            if !fleet.curtailed(r) {
                btc += grid.btc[d];
                revenue += r;
                power += fleet.power_usd_day;
            }
        }
        let net = nets_by_month[m];
        cum += net;
        rows.push(MonthRow {
            month: m + 1,
            btc_mined: btc,
            revenue_usd: revenue,
            power_cost_usd: power,
            opex_usd: fleet.opex_usd_day * (w[1] - w[0]) as f64,
            net_cash_usd: net,
            cumulative_cash_usd: cum,
            debt_payment_usd: if m < term { fin.debt_payment_usd_month } else { 0.0 },
        });
    }
    rows
}

/// CSV header of [`projection_csv`].
pub const CSV_COLUMNS: &[&str] = &[
    "month",
    "btc_mined",
    "revenue_usd",
    "power_cost_usd",
    "opex_usd",
    "net_cash_usd",
    "cumulative_cash_usd",
    "debt_payment_usd",
];

/// The rows as CSV: a header line, then one line per month, `\n` line ends, numbers through `fmt`.
pub fn projection_csv(rows: &[MonthRow], fmt: &dyn Fn(f64) -> String) -> String {
    let mut out = CSV_COLUMNS.join(",");
    out.push('\n');
    for r in rows {
        let cells = [
            r.month as f64,
            r.btc_mined,
            r.revenue_usd,
            r.power_cost_usd,
            r.opex_usd,
            r.net_cash_usd,
            r.cumulative_cash_usd,
            r.debt_payment_usd,
        ];
        for (i, x) in cells.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            out.push_str(&fmt(*x));
        }
        out.push('\n');
    }
    out
}

/// Text for an HTML attribute value in double quotes.
pub fn escape_attr(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for ch in text.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            c => out.push(c),
        }
    }
    out
}

/// The calculator's embed URL: `page_url` (origin and path, no query) with `embed=1`, the chosen panels
/// (all when `None`) and the scenario query (`to_query`'s output, may be empty).
pub fn embed_url(page_url: &str, panels: Option<&[&str]>, scenario_query: &str) -> String {
    let base = page_url.split(['?', '#']).next().unwrap_or(page_url);
    let mut url = String::from(base);
    url.push_str("?embed=1");
    if let Some(p) = panels.filter(|p| !p.is_empty()) {
        url.push_str("&panels=");
        url.push_str(&p.join(","));
    }
    if !scenario_query.is_empty() {
        url.push('&');
        url.push_str(scenario_query);
    }
    url
}

/// A ready-to-paste snippet: the iframe plus a few lines of script that size it from the calculator's
/// `hashprice:height` messages (so the host page shows it without scrollbars).
pub fn embed_snippet(url: &str, id: &str) -> String {
    let id = escape_attr(id);
    [
        "<iframe id=\"",
        &id,
        "\" src=\"",
        &escape_attr(url),
        "\" title=\"Bitcoin mining hashprice & margin calculator\" style=\"width:100%;height:900px;border:0\" allow=\"clipboard-write\" loading=\"lazy\"></iframe>\n",
        "<script>\n",
        "addEventListener(\"message\", function (e) {\n",
        "  var f = document.getElementById(\"",
        &id,
        "\");\n",
        "  var d = e.data;\n",
        "  if (f && e.source === f.contentWindow && d && d.type === \"hashprice:height\" && d.height > 0) f.style.height = Math.ceil(d.height) + \"px\";\n",
        "});\n",
        "// Drive it from your page, e.g. showScenario({btc_price_usd: 150000}); keys left out keep their values.\n",
        "function showScenario(scenario) {\n",
        "  document.getElementById(\"",
        &id,
        "\").contentWindow.postMessage({ type: \"hashprice:scenario\", scenario: scenario }, \"*\");\n",
        "}\n",
        "</script>",
    ]
    .concat()
}

#[cfg(test)]
#[path = "export_tests.rs"]
mod tests;

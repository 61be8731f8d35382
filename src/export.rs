//! Export (pure): the projection month by month as CSV, and the iframe snippet of the Embed button.
//!
//! [`monthly_rows`] reads the month sums the model's projection keeps beside `monthly_net_usd` (its chart
//! series), so the net column is the model's own `monthly_net_usd`, equal, not just close.
//! No float formatting here: numbers go through the caller's `fmt` (the page passes JS `Number#toString`).

use crate::model::{evaluate, Scenario};

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
    let Ok(r) = evaluate(s) else {
        return Vec::new();
    };
    let p = &r.projection;
    let term = s.debt_term_months as usize;
    r.series
        .months
        .iter()
        .zip(&p.monthly_net_usd)
        .zip(&r.series.cumulative_cash_usd_month)
        .enumerate()
        .map(|(m, ((totals, net), cum))| MonthRow {
            month: m + 1,
            btc_mined: totals.btc_mined,
            revenue_usd: totals.revenue_usd,
            power_cost_usd: totals.power_cost_usd,
            opex_usd: totals.fixed_cost_usd,
            net_cash_usd: *net,
            cumulative_cash_usd: *cum,
            debt_payment_usd: if m < term { p.debt_payment_usd_month } else { 0.0 },
        })
        .collect()
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

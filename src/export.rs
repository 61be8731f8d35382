//! Export (pure): the projection month by month as CSV (`scenario_csv`: a header block, then a row per month with
//! the market, the cash and the loan), and the iframe snippet of the Embed button.
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

/// The model's version in an export's header (the crate's version).
pub const MODEL_VERSION: &str = env!("CARGO_PKG_VERSION");

/// One month of the loan (MODEL.md section 8): paid at the month's end.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LoanMonth {
    pub payment_usd: f64,
    pub interest_usd: f64,
    pub principal_usd: f64,
    /// B_m, the balance after this month's payment.
    pub balance_usd: f64,
}

/// The loan month by month over `months` months (MODEL.md section 8): B_0 = debt; for m = 1 … n interest =
/// B_{m−1} × i, principal = payment − interest, B_m = B_{m−1} − principal, except B_n = 0 exactly; zeros after
/// the term and without debt. The payment is the model's (`financing`).
pub fn loan_schedule(s: &Scenario, capex_usd: f64, payment_usd: f64, months: usize) -> Vec<LoanMonth> {
    let debt = capex_usd * s.debt_pct / 100.0;
    let n = s.debt_term_months as usize;
    let i = s.debt_apr_pct / 100.0 / 12.0;
    let zero = LoanMonth { payment_usd: 0.0, interest_usd: 0.0, principal_usd: 0.0, balance_usd: 0.0 };
    let mut balance = debt;
    (1..=months)
        .map(|m| {
            if debt <= 0.0 || m > n {
                return zero;
            }
            let interest = balance * i;
            let principal = payment_usd - interest;
            balance = if m == n { 0.0 } else { balance - principal };
            LoanMonth { payment_usd, interest_usd: interest, principal_usd: principal, balance_usd: balance }
        })
        .collect()
}

/// One month of the CSV export: [`MonthRow`]'s cash, the month's market (daily averages), curtailment and
/// the loan.
#[derive(Clone, Debug, PartialEq)]
pub struct ExportMonth {
    pub row: MonthRow,
    /// Averages over the month's days of the BTC price, the network hashrate and the hashprice.
    pub avg_btc_price_usd: f64,
    pub avg_network_hashrate_ehs: f64,
    pub avg_hashprice_usd_per_ph_day: f64,
    pub curtailed_days: usize,
    pub loan: LoanMonth,
}

/// The projection month by month with everything the CSV carries; no rows for an invalid scenario.
pub fn export_months(s: &Scenario) -> Vec<ExportMonth> {
    let rows = monthly_rows(s);
    if rows.is_empty() {
        return Vec::new();
    }
    let grid = DayGrid::new(s);
    let fleet = &grid.fleet;
    let nets: Vec<f64> = rows.iter().map(|r| r.net_cash_usd).collect();
    let fin = financing(s, fleet.capex_usd, &nets);
    let loan = loan_schedule(s, fleet.capex_usd, fin.debt_payment_usd_month, rows.len());
    rows.into_iter()
        .zip(grid.month_start.windows(2))
        .zip(loan)
        .map(|((row, w), loan)| {
            let days = (w[1] - w[0]).max(1) as f64;
            let (mut price, mut hashrate, mut hashprice, mut curtailed) = (0.0, 0.0, 0.0, 0);
            for d in w[0]..w[1] {
                let p = s.btc_price_usd * grid.factors.price_growth[d];
                price += p;
                hashrate += s.network_hashrate_ehs * grid.factors.hash_growth[d];
                hashprice += grid.hashvalue_btc_per_ph[d] * p;
                curtailed += usize::from(fleet.curtailed(grid.revenue_usd(d, s.btc_price_usd)));
            }
            ExportMonth {
                row,
                avg_btc_price_usd: price / days,
                avg_network_hashrate_ehs: hashrate / days,
                avg_hashprice_usd_per_ph_day: hashprice / days,
                curtailed_days: curtailed,
                loan,
            }
        })
        .collect()
}

/// The monthly table's columns in the CSV export.
pub const EXPORT_COLUMNS: &[&str] = &[
    "month",
    "avg_btc_price_usd",
    "avg_network_hashrate_ehs",
    "avg_hashprice_usd_per_ph_day",
    "btc_mined",
    "revenue_usd",
    "power_cost_usd",
    "fixed_costs_usd",
    "net_cash_usd",
    "cumulative_cash_usd",
    "curtailed_days",
    "loan_interest_usd",
    "loan_principal_usd",
    "loan_balance_usd",
];

/// A CSV export: the file's text, and why cells are empty (shown on the page too).
#[derive(Clone, Debug, PartialEq)]
pub struct CsvExport {
    pub text: String,
    pub notes: Vec<String>,
}

/// How a cell's number is written.
#[derive(Clone, Copy)]
enum Cell {
    Usd(f64),
    Btc(f64),
    Ehs(f64),
    Count(usize),
}

impl Cell {
    /// USD to the cent, BTC to the satoshi, EH/s to 0.001; `None` for a value that is not finite.
    fn text(self) -> Option<String> {
        use crate::state::numtext::decimal;
        match self {
            Cell::Usd(x) => decimal(x, 2, 2, false),
            Cell::Btc(x) => decimal(x, 8, 8, false),
            Cell::Ehs(x) => decimal(x, 3, 3, false),
            Cell::Count(n) => decimal(n as f64, 0, 0, false),
        }
    }
}

/// A text cell as CSV: quoted when it holds a comma, quote or line break; text that is not a number and
/// starts with `=`, `+`, `-` or `@` gets a `'` so a spreadsheet never reads it as a formula.
fn text_cell(text: &str) -> String {
    let formula = text.starts_with(['=', '+', '-', '@']) && crate::state::query::parse_number(text).is_none();
    let t = if formula { ["'", text].concat() } else { text.to_string() };
    if t.contains([',', '"', '\n', '\r']) {
        ["\"", &t.replace('"', "\"\""), "\""].concat()
    } else {
        t
    }
}

fn push_row(out: &mut String, cells: &[String], width: usize) {
    for i in 0..width.max(cells.len()) {
        if i > 0 {
            out.push(',');
        }
        if let Some(c) = cells.get(i) {
            out.push_str(c);
        }
    }
    out.push_str("\r\n");
}

/// The scenario as a CSV file a spreadsheet opens cleanly (RFC 4180: `\r\n` line ends, every row as wide as
/// the monthly table): a header block (title, `exported_at` as given, e.g. an ISO-8601 UTC time, the model
/// version, the defaults' base, notes, then every input with its value through `plain`, the page's JS
/// `Number#toString`), a blank row, then the monthly table ([`EXPORT_COLUMNS`]). USD to the cent, BTC to 8
/// decimals; a value that is not a finite number (valid but extreme inputs) is an empty cell, and
/// [`CsvExport::notes`] says which and why. An invalid scenario gives the header block and no months.
pub fn scenario_csv(s: &Scenario, exported_at: &str, plain: &dyn Fn(f64) -> String) -> CsvExport {
    let months = export_months(s);
    let width = EXPORT_COLUMNS.len();
    let mut table = String::new();
    let mut empty = vec![0usize; width];
    for m in &months {
        let r = &m.row;
        let cells = [
            Cell::Count(r.month),
            Cell::Usd(m.avg_btc_price_usd),
            Cell::Ehs(m.avg_network_hashrate_ehs),
            Cell::Usd(m.avg_hashprice_usd_per_ph_day),
            Cell::Btc(r.btc_mined),
            Cell::Usd(r.revenue_usd),
            Cell::Usd(r.power_cost_usd),
            Cell::Usd(r.opex_usd),
            Cell::Usd(r.net_cash_usd),
            Cell::Usd(r.cumulative_cash_usd),
            Cell::Count(m.curtailed_days),
            Cell::Usd(m.loan.interest_usd),
            Cell::Usd(m.loan.principal_usd),
            Cell::Usd(m.loan.balance_usd),
        ];
        let texts: Vec<String> = cells
            .iter()
            .enumerate()
            .map(|(i, c)| {
                c.text().unwrap_or_else(|| {
                    empty[i] += 1;
                    String::new()
                })
            })
            .collect();
        push_row(&mut table, &texts, width);
    }
    let mut notes = Vec::new();
    for (i, n) in empty.iter().enumerate().filter(|(_, n)| **n > 0) {
        let count = crate::state::numtext::decimal(*n as f64, 0, 0, true).unwrap_or_default();
        let total = crate::state::numtext::decimal(months.len() as f64, 0, 0, true).unwrap_or_default();
        notes.push([EXPORT_COLUMNS[i], " is empty in ", &count, " of ", &total, " months: too large or too small to compute with these inputs"].concat());
    }
    if s.debt_pct > 0.0 && s.debt_term_months > s.horizon_months {
        notes.push("The loan outlasts the horizon: the balance in the last month is repaid on its last day (MODEL.md section 8).".into());
    }
    let mut out = String::new();
    let row = |out: &mut String, cells: &[&str]| push_row(out, &cells.iter().map(|c| text_cell(c)).collect::<Vec<_>>(), width);
    row(&mut out, &["Bitcoin mining hashprice & margin calculator: projection by month"]);
    row(&mut out, &["exported_at", exported_at]);
    row(&mut out, &["model_version", MODEL_VERSION]);
    row(&mut out, &["defaults", crate::state::query::current_base()]);
    row(&mut out, &["averages", "avg_ columns are the means of the month's daily values; cash columns are the month's sums"]);
    for n in &notes {
        row(&mut out, &["note", n]);
    }
    row(&mut out, &[]);
    row(&mut out, &["input", "value"]);
    for spec in crate::model::INPUTS {
        let v = match (spec.kind, s.get(spec.key)) {
            (crate::model::Kind::Bool, Some(x)) => if x == 1.0 { "true".to_string() } else { "false".to_string() },
            (_, Some(x)) => plain(x),
            (_, None) => String::new(),
        };
        row(&mut out, &[spec.key, &v]);
    }
    row(&mut out, &[]);
    row(&mut out, EXPORT_COLUMNS);
    out.push_str(&table);
    CsvExport { text: out, notes }
}

impl CsvExport {
    /// The export menu's status line after the download: what was written, and why cells are empty if any are.
    pub fn status(&self) -> String {
        let done = "Projection downloaded as CSV (inputs, then one row per month).";
        if self.notes.is_empty() {
            done.to_string()
        } else {
            [done, " Some cells are empty: ", &self.notes.join("; "), "."].concat()
        }
    }

    /// The file name: `hashprice-projection-2026-12-06.csv` from an ISO-8601 `exported_at` (its date part).
    pub fn file_name(exported_at: &str) -> String {
        let date = exported_at.get(0..10).filter(|d| d.bytes().enumerate().all(|(i, b)| if i == 4 || i == 7 { b == b'-' } else { b.is_ascii_digit() }));
        match date {
            Some(d) => ["hashprice-projection-", d, ".csv"].concat(),
            None => "hashprice-projection.csv".into(),
        }
    }
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

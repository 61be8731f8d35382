//! Export (pure): the projection month by month as CSV (`scenario_csv`: a header block, then a row per month with
//! the market, the cash and the loan), and the iframe snippet of the Embed button.
//!
//! [`monthly_rows`] reads the month sums the model's projection keeps beside `monthly_net_usd` (its chart
//! series), so the net column is the model's own `monthly_net_usd`, equal, not just close.
//! No float formatting here: numbers go through the caller's `fmt` (the page passes JS `Number#toString`).

use crate::model::days::Days;
use crate::model::projection::{month_starts, LoanMonth};
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
    evaluate(s).map(|r| rows_of(s, &r)).unwrap_or_default()
}

/// [`monthly_rows`] from the scenario's results, for a caller that has them.
fn rows_of(s: &Scenario, r: &crate::model::Results) -> Vec<MonthRow> {
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

/// The model's version in an export's header (the crate's version).
pub const MODEL_VERSION: &str = env!("CARGO_PKG_VERSION");

/// One month of the CSV export: [`MonthRow`]'s cash, the month's market (daily averages), curtailment and
/// the loan (MODEL.md section 8, the model's own schedule).
#[derive(Clone, Debug, PartialEq)]
pub struct ExportMonth {
    pub row: MonthRow,
    /// Averages over the month's days of the BTC price, the network hashrate and the hashprice.
    pub avg_btc_price_usd: f64,
    pub avg_network_hashrate_ehs: f64,
    pub avg_hashprice_usd_per_ph_day: f64,
    /// Days on which at least one group was off.
    pub curtailed_days: usize,
    /// Interest and principal paid at the month's end and the balance after it (zeros without debt or after
    /// the term).
    pub loan: LoanMonth,
    /// Each present machine group's share of the month's days it runs (0–1), in group order: the merit
    /// order month by month.
    pub running_share: Vec<f64>,
}

/// The 0-based indexes of the scenario's machine groups, as the model's `Fleet` lists them.
fn present_groups(s: &Scenario) -> Vec<usize> {
    crate::model::days::Fleet::new(s).groups.iter().map(|g| g.index).collect()
}

/// The projection month by month with everything the CSV carries; no rows for an invalid scenario.
pub fn export_months(s: &Scenario) -> Vec<ExportMonth> {
    evaluate(s).map(|r| months_of(s, &r)).unwrap_or_default()
}

/// [`export_months`] from the scenario's results, for a caller that has them.
fn months_of(s: &Scenario, r: &crate::model::Results) -> Vec<ExportMonth> {
    let rows = rows_of(s, r);
    let days = Days::new(s);
    let starts = month_starts(days.days, s.horizon_months as usize);
    let hashprice = &r.series.hashprice_usd_per_ph_day;
    let groups = present_groups(s);
    rows.into_iter()
        .zip(starts.windows(2))
        .enumerate()
        .map(|(m, (row, w))| {
            let n = (w[1] - w[0]).max(1) as f64;
            let (mut price, mut hashrate, mut hp) = (0.0, 0.0, 0.0);
            for d in w[0]..w[1] {
                price += s.btc_price_usd * days.price_growth[d];
                hashrate += s.network_hashrate_ehs * days.hash_growth[d];
                hp += hashprice.get(d).copied().unwrap_or(f64::NAN);
            }
            ExportMonth {
                row,
                avg_btc_price_usd: price / n,
                avg_network_hashrate_ehs: hashrate / n,
                avg_hashprice_usd_per_ph_day: hp / n,
                curtailed_days: r.series.months.get(m).map_or(0, |t| t.curtailed_days),
                loan: r.series.loan.get(m).cloned().unwrap_or_default(),
                running_share: groups
                    .iter()
                    .map(|&g| r.series.group_running_days_month[g].get(m).map_or(f64::NAN, |&d| d as f64 / n))
                    .collect(),
            }
        })
        .collect()
}

/// One column of the monthly table: its header and its cell for a month of the horizon, in one row so the two
/// cannot drift apart.
pub struct Column {
    pub name: &'static str,
    cell: fn(&ExportMonth) -> Cell,
}

/// The monthly table's columns in the CSV export, after `month` (its number, from 1).
pub const MONTH_COLUMNS: &[Column] = &[
    Column { name: "avg_btc_price_usd", cell: |m| Cell::Usd(m.avg_btc_price_usd) },
    Column { name: "avg_network_hashrate_ehs", cell: |m| Cell::Ehs(m.avg_network_hashrate_ehs) },
    Column { name: "avg_hashprice_usd_per_ph_day", cell: |m| Cell::Usd(m.avg_hashprice_usd_per_ph_day) },
    Column { name: "btc_mined", cell: |m| Cell::Btc(m.row.btc_mined) },
    Column { name: "revenue_usd", cell: |m| Cell::Usd(m.row.revenue_usd) },
    Column { name: "power_cost_usd", cell: |m| Cell::Usd(m.row.power_cost_usd) },
    Column { name: "fixed_costs_usd", cell: |m| Cell::Usd(m.row.opex_usd) },
    Column { name: "net_cash_usd", cell: |m| Cell::Usd(m.row.net_cash_usd) },
    Column { name: "cumulative_cash_usd", cell: |m| Cell::Usd(m.row.cumulative_cash_usd) },
    Column { name: "curtailed_days", cell: |m| Cell::Count(m.curtailed_days) },
    Column { name: "loan_interest_usd", cell: |m| Cell::Usd(m.loan.interest_usd) },
    Column { name: "loan_principal_usd", cell: |m| Cell::Usd(m.loan.principal_usd) },
    Column { name: "loan_balance_usd", cell: |m| Cell::Usd(m.loan.balance_usd) },
    Column {
        name: "cash_after_debt_usd",
        cell: |m| Cell::Usd(m.row.net_cash_usd - (m.loan.interest_usd + m.loan.principal_usd)),
    },
];

/// The monthly table's headers up to the machine groups': `month`, then [`MONTH_COLUMNS`].
pub fn export_columns() -> Vec<&'static str> {
    std::iter::once("month").chain(MONTH_COLUMNS.iter().map(|c| c.name)).collect()
}

/// The columns after [`export_columns`]: each present machine group's running share (`group1_running_share`,
/// 1-based as on the page), then the convert strategy's cash per month (`convert_net_cash_usd`).
pub fn site_columns(groups: &[usize]) -> Vec<String> {
    let mut out: Vec<String> =
        groups.iter().map(|&g| ["group", &crate::chart::int_string(g as i64 + 1), "_running_share"].concat()).collect();
    out.push("convert_net_cash_usd".into());
    out
}

/// A CSV export: the file's text and its notes (in the file's header block, and said on the page too).
#[derive(Clone, Debug, PartialEq)]
pub struct CsvExport {
    pub text: String,
    /// Why cells are empty: one note per column with empty cells, saying in how many months.
    pub empty_cells: Vec<String>,
    /// Whether a balance is still owed at the horizon ([`LOAN_NOTE`]): the model's `loan_balance_end_usd`, as the
    /// page's loan KPI and decision card read it (a $0 loan, every machine owned, leaves nothing owed).
    pub loan_outlasts: bool,
}

/// How a cell's number is written.
#[derive(Clone, Copy)]
enum Cell {
    Usd(f64),
    Btc(f64),
    Ehs(f64),
    Share(f64),
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
            Cell::Share(x) => decimal(x, 4, 4, false),
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

/// Appends one CSV record: the cells, padded with empty ones to `width` (RFC 4180 wants every row as wide),
/// and a `\r\n` line end.
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
/// `Number#toString`), a blank row, then the monthly table ([`export_columns`]). USD to the cent, BTC to 8
/// decimals; a value that is not a finite number (valid but extreme inputs) is an empty cell, and
/// [`CsvExport::empty_cells`] says which and why. An invalid scenario gives the header block and no months.
pub fn scenario_csv(s: &Scenario, exported_at: &str, plain: &dyn Fn(f64) -> String) -> CsvExport {
    let e = Evaluated::of(s);
    let mut columns: Vec<String> = export_columns().into_iter().map(String::from).collect();
    columns.extend(site_columns(&e.groups));
    let table = month_table(&e, columns.len());
    let empty_cells = empty_cell_notes(&columns, &table.empty, e.months.len());
    let loan_outlasts = e.result.as_ref().is_some_and(|r| r.projection.equity.loan_balance_end_usd > 0.0);
    let mut sheet = Sheet { text: String::new(), width: columns.len() };
    let loan_note = loan_outlasts.then_some(LOAN_NOTE);
    let notes: Vec<&str> = empty_cells.iter().map(String::as_str).chain(loan_note).collect();
    header_block(&mut sheet, exported_at, &e, s, &notes);
    sheet.row(&[]);
    input_rows(&mut sheet, s, plain);
    sheet.row(&[]);
    sheet.row(&columns.iter().map(String::as_str).collect::<Vec<_>>());
    sheet.text.push_str(&table.text);
    CsvExport { text: sheet.text, empty_cells, loan_outlasts }
}

/// The scenario evaluated once for the export: its results (`None` when invalid), the mining months and the
/// present machine groups (both empty when invalid).
struct Evaluated {
    result: Option<crate::model::Results>,
    months: Vec<ExportMonth>,
    groups: Vec<usize>,
}

impl Evaluated {
    fn of(s: &Scenario) -> Evaluated {
        let result = evaluate(s).ok();
        let months = result.as_ref().map(|r| months_of(s, r)).unwrap_or_default();
        let groups = if result.is_some() { present_groups(s) } else { Vec::new() };
        Evaluated { result, months, groups }
    }

    /// The convert strategy's cash per month over its build and lease (empty when invalid).
    fn convert(&self) -> &[f64] {
        self.result.as_ref().map_or(&[], |r| &r.decision.convert_monthly_net_usd)
    }
}

/// The monthly table's records (without the column row, which goes in after the inputs) and, per column, how
/// many of its cells are empty because their number is not finite: the notes are written from these counts.
struct MonthTable {
    text: String,
    empty: Vec<usize>,
}

/// Mining runs over the horizon, converting over its own life (build and lease): the table is as long as the
/// longer; a cell past either life is empty and not counted as a failure.
fn month_table(e: &Evaluated, width: usize) -> MonthTable {
    let mut table = MonthTable { text: String::new(), empty: vec![0; width] };
    let rows = if e.months.is_empty() { 0 } else { e.months.len().max(e.convert().len()) };
    for i in 0..rows {
        let texts: Vec<String> = month_cells(e, i)
            .iter()
            .enumerate()
            .map(|(k, c)| match c {
                Some(c) => c.text().unwrap_or_else(|| {
                    table.empty[k] += 1;
                    String::new()
                }),
                None => String::new(),
            })
            .collect();
        push_row(&mut table.text, &texts, width);
    }
    table
}

/// Month `i`'s cells (0-based), column by column: `None` for a cell past mining's horizon or converting's life,
/// so that emptiness is told apart from a number that could not be computed.
fn month_cells(e: &Evaluated, i: usize) -> Vec<Option<Cell>> {
    let mut cells: Vec<Option<Cell>> = vec![Some(Cell::Count(i + 1))];
    match e.months.get(i) {
        Some(m) => {
            cells.extend(MONTH_COLUMNS.iter().map(|c| Some((c.cell)(m))));
            cells.extend(m.running_share.iter().map(|&x| Some(Cell::Share(x))));
        }
        None => cells.resize(1 + MONTH_COLUMNS.len() + e.groups.len(), None),
    }
    cells.push(e.convert().get(i).map(|&x| Cell::Usd(x)));
    cells
}

/// The note on a loan that outlasts the horizon: a sentence of its own, in the file and on the page.
const LOAN_NOTE: &str = "The loan outlasts the horizon: loan_balance_usd in the last month is still owed and must be \
    refinanced; cash_after_debt_usd leaves it out (the equity NPV counts it as repaid on the horizon's last day).";

/// Why cells are empty: a column with empty cells says in how many of the `months` and why.
fn empty_cell_notes(columns: &[String], empty: &[usize], months: usize) -> Vec<String> {
    let total = crate::state::numtext::decimal(months as f64, 0, 0, true).unwrap_or_default();
    let mut notes = Vec::new();
    for (i, n) in empty.iter().enumerate().filter(|(_, n)| **n > 0) {
        let count = crate::state::numtext::decimal(*n as f64, 0, 0, true).unwrap_or_default();
        notes.push(
            [
                &columns[i],
                " is empty in ",
                &count,
                " of ",
                &total,
                " months: too large or too small to compute with these inputs",
            ]
            .concat(),
        );
    }
    notes
}

/// The file's text as it is written: rows of text cells, each made safe by [`text_cell`] and padded to the
/// monthly table's width.
struct Sheet {
    text: String,
    width: usize,
}

impl Sheet {
    fn row(&mut self, cells: &[&str]) {
        push_row(&mut self.text, &cells.iter().map(|c| text_cell(c)).collect::<Vec<_>>(), self.width)
    }
}

/// The rows above the inputs: what the file is and when it was made, the salvage the monthly cash leaves out,
/// what the less obvious columns mean (when there are months) and the notes.
fn header_block(sheet: &mut Sheet, exported_at: &str, e: &Evaluated, s: &Scenario, notes: &[&str]) {
    sheet.row(&["Bitcoin mining hashprice & margin calculator: projection by month"]);
    sheet.row(&["exported_at", exported_at]);
    sheet.row(&["model_version", MODEL_VERSION]);
    sheet.row(&["defaults", crate::state::query::current_base()]);
    sheet.row(&[
        "averages",
        "avg_ columns are the means of the month's daily values; cash columns are the month's sums",
    ]);
    if let Some(r) = &e.result {
        // The machines' salvage is received at the horizon: in total_net_usd and NPV, not in the monthly cash.
        let salvage = Cell::Usd(r.projection.salvage_usd).text().unwrap_or_default();
        sheet.row(&["salvage_usd_at_horizon", &salvage]);
    }
    if !e.months.is_empty() {
        column_glossary(sheet, e, s);
    }
    for n in notes {
        sheet.row(&["note", n]);
    }
}

/// What the columns a reader could misread mean: the two lives the table runs over (their lengths in
/// months), the cash after the loan, the groups' running shares and the convert strategy's cash.
fn column_glossary(sheet: &mut Sheet, e: &Evaluated, s: &Scenario) {
    let life = crate::state::decision::months_count(e.convert().len() as f64);
    let horizon = crate::state::decision::months_count(e.months.len() as f64);
    let runs = [
        "Each choice over its own life: mining over the horizon (",
        &horizon,
        "), converting over its build and lease (",
        &life,
        "); cells past a life are empty",
    ]
    .concat();
    sheet.row(&["lives", &runs]);
    sheet.row(&["cash_after_debt_usd", "net cash minus the loan's interest and principal that month"]);
    sheet.row(&["groupN_running_share", "share of the month's days machine group N runs (it is switched off on days its revenue does not pay its power)"]);
    // With more groups a day counts as curtailed when any one is off, as the page's curtailed days say.
    if e.groups.len() > 1 {
        sheet.row(&["curtailed_days", "days of the month on which at least one machine group is switched off"]);
    }
    use crate::state::words::{by_count, MACHINES, MACHINES_OF};
    let convert = [
        "converting to AI/HPC: mining on through the build, the ",
        by_count(MACHINES, s),
        " sold at its end, the build's capex in monthly parts, then the lease after opex; the ",
        by_count(MACHINES_OF, s),
        " purchase price is not in it",
    ]
    .concat();
    sheet.row(&["convert_net_cash_usd", &convert]);
}

/// Every input with its value, so the file alone is enough to rebuild the scenario: switches as
/// `true`/`false`, numbers through `plain`.
fn input_rows(sheet: &mut Sheet, s: &Scenario, plain: &dyn Fn(f64) -> String) {
    sheet.row(&["input", "value"]);
    for spec in crate::model::INPUTS {
        let v = match (spec.kind, s.get(spec.key)) {
            (crate::model::Kind::Bool, Some(x)) => {
                if x == 1.0 {
                    "true".to_string()
                } else {
                    "false".to_string()
                }
            }
            (_, Some(x)) => plain(x),
            (_, None) => String::new(),
        };
        sheet.row(&[spec.key, &v]);
    }
}

impl CsvExport {
    /// What Export says after the download: what was written, why cells are empty if any are, and whether the
    /// loan outlasts the horizon.
    pub fn status(&self) -> String {
        let mut out = String::from("Projection downloaded as CSV (inputs, then one row per month).");
        if !self.empty_cells.is_empty() {
            out.push_str(" Some cells are empty: ");
            out.push_str(&self.empty_cells.join("; "));
            out.push('.');
        }
        if self.loan_outlasts {
            out.push(' ');
            out.push_str(LOAN_NOTE);
        }
        out
    }

    /// The file name: `hashprice-projection-2026-12-06.csv` from an ISO-8601 `exported_at` (its date part).
    pub fn file_name(exported_at: &str) -> String {
        let date = exported_at.get(0..10).filter(|d| {
            d.bytes().enumerate().all(|(i, b)| if i == 4 || i == 7 { b == b'-' } else { b.is_ascii_digit() })
        });
        match date {
            Some(d) => ["hashprice-projection-", d, ".csv"].concat(),
            None => "hashprice-projection.csv".into(),
        }
    }
}

/// What Export says once the scenario file is downloaded.
pub const JSON_DONE: &str = "Scenario and results downloaded as JSON.";

/// `text` ending with one full stop (a reason from elsewhere may already end with one).
fn sentence(mut text: String) -> String {
    if !text.ends_with('.') {
        text.push('.');
    }
    text
}

/// "Export failed: the browser refused the download."
pub fn export_failed(why: &str) -> String {
    sentence(["Export failed: ", why].concat())
}

/// Why a scenario file was not opened: "Could not open notes.json: it is not JSON."
pub fn open_refused(name: &str, why: &str) -> String {
    sentence(["Could not open ", name, ": ", why].concat())
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

//! Tests of `export`, kept beside it.

use super::*;
use crate::model::evaluate;

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-6 || (a - b).abs() <= 1e-9 * b.abs()
}

fn scenarios() -> Vec<Scenario> {
    let d = Scenario::default();
    vec![
        d.clone(),
        Scenario { opex_usd_month: 25_000.0, debt_pct: 60.0, debt_apr_pct: 14.0, ..d.clone() },
        Scenario {
            horizon_months: 60.0,
            btc_price_growth_pct_year: 50.0,
            debt_pct: 50.0,
            debt_term_months: 12.0,
            ..d.clone()
        },
        Scenario { btc_price_usd: 40_000.0, power_price_usd_kwh: 0.08, opex_usd_month: 1000.0, ..d.clone() },
        Scenario { curtail_when_unprofitable: false, btc_price_usd: 40_000.0, power_price_usd_kwh: 0.08, ..d.clone() },
        Scenario { horizon_months: 1.0, machine_count: 1.0, debt_pct: 100.0, debt_apr_pct: 0.0, ..d.clone() },
        Scenario { horizon_months: 120.0, block_height: 1_049_000.0, ..d },
    ]
}

#[test]
fn months_add_up_to_the_projection_totals() {
    for s in scenarios() {
        let r = evaluate(&s).expect("valid");
        let p = &r.projection;
        let rows = monthly_rows(&s);
        assert_eq!(rows.len(), s.horizon_months as usize);
        assert_eq!(rows.iter().map(|r| r.month).collect::<Vec<_>>(), (1..=rows.len()).collect::<Vec<_>>());
        let sum = |f: fn(&MonthRow) -> f64| rows.iter().map(f).sum::<f64>();
        assert!(close(sum(|r| r.btc_mined), p.total_btc_mined), "btc");
        assert!(close(sum(|r| r.revenue_usd), p.total_revenue_usd), "revenue");
        assert!(close(sum(|r| r.power_cost_usd), p.total_power_cost_usd), "power");
        assert!(close(sum(|r| r.net_cash_usd) - r.snapshot.capex_usd, p.total_net_usd), "net");
        let opex_total = s.opex_usd_month / 30.4375 * p.horizon_days as f64;
        assert!(close(sum(|r| r.opex_usd), opex_total), "opex");
        // The net column is the model's own monthly_net_usd, bit for bit.
        let nets: Vec<f64> = rows.iter().map(|r| r.net_cash_usd).collect();
        assert_eq!(nets, p.monthly_net_usd);
        assert_eq!(rows.iter().map(|r| r.cumulative_cash_usd).collect::<Vec<_>>(), r.series.cumulative_cash_usd_month);
        for row in &rows {
            assert!(close(row.revenue_usd - row.power_cost_usd - row.opex_usd, row.net_cash_usd), "row {}", row.month);
            let due = row.month <= s.debt_term_months as usize;
            let want = if due { p.debt_payment_usd_month } else { 0.0 };
            assert_eq!(row.debt_payment_usd, want);
        }
    }
}

#[test]
fn invalid_scenario_gives_no_rows() {
    let s = Scenario { btc_price_usd: f64::NAN, ..Scenario::default() };
    assert!(monthly_rows(&s).is_empty());
}

#[test]
fn csv_has_a_header_and_a_line_per_month() {
    let s = Scenario { horizon_months: 3.0, debt_pct: 50.0, ..Scenario::default() };
    let rows = monthly_rows(&s);
    let csv = projection_csv(&rows, &|x| x.to_string());
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(lines.len(), 4);
    assert_eq!(
        lines[0],
        "month,btc_mined,revenue_usd,power_cost_usd,opex_usd,net_cash_usd,cumulative_cash_usd,debt_payment_usd"
    );
    for (i, line) in lines[1..].iter().enumerate() {
        let cells: Vec<f64> = line.split(',').map(|c| c.parse().expect("number")).collect();
        assert_eq!(cells.len(), 8);
        assert_eq!(cells[0], (i + 1) as f64);
        assert_eq!(cells[5], rows[i].net_cash_usd);
    }
    assert!(csv.ends_with('\n'));
}

#[test]
fn snippet_is_escaped_and_has_clipboard_permission() {
    let url = embed_url(
        "https://investor.example/tools/hashprice/?old=1#x",
        Some(&["kpis", "cash"]),
        "btc_price_usd=86000&uptime_pct=95",
    );
    assert_eq!(
        url,
        "https://investor.example/tools/hashprice/?embed=1&panels=kpis,cash&btc_price_usd=86000&uptime_pct=95"
    );
    assert_eq!(embed_url("https://a.example/", None, ""), "https://a.example/?embed=1");
    let snip = embed_snippet(&url, "hashprice");
    assert!(snip.starts_with("<iframe id=\"hashprice\" src=\"https://investor.example/tools/hashprice/?embed=1&amp;panels=kpis,cash&amp;btc_price_usd=86000&amp;uptime_pct=95\""));
    assert!(snip.contains("allow=\"clipboard-write\""));
    assert!(snip.contains("hashprice:height"));
    assert!(
        snip.contains("function showScenario(scenario)")
            && snip.contains("getElementById(\"hashprice\").contentWindow")
    );
    assert_eq!(escape_attr("\"><script>&"), "&quot;&gt;&lt;script&gt;&amp;");
}

/// A strict RFC 4180 reader: fields separated by `,`, records by `\r\n`, quoted fields with `""` escapes;
/// a quote inside an unquoted field, text after a closing quote, a bare `\n` or `\r`, or a record of another
/// width than the first is an error.
fn parse_csv(text: &str) -> Result<Vec<Vec<String>>, String> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut field = String::new();
    let mut chars = text.chars().peekable();
    let mut quoted = false;
    let mut after_quote = false;
    while let Some(c) = chars.next() {
        if quoted {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    field.push('"');
                }
                '"' => {
                    quoted = false;
                    after_quote = true;
                }
                c => field.push(c),
            }
            continue;
        }
        match c {
            ',' => {
                row.push(std::mem::take(&mut field));
                after_quote = false;
            }
            '\r' if chars.peek() == Some(&'\n') => {
                chars.next();
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
                after_quote = false;
            }
            '\r' | '\n' => return Err(format!("bare line break in record {}", rows.len() + 1)),
            '"' if field.is_empty() && !after_quote => quoted = true,
            '"' => return Err(format!("stray quote in record {}", rows.len() + 1)),
            _ if after_quote => return Err(format!("text after a closing quote in record {}", rows.len() + 1)),
            c => field.push(c),
        }
    }
    if quoted {
        return Err("unterminated quote".into());
    }
    if !field.is_empty() || !row.is_empty() {
        return Err("the last record has no line end".into());
    }
    if let Some(w) = rows.first().map(Vec::len) {
        if let Some((i, r)) = rows.iter().enumerate().find(|(_, r)| r.len() != w) {
            return Err(format!("record {} has {} fields, not {w}", i + 1, r.len()));
        }
    }
    Ok(rows)
}

#[test]
fn the_strict_reader_refuses_malformed_csv() {
    assert_eq!(
        parse_csv("a,\"b,\"\"c\"\"\"\r\n1,2\r\n"),
        Ok(vec![vec!["a".into(), "b,\"c\"".into()], vec!["1".into(), "2".into()]])
    );
    for bad in ["a,b\n", "a,b\r\n1\r\n", "a\"b\r\n", "\"a\"b\r\n", "\"a\r\n", "a,b"] {
        assert!(parse_csv(bad).is_err(), "{bad:?}");
    }
}

/// The export's sections: header block rows, input rows and the monthly table (with its column row).
type Rows = Vec<Vec<String>>;

fn sections(rows: &[Vec<String>]) -> (Rows, Rows, Rows) {
    let blank = |r: &Vec<String>| r.iter().all(String::is_empty);
    let parts: Vec<Vec<Vec<String>>> = rows.split(blank).map(<[Vec<String>]>::to_vec).collect();
    assert_eq!(parts.len(), 3, "header block, inputs, months");
    (parts[0].clone(), parts[1].clone(), parts[2].clone())
}

fn cell(row: &[String], column: &str) -> String {
    let i = export_columns().iter().position(|c| *c == column).expect("column");
    row[i].clone()
}

#[test]
fn csv_export_round_trips_through_a_strict_reader() {
    let s = Scenario {
        debt_pct: 60.0,
        debt_apr_pct: 14.0,
        debt_term_months: 24.0,
        opex_usd_month: 25_000.0,
        hashrate_growth_pct_month: -2.5,
        ..Scenario::default()
    };
    let csv = scenario_csv(&s, "2026-12-06T22:45:00.000Z", &|x| x.to_string());
    let rows = parse_csv(&csv.text).expect("strict CSV");
    assert!(csv.text.is_ascii(), "plain ASCII: any spreadsheet reads it without guessing an encoding");
    let (head, inputs, months) = sections(&rows);
    let width = months[0].len();
    assert!(rows.iter().all(|r| r.len() == width));
    assert_eq!(head[1][..2], ["exported_at".to_string(), "2026-12-06T22:45:00.000Z".into()]);
    assert_eq!(head[2][..2], ["model_version".to_string(), MODEL_VERSION.into()]);
    assert_eq!(head[3][..2], ["defaults".to_string(), "2025-11".into()]);
    assert_eq!(head[5][..2], ["salvage_usd_at_horizon".to_string(), "0.00".into()]);
    let sold = Scenario { machine_resale_usd_per_th: 10.0, ..s.clone() };
    let salvage = evaluate(&sold).expect("valid").projection.salvage_usd;
    let rows = parse_csv(&scenario_csv(&sold, "t", &|x| x.to_string()).text).expect("strict CSV");
    let cell_text = rows.iter().find(|r| r[0] == "salvage_usd_at_horizon").map(|r| r[1].clone()).expect("row");
    assert!(
        salvage > 0.0 && (cell_text.parse::<f64>().expect("number") - salvage).abs() <= 0.005,
        "{cell_text} vs {salvage}"
    );
    assert!(csv.empty_cells.is_empty() && !csv.loan_outlasts, "{csv:?}");
    // Every input, readable back into the same scenario.
    assert_eq!(inputs[0][..2], ["input".to_string(), "value".into()]);
    let mut back = Scenario::default();
    for r in &inputs[1..] {
        let v = if r[1] == "true" {
            1.0
        } else if r[1] == "false" {
            0.0
        } else {
            r[1].parse().expect("number")
        };
        back.set(&r[0], v).expect("valid input");
    }
    assert_eq!(back, s);
    assert_eq!(inputs.len() - 1, crate::model::INPUTS.len());
    // The months: the columns, then one row per month with the model's numbers to the cent and the satoshi.
    let mut columns: Vec<String> = export_columns().into_iter().map(String::from).collect();
    columns.extend(["group1_running_share".to_string(), "convert_net_cash_usd".into()]);
    assert_eq!(months[0], columns);
    let want = export_months(&s);
    // Converting runs over its build and lease, longer than mining's 36-month horizon.
    assert_eq!(months.len() - 1, (s.hpc_build_months + s.hpc_lease_term_months) as usize);
    let data = &months[1..37];
    let usd = |t: String| -> f64 {
        let (_, cents) = t.split_once('.').expect("cents");
        assert_eq!(cents.len(), 2, "{t}");
        t.parse().expect("number")
    };
    let btc = |t: String| -> f64 {
        assert_eq!(t.split_once('.').expect("decimals").1.len(), 8, "{t}");
        t.parse().expect("number")
    };
    for (r, m) in data.iter().zip(&want) {
        assert_eq!(cell(r, "month"), m.row.month.to_string());
        assert!((usd(cell(r, "net_cash_usd")) - m.row.net_cash_usd).abs() <= 0.005);
        assert!((usd(cell(r, "revenue_usd")) - m.row.revenue_usd).abs() <= 0.005);
        assert!((usd(cell(r, "fixed_costs_usd")) - m.row.opex_usd).abs() <= 0.005);
        assert!((usd(cell(r, "cumulative_cash_usd")) - m.row.cumulative_cash_usd).abs() <= 0.005);
        assert!((btc(cell(r, "btc_mined")) - m.row.btc_mined).abs() <= 5e-9);
        assert!((usd(cell(r, "avg_hashprice_usd_per_ph_day")) - m.avg_hashprice_usd_per_ph_day).abs() <= 0.005);
        assert_eq!(cell(r, "curtailed_days"), m.curtailed_days.to_string());
        let service = m.loan.interest_usd + m.loan.principal_usd;
        assert!((usd(cell(r, "cash_after_debt_usd")) - (m.row.net_cash_usd - service)).abs() <= 0.005);
    }
    // Hashrate falls 2.5 % a month: the averages follow; month 1's price is the scenario's.
    assert_eq!(usd(cell(&data[0], "avg_btc_price_usd")), 95_000.0);
    let h: Vec<f64> = data.iter().map(|r| cell(r, "avg_network_hashrate_ehs").parse().expect("number")).collect();
    assert!(h.windows(2).all(|w| w[1] < w[0]) && h[0] < 1_100.0 && h[0] > 1_080.0, "{h:?}");
    // The loan: interest on the balance, principal repaying it within the term, nothing after.
    let r = evaluate(&s).expect("valid");
    let debt = r.snapshot.capex_usd * 0.6;
    assert!((usd(cell(&data[0], "loan_interest_usd")) - debt * 0.14 / 12.0).abs() <= 0.005);
    let principal: f64 = data.iter().map(|r| usd(cell(r, "loan_principal_usd"))).sum();
    assert!((principal - debt).abs() <= 0.01 * 24.0, "{principal} vs {debt}");
    assert_eq!(cell(&data[23], "loan_balance_usd"), "0.00");
    assert!(usd(cell(&data[22], "loan_balance_usd")) > 0.0);
    for r in &data[24..] {
        assert_eq!(
            [cell(r, "loan_interest_usd"), cell(r, "loan_principal_usd"), cell(r, "loan_balance_usd")],
            ["0.00", "0.00", "0.00"]
        );
    }
    for m in &want[..24] {
        assert!((m.loan.interest_usd + m.loan.principal_usd - r.projection.debt_payment_usd_month).abs() < 1e-6);
    }
}

#[test]
fn an_extreme_link_exports_empty_cells_and_says_why_never_infinity_or_nan() {
    let s = Scenario {
        btc_price_usd: 5e-324,
        network_hashrate_ehs: 5e-324,
        machine_hashrate_ths: 5e-324,
        ..Scenario::default()
    };
    let csv = scenario_csv(&s, "2026-12-06T22:45:00.000Z", &|x| x.to_string());
    let lower = csv.text.to_lowercase();
    assert!(!lower.contains("inf") && !lower.contains("nan"), "{}", csv.text);
    let rows = parse_csv(&csv.text).expect("strict CSV");
    let (head, _, months) = sections(&rows);
    let mut empty = 0;
    for r in &months[1..37] {
        for (i, c) in r.iter().enumerate() {
            if c.is_empty() {
                empty += 1;
            } else {
                assert!(c.parse::<f64>().is_ok_and(f64::is_finite), "{} = {c:?}", export_columns()[i]);
            }
        }
    }
    assert!(empty > 0, "the extreme values are empty cells");
    assert!(!csv.empty_cells.is_empty());
    let empty = &csv.empty_cells;
    assert!(empty.iter().all(|n| n.contains("too large or too small to compute")), "{empty:?}");
    let noted: Vec<&String> = head.iter().filter(|r| r[0] == "note").map(|r| &r[1]).collect();
    assert_eq!(noted, empty.iter().collect::<Vec<_>>(), "the notes are in the file too");
    assert!(empty.iter().any(|n| n.starts_with("btc_mined is empty in 36 of 36 months")), "{empty:?}");
}

#[test]
fn the_loan_columns_are_the_models_schedule() {
    let s = Scenario {
        debt_pct: 100.0,
        debt_apr_pct: 0.0,
        debt_term_months: 4.0,
        horizon_months: 6.0,
        ..Scenario::default()
    };
    let m = export_months(&s);
    let debt = evaluate(&s).expect("valid").snapshot.capex_usd;
    let balances: Vec<f64> = m.iter().map(|x| x.loan.balance_usd).collect();
    assert_eq!(balances, [0.75 * debt, 0.5 * debt, 0.25 * debt, 0.0, 0.0, 0.0]);
    assert!(m.iter().all(|x| x.loan.interest_usd == 0.0));
    // A term beyond the horizon: the balance left at the end is what is repaid on the last day, and said.
    let long = Scenario { debt_pct: 50.0, debt_term_months: 60.0, horizon_months: 12.0, ..Scenario::default() };
    let m = export_months(&long);
    let r = evaluate(&long).expect("valid");
    assert!(m[11].loan.balance_usd > 0.0);
    assert_eq!(m.iter().map(|x| x.loan.balance_usd).collect::<Vec<_>>(), r.projection.equity.loan_balance_usd);
    let csv = scenario_csv(&long, "t", &|x| x.to_string());
    assert!(csv.loan_outlasts && csv.empty_cells.is_empty(), "{csv:?}");
    assert!(
        csv.text.contains("\r\nnote,The loan outlasts the horizon: loan_balance_usd in the last month is still owed"),
        "the loan's note is in the file: {}",
        csv.text
    );
    // Without debt, zeros.
    assert!(export_months(&Scenario::default()).iter().all(|x| x.loan == LoanMonth::default()));
    // Text cells that look like formulas are defused; numbers are not.
    assert_eq!(text_cell("=cmd"), "'=cmd");
    assert_eq!(text_cell("-20"), "-20");
    assert_eq!(text_cell("a,\"b\""), "\"a,\"\"b\"\"\"");
}

#[test]
fn the_status_line_says_why_cells_are_empty() {
    let fine = scenario_csv(&Scenario::default(), "2026-12-06T22:45:00.000Z", &|x| x.to_string());
    assert_eq!(fine.status(), "Projection downloaded as CSV (inputs, then one row per month).");
    let s = Scenario {
        btc_price_usd: 5e-324,
        network_hashrate_ehs: 5e-324,
        machine_hashrate_ths: 5e-324,
        ..Scenario::default()
    };
    let extreme = scenario_csv(&s, "2026-12-06T22:45:00.000Z", &|x| x.to_string());
    assert!(
        extreme.status().contains("Some cells are empty: avg_hashprice_usd_per_ph_day is empty in 36 of 36 months"),
        "{}",
        extreme.status()
    );
    assert_eq!(CsvExport::file_name("2026-12-06T22:45:00.000Z"), "hashprice-projection-2026-12-06.csv");
    assert_eq!(CsvExport::file_name("yesterday"), "hashprice-projection.csv");
    assert_eq!(CsvExport::file_name("2026-1"), "hashprice-projection.csv");
}

#[test]
fn what_export_says_is_in_the_visitors_words_with_one_full_stop() {
    let done = "Projection downloaded as CSV (inputs, then one row per month).";
    let loan = "The loan outlasts the horizon: loan_balance_usd in the last month is still owed and must be refinanced; \
                cash_after_debt_usd leaves it out (the equity NPV counts it as repaid on the horizon's last day).";
    // A loan that outlasts the horizon is its own sentence, not one of the empty cells.
    let long = Scenario { debt_pct: 50.0, debt_term_months: 60.0, horizon_months: 12.0, ..Scenario::default() };
    let csv = scenario_csv(&long, "2026-12-06T22:45:00.000Z", &|x| x.to_string());
    assert_eq!(csv.status(), [done, " ", loan].concat());
    let empty_cells = vec!["btc_mined is empty in 3 of 12 months".into()];
    let both = CsvExport { text: String::new(), empty_cells, loan_outlasts: true };
    assert_eq!(both.status(), [done, " Some cells are empty: btc_mined is empty in 3 of 12 months. ", loan].concat());
    assert_eq!(export_failed("the browser refused the download"), "Export failed: the browser refused the download.");
    assert_eq!(open_refused("notes.json", "it is not JSON"), "Could not open notes.json: it is not JSON.");
    assert_eq!(open_refused("a.json", "it is too large."), "Could not open a.json: it is too large.");
    let extreme = Scenario { btc_price_usd: 5e-324, ..long };
    let said = [
        csv.status(),
        both.status(),
        scenario_csv(&extreme, "t", &|x| x.to_string()).status(),
        JSON_DONE.to_string(),
        export_failed("could not write the JSON"),
        open_refused("bad.json", "btc_price_usd: must be a number, got a string"),
    ];
    for s in said {
        assert!(s.ends_with('.') && !s.contains("..") && !s.contains("MODEL"), "{s}");
    }
}

/// The columns after the mining months: each group's running share, then the convert strategy's cash.
fn site_cell(rows: &[Vec<String>], row: usize, column: &str) -> String {
    let i = rows[0].iter().position(|c| c == column).expect("column");
    rows[row][i].clone()
}

#[test]
fn the_csv_has_each_groups_running_share_and_the_convert_cash_over_its_own_life() {
    // Three generations at a price where the oldest is off part of the time: the merit order, month by month.
    let s = Scenario {
        btc_price_usd: 60_000.0,
        horizon_months: 24.0,
        machine_efficiency_jth: 13.5,
        machine2_count: 800.0,
        machine2_efficiency_jth: 21.5,
        machine3_count: 600.0,
        machine3_efficiency_jth: 29.5,
        hpc_build_months: 6.0,
        hpc_lease_term_months: 12.0,
        ..Scenario::default()
    };
    let r = evaluate(&s).expect("valid");
    let rows = parse_csv(&scenario_csv(&s, "t", &|x| x.to_string()).text).expect("strict CSV");
    let (_, _, months) = sections(&rows);
    let columns = &months[0];
    assert_eq!(
        columns[export_columns().len()..],
        ["group1_running_share", "group2_running_share", "group3_running_share", "convert_net_cash_usd"]
    );
    // 24 months of mining, then nothing: converting's 18 months are all within the horizon.
    assert_eq!(months.len() - 1, 24);
    let starts = month_starts(r.projection.horizon_days, 24);
    let mut oldest_off = false;
    for m in 0..24 {
        let days = (starts[m + 1] - starts[m]) as f64;
        for g in 0..3 {
            let want = r.series.group_running_days_month[g][m] as f64 / days;
            let name = ["group", &(g + 1).to_string(), "_running_share"].concat();
            let got: f64 = site_cell(&months, m + 1, &name).parse().expect("number");
            assert!((got - want).abs() <= 0.00005, "month {} group {}: {got} vs {want}", m + 1, g + 1);
        }
        let share = |g: usize| site_cell(&months, m + 1, &["group", &g.to_string(), "_running_share"].concat());
        oldest_off |= share(3) != "1.0000";
        // The merit order: a newer group never runs less than an older one.
        assert!(share(1) >= share(2) && share(2) >= share(3), "month {}", m + 1);
        let convert = site_cell(&months, m + 1, "convert_net_cash_usd");
        match r.decision.convert_monthly_net_usd.get(m) {
            Some(x) => assert!((convert.parse::<f64>().expect("number") - x).abs() <= 0.005),
            None => assert_eq!(convert, "", "month {}: past converting's life", m + 1),
        }
    }
    assert!(oldest_off, "the oldest generation is off some days at $60k");
    // A lease longer than the horizon: the rows go on with only the month and the convert cash.
    let long = Scenario { hpc_build_months: 12.0, hpc_lease_term_months: 36.0, ..s };
    let r = evaluate(&long).expect("valid");
    let csv = scenario_csv(&long, "t", &|x| x.to_string());
    assert!(csv.empty_cells.is_empty(), "cells past a life are not failures: {:?}", csv.empty_cells);
    let rows = parse_csv(&csv.text).expect("strict CSV");
    let (_, _, months) = sections(&rows);
    assert_eq!(months.len() - 1, 48);
    let last = &months[48];
    assert_eq!(last[0], "48");
    assert!(last[1..last.len() - 1].iter().all(String::is_empty), "{last:?}");
    let x: f64 = last[last.len() - 1].parse().expect("number");
    assert!((x - r.decision.convert_monthly_net_usd[47]).abs() <= 0.005);
}

#[test]
fn a_month_past_a_life_is_empty_and_not_counted_a_number_that_cannot_be_written_is() {
    // Converting (1 + 3 months) outlives mining's 2: months 3 and 4 carry only their number and the convert cash.
    let s = Scenario { horizon_months: 2.0, hpc_build_months: 1.0, hpc_lease_term_months: 3.0, ..Scenario::default() };
    let e = Evaluated::of(&s);
    let width = 1 + MONTH_COLUMNS.len() + e.groups.len() + 1;
    assert_eq!((e.months.len(), e.convert().len(), e.groups.len()), (2, 4, 1));
    for i in 0..4 {
        let cells = month_cells(&e, i);
        assert_eq!(cells.len(), width, "month {}", i + 1);
        assert!(cells[0].is_some() && cells[width - 1].is_some(), "month {}", i + 1);
        assert_eq!(cells[1..width - 1].iter().all(Option::is_some), i < 2, "month {}", i + 1);
    }
    let table = month_table(&e, width);
    assert_eq!(table.text.lines().count(), 4);
    assert!(table.text.ends_with("\r\n") && table.text.starts_with("1,"), "{}", table.text);
    assert_eq!(table.empty, vec![0; width], "cells past a life are not failures");
    // A number too small to write is an empty cell, counted in its column.
    let tiny = Scenario { btc_price_usd: 5e-324, network_hashrate_ehs: 5e-324, machine_hashrate_ths: 5e-324, ..s };
    let e = Evaluated::of(&tiny);
    let table = month_table(&e, width);
    let btc = export_columns().iter().position(|c| *c == "btc_mined").expect("column");
    assert_eq!(table.empty[btc], 2, "both mining months");
    assert_eq!(table.empty[0], 0, "the month number is always written");
    // An invalid scenario: no months, no rows, nothing counted.
    let e = Evaluated::of(&Scenario { btc_price_usd: f64::NAN, ..Scenario::default() });
    assert!(e.result.is_none() && e.months.is_empty() && e.groups.is_empty() && e.convert().is_empty());
    let table = month_table(&e, width);
    assert!(table.text.is_empty() && table.empty.iter().all(|n| *n == 0));
}

#[test]
fn the_notes_name_each_column_with_empty_cells() {
    let columns: Vec<String> = ["month", "btc_mined", "revenue_usd"].map(String::from).to_vec();
    assert_eq!(
        empty_cell_notes(&columns, &[0, 1200, 0], 1500),
        ["btc_mined is empty in 1,200 of 1,500 months: too large or too small to compute with these inputs"]
    );
    assert!(empty_cell_notes(&columns, &[0, 0, 0], 36).is_empty());
    let notes = empty_cell_notes(&columns, &[2, 0, 3], 12);
    assert_eq!(notes.len(), 2);
    assert!(notes[0].starts_with("month is empty in 2 of 12 months"), "{notes:?}");
    assert!(notes[1].starts_with("revenue_usd is empty in 3 of 12 months"), "{notes:?}");
}

#[test]
fn a_balance_owed_at_the_horizon_is_noted_only_then_after_the_empty_cells() {
    let long = Scenario { debt_pct: 50.0, debt_term_months: 60.0, horizon_months: 12.0, ..Scenario::default() };
    assert!(scenario_csv(&long, "t", &|x| x.to_string()).loan_outlasts);
    for paid_off in [
        Scenario { debt_term_months: 12.0, ..long },
        Scenario { debt_pct: 0.0, ..long },
        Scenario { machine_price_usd_per_th: 0.0, ..long },
        Scenario::default(),
    ] {
        let csv = scenario_csv(&paid_off, "t", &|x| x.to_string());
        assert!(!csv.loan_outlasts && !csv.text.contains("The loan outlasts"), "{paid_off:?}");
    }
    let extreme = Scenario { btc_price_usd: 5e-324, network_hashrate_ehs: 5e-324, machine_hashrate_ths: 5e-324, ..long };
    let csv = scenario_csv(&extreme, "t", &|x| x.to_string());
    let rows = parse_csv(&csv.text).expect("strict CSV");
    let noted: Vec<&str> = rows.iter().filter(|r| r[0] == "note").map(|r| r[1].as_str()).collect();
    assert_eq!(noted.len(), csv.empty_cells.len() + 1, "{noted:?}");
    assert!(noted[noted.len() - 1].starts_with("The loan outlasts the horizon: "), "{noted:?}");
}

#[test]
fn a_sheet_row_is_padded_to_the_tables_width_and_its_text_made_safe() {
    let mut sheet = Sheet { text: String::new(), width: 4 };
    sheet.row(&["=cmd", "a,\"b\"", "-20"]);
    sheet.row(&[]);
    assert_eq!(sheet.text, "'=cmd,\"a,\"\"b\"\"\",-20,\r\n,,,\r\n");
}

/// The CSV's note on the conversion's column says "the machine" for one machine, as the page does.
#[test]
fn the_csv_glossary_speaks_of_one_machine_as_one() {
    let glossary = |s: &Scenario| {
        let rows = parse_csv(&scenario_csv(s, "t", &|x| x.to_string()).text).expect("strict CSV");
        rows.iter().find(|r| r[0] == "convert_net_cash_usd").map(|r| r[1].clone()).expect("the glossary row")
    };
    let one = glossary(&Scenario { machine_count: 1.0, ..Scenario::default() });
    assert!(one.contains(", the machine sold at its end, "), "{one}");
    assert!(one.ends_with("; the machine's purchase price is not in it"), "{one}");
    let many = glossary(&Scenario::default());
    assert!(many.contains(", the machines sold at its end, "), "{many}");
    assert!(many.ends_with("; the machines' purchase price is not in it"), "{many}");
}

/// A site's `curtailed_days` counts the days any one group is off, which the groups' running shares alone do not
/// say (a month of 30 curtailed days with groups 1 and 2 running every day): the glossary says it, only then.
#[test]
fn the_csv_glossary_says_what_a_sites_curtailed_day_is() {
    let glossary = |s: &Scenario| {
        let rows = parse_csv(&scenario_csv(s, "t", &|x| x.to_string()).text).expect("strict CSV");
        let (head, _, _) = sections(&rows);
        head.iter().find(|r| r[0] == "curtailed_days").map(|r| r[1].clone())
    };
    let site = Scenario { machine2_count: 800.0, machine2_efficiency_jth: 29.5, ..Scenario::default() };
    let said = "days of the month on which at least one machine group is switched off";
    assert_eq!(glossary(&site).as_deref(), Some(said));
    assert_eq!(glossary(&Scenario::default()), None, "one group: a curtailed day is the fleet's");
}

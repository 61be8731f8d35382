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
        Scenario { horizon_months: 60.0, btc_price_growth_pct_year: 50.0, debt_pct: 50.0, debt_term_months: 12.0, ..d.clone() },
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
        assert_eq!(
            rows.iter().map(|r| r.cumulative_cash_usd).collect::<Vec<_>>(),
            r.series.cumulative_cash_usd_month
        );
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
    assert_eq!(lines[0], "month,btc_mined,revenue_usd,power_cost_usd,opex_usd,net_cash_usd,cumulative_cash_usd,debt_payment_usd");
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
    let url = embed_url("https://investor.example/tools/hashprice/?old=1#x", Some(&["kpis", "cash"]), "btc_price_usd=86000&uptime_pct=95");
    assert_eq!(url, "https://investor.example/tools/hashprice/?embed=1&panels=kpis,cash&btc_price_usd=86000&uptime_pct=95");
    assert_eq!(embed_url("https://a.example/", None, ""), "https://a.example/?embed=1");
    let snip = embed_snippet(&url, "hashprice");
    assert!(snip.starts_with("<iframe id=\"hashprice\" src=\"https://investor.example/tools/hashprice/?embed=1&amp;panels=kpis,cash&amp;btc_price_usd=86000&amp;uptime_pct=95\""));
    assert!(snip.contains("allow=\"clipboard-write\""));
    assert!(snip.contains("hashprice:height"));
    assert!(snip.contains("function showScenario(scenario)") && snip.contains("getElementById(\"hashprice\").contentWindow"));
    assert_eq!(escape_attr("\"><script>&"), "&quot;&gt;&lt;script&gt;&amp;");
}

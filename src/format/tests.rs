use super::*;

#[test]
fn an_overflow_never_reads_as_infinity_or_nan() {
    for x in [f64::INFINITY, f64::NEG_INFINITY, f64::NAN] {
        assert_eq!(usd(x), NOT_DEFINED);
        assert_eq!(usd_kwh(x), NOT_DEFINED);
        assert_eq!(num(x, 2), NOT_DEFINED);
        assert_eq!(pct(x), NOT_DEFINED);
    }
}

#[test]
fn usd_reads_as_design_md_writes_it() {
    assert_eq!(usd(39.114), "$39.11");
    assert_eq!(usd(-1_700_000.0), "−$1.70M");
    assert_eq!(usd(999_999.0), "$1.00M");
    assert_eq!(usd(-0.001), "$0.00");
    assert_eq!(usd_whole(95_000.0), "$95,000");
    assert_eq!(usd_kwh(0.0912), "$0.091");
    assert_eq!(usd(4.31e28), "$4.31E28");
}

#[test]
fn ticks_drop_trailing_zeros_and_keep_three_digits_when_small() {
    assert_eq!(usd_tick(2_500_000.0), "$2.5M");
    assert_eq!(usd_tick(40.0), "$40");
    assert_eq!(usd_tick(0.015), "$0.015");
    assert_eq!(usd_tick(0.0), "$0");
    assert_eq!(num_tick(1650.0), "1,650");
    assert_eq!(num_tick(0.00075), "0.00075");
}

#[test]
fn numbers_group_and_percentages_take_one_decimal() {
    assert_eq!(num(41_234.4, 0), "41,234");
    assert_eq!(num(-2.5, 1), "−2.5");
    assert_eq!(pct(45.26), "45.3%");
    assert_eq!(compact(1200.0), "1.2K");
    assert_eq!(plain(95000.0), "95000");
    assert_eq!(plain(0.1), "0.1");
    assert_eq!(fixed(1.005, 1), "1.0");
}

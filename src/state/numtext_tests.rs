//! Tests of `state::numtext`, kept beside it.

use super::decimal;

#[test]
fn rounds_groups_and_trims() {
    assert_eq!(decimal(4.5, 3, 2, true).as_deref(), Some("4.50"));
    assert_eq!(decimal(0.045, 3, 2, true).as_deref(), Some("0.045"));
    assert_eq!(decimal(95_000.0, 2, 0, true).as_deref(), Some("95,000"));
    assert_eq!(decimal(1_234_567.891, 2, 2, false).as_deref(), Some("1234567.89"));
    assert_eq!(decimal(-1_234_567.891, 2, 2, true).as_deref(), Some("-1,234,567.89"));
    assert_eq!(decimal(0.020833333333333332, 8, 8, false).as_deref(), Some("0.02083333"));
    assert_eq!(decimal(-0.001, 2, 2, false).as_deref(), Some("0.00"), "no minus on a rounded zero");
    assert_eq!(decimal(-0.0, 2, 0, false).as_deref(), Some("0"));
    assert_eq!(decimal(999.999, 2, 2, true).as_deref(), Some("1,000.00"));
    assert_eq!(decimal(5e-324, 8, 8, false).as_deref(), Some("0.00000000"));
    assert_eq!(decimal(f64::NAN, 2, 2, false), None);
    assert_eq!(decimal(f64::INFINITY, 2, 2, false), None);
}

#[test]
fn every_text_is_the_value_to_within_half_a_last_digit() {
    let mut state: u64 = 7;
    let mut next = || {
        state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    };
    for _ in 0..20_000 {
        let bits = next();
        // Magnitudes from 1e-12 to 1e16, either sign.
        let mag = 10_f64.powi((bits % 29) as i32 - 12);
        let x = ((bits >> 11) as f64 / (1u64 << 53) as f64) * mag * if bits & 1 == 0 { 1.0 } else { -1.0 };
        for d in [0usize, 2, 3, 8] {
            let t = decimal(x, d, d, false).expect("finite");
            let back: f64 = t.parse().expect("a number");
            let half = 0.5 * 10_f64.powi(-(d as i32));
            assert!((back - x).abs() <= half * (1.0 + 1e-9) + x.abs() * 4e-16, "{x} {d}: {t}");
            let dot = t.find('.');
            assert_eq!(dot.map_or(0, |i| t.len() - i - 1), d, "{t}");
        }
    }
}

#[test]
fn huge_values_keep_every_exact_digit() {
    assert_eq!(decimal(9_007_199_254_740_992.0, 2, 2, false).as_deref(), Some("9007199254740992.00"));
    assert_eq!(decimal(1e22, 2, 2, false).as_deref(), Some("10000000000000000000000.00"));
    assert_eq!(decimal(2f64.powi(100), 0, 0, true).as_deref(), Some("1,267,650,600,228,229,401,496,703,205,376"));
    let max = decimal(f64::MAX, 2, 2, false).expect("finite");
    assert!(max.starts_with("17976931348623157") && max.ends_with(".00") && max.len() == 309 + 3, "{max}");
}

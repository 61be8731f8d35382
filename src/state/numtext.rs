//! Decimal text of a number with integer arithmetic only (no float formatting machinery, which is large in
//! WASM): used for the CSV's cents and satoshi-exact BTC, and for numbers inside warnings.

/// `x` rounded to at most `max_dec` decimals, keeping at least `min_dec` (trailing zeros beyond that are
/// dropped), with `,` thousands separators when `group`. `None` for NaN and ±∞. A value that rounds to zero
/// has no minus sign. Values of 2^53 and above are integers in f64 and are written with all their exact digits.
pub fn decimal(x: f64, max_dec: usize, min_dec: usize, group: bool) -> Option<String> {
    if !x.is_finite() {
        return None;
    }
    let max_dec = max_dec.min(12);
    let min_dec = min_dec.min(max_dec);
    let a = x.abs();
    let (int_digits, mut frac_digits) = if a < 9_007_199_254_740_992.0 {
        // The integer part and the fraction apart (both exact in f64), so u64 suffices (no u128 in WASM).
        let mut int = a.trunc() as u64;
        let p = 10_u64.pow(max_dec as u32);
        let mut frac = ((a - a.trunc()) * p as f64).round() as u64;
        if frac >= p {
            int += 1;
            frac -= p;
        }
        (digits(int), pad(digits(frac), max_dec))
    } else {
        (exact_integer_digits(a), pad(String::new(), max_dec))
    };
    while frac_digits.len() > min_dec && frac_digits.ends_with('0') {
        frac_digits.pop();
    }
    let zero = int_digits == "0" && frac_digits.bytes().all(|b| b == b'0');
    let mut out = String::with_capacity(int_digits.len() * 4 / 3 + frac_digits.len() + 2);
    if x < 0.0 && !zero {
        out.push('-');
    }
    let n = int_digits.len();
    for (i, c) in int_digits.chars().enumerate() {
        if group && i > 0 && (n - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if !frac_digits.is_empty() {
        out.push('.');
        out.push_str(&frac_digits);
    }
    Some(out)
}

fn digits(mut n: u64) -> String {
    let mut d = String::new();
    loop {
        d.insert(0, char::from(b'0' + (n % 10) as u8));
        n /= 10;
        if n == 0 {
            break;
        }
    }
    d
}

fn pad(s: String, width: usize) -> String {
    if s.len() >= width {
        s
    } else {
        let mut out = String::with_capacity(width);
        for _ in s.len()..width {
            out.push('0');
        }
        out.push_str(&s);
        out
    }
}

/// The exact decimal digits of a finite f64 ≥ 2^53 (an integer): mantissa × 2^exponent in base-10^9 limbs.
fn exact_integer_digits(a: f64) -> String {
    let bits = a.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i32 - 1075;
    let mantissa = (bits & ((1 << 52) - 1)) | (1 << 52);
    const BASE: u64 = 1_000_000_000;
    // Little-endian limbs.
    let mut limbs: Vec<u64> = vec![mantissa % BASE, (mantissa / BASE) % BASE, mantissa / BASE / BASE];
    let mut left = exp.max(0);
    while left > 0 {
        let k = left.min(29);
        let mut carry = 0;
        for l in limbs.iter_mut() {
            let v = (*l << k) + carry;
            *l = v % BASE;
            carry = v / BASE;
        }
        while carry > 0 {
            limbs.push(carry % BASE);
            carry /= BASE;
        }
        left -= k;
    }
    while limbs.len() > 1 && limbs.last() == Some(&0) {
        limbs.pop();
    }
    let mut out = String::new();
    for (i, l) in limbs.iter().rev().enumerate() {
        let d = digits(*l);
        out.push_str(&if i == 0 { d } else { pad(d, 9) });
    }
    out
}

#[cfg(test)]
mod tests {
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
}

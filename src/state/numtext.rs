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
        let scale = 10_f64.powi(max_dec as i32);
        let n = (a * scale).round() as u128;
        let p = 10_u128.pow(max_dec as u32);
        (digits_u128(n / p), pad(digits_u128(n % p), max_dec))
    } else {
        (exact_integer_digits(a), "0".repeat(max_dec))
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

fn digits_u128(mut n: u128) -> String {
    let mut d = Vec::new();
    loop {
        d.push(b'0' + (n % 10) as u8);
        n /= 10;
        if n == 0 {
            break;
        }
    }
    d.reverse();
    String::from_utf8(d).unwrap_or_default()
}

fn pad(s: String, width: usize) -> String {
    if s.len() >= width {
        s
    } else {
        ["0".repeat(width - s.len()), s].concat()
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
        let d = digits_u128(u128::from(*l));
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
    fn huge_values_keep_every_exact_digit() {
        assert_eq!(decimal(9_007_199_254_740_992.0, 2, 2, false).as_deref(), Some("9007199254740992.00"));
        assert_eq!(decimal(1e22, 2, 2, false).as_deref(), Some("10000000000000000000000.00"));
        assert_eq!(decimal(2f64.powi(100), 0, 0, true).as_deref(), Some("1,267,650,600,228,229,401,496,703,205,376"));
        let max = decimal(f64::MAX, 2, 2, false).expect("finite");
        assert!(max.starts_with("17976931348623157") && max.ends_with(".00") && max.len() == 309 + 3, "{max}");
    }
}

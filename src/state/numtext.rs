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
#[path = "numtext_tests.rs"]
mod tests;

//! Building the page's sentences: pieces pushed into one `String`, and a label's first letter.

/// A text built piece by piece. Each formatted number is moved in and dropped here, so a caller carries no
/// drop code of its own for its temporaries, as `[..].concat()` over `&usd(x)` pieces does (~1 KB of WASM for
/// the KPI formulas alone).
#[derive(Default)]
pub struct Txt(pub String);

impl Txt {
    /// Never inlined: each of its ~390 callers carried its own copy of `push_str` (0.63 KB of brotli).
    #[inline(never)]
    pub fn t(mut self, text: &str) -> Txt {
        self.0.push_str(text);
        self
    }
    pub fn s(mut self, text: String) -> Txt {
        self.0.push_str(&text);
        self
    }
}

/// `text` with its first letter in ASCII upper or lower case (labels and messages start with an ASCII word;
/// no Unicode case tables in the WASM).
pub fn first_letter_case(text: &str, upper: bool) -> String {
    let mut out = text.to_string();
    if let Some(first) = out.get_mut(0..1) {
        if upper {
            first.make_ascii_uppercase();
        } else {
            first.make_ascii_lowercase();
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_letter_case_changes_only_an_ascii_first_letter() {
        assert_eq!(first_letter_case("must be above 0", true), "Must be above 0");
        assert_eq!(first_letter_case("Machine price", false), "machine price");
        assert_eq!(first_letter_case("", true), "");
        assert_eq!(first_letter_case("élan", true), "élan");
    }
}

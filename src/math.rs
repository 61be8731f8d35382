//! The transcendental functions the model and charts use: `f64::powf`, `exp`, `ln`, `sin`, `cos`, `log10`;
//! and reading a decimal, which `f64::from_str` would add ~6 KB to the WASM for.
//!
//! Natively they are std's. In the browser they are the JS engine's `Math`, which is already in the page:
//! Rust's own implementations (libm, with its ~5 KB argument reduction for sin/cos) were ~8 KB of the WASM
//! (issue 5, page size). Both follow IEEE 754 double arithmetic; a last-digit difference between them is far
//! below the 1e-9 the reference cases allow, and the browser tests check the model against them.

#[cfg(target_arch = "wasm32")]
mod imp {
    use wasm_bindgen::prelude::wasm_bindgen;

    #[wasm_bindgen]
    extern "C" {
        #[wasm_bindgen(js_namespace = Math)]
        pub fn pow(x: f64, y: f64) -> f64;
        #[wasm_bindgen(js_namespace = Math)]
        pub fn exp(x: f64) -> f64;
        #[wasm_bindgen(js_namespace = Math, js_name = log)]
        pub fn ln(x: f64) -> f64;
        #[wasm_bindgen(js_namespace = Math)]
        pub fn sin(x: f64) -> f64;
        #[wasm_bindgen(js_namespace = Math)]
        pub fn cos(x: f64) -> f64;
        #[wasm_bindgen(js_namespace = Math)]
        pub fn log10(x: f64) -> f64;
        /// JS `parseFloat`, correctly rounded like Rust's parser; NaN for text that is not a number.
        #[wasm_bindgen(js_name = parseFloat)]
        pub fn parse_decimal(text: &str) -> f64;
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod imp {
    pub fn pow(x: f64, y: f64) -> f64 {
        x.powf(y)
    }
    pub fn exp(x: f64) -> f64 {
        x.exp()
    }
    pub fn ln(x: f64) -> f64 {
        x.ln()
    }
    pub fn sin(x: f64) -> f64 {
        x.sin()
    }
    pub fn cos(x: f64) -> f64 {
        x.cos()
    }
    pub fn log10(x: f64) -> f64 {
        x.log10()
    }
    pub fn parse_decimal(text: &str) -> f64 {
        text.parse::<f64>().unwrap_or(f64::NAN)
    }
}

pub use imp::{cos, exp, ln, log10, parse_decimal, pow, sin};

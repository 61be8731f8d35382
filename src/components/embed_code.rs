//! The Embed dialog's code, pure so it is tested natively: the one-line `embed.js` script tag for the panels,
//! look and scenario chosen, and the link its live preview loads.

use crate::export::escape_attr;
use crate::page::{Theme, SECTIONS};
use crate::state::query::{encode_component, query_pairs};

/// How the embed looks, as the dialog sets it.
#[derive(Clone, Debug, PartialEq)]
pub struct Look {
    pub theme: Theme,
    /// A colour from `page::valid_hex_colour`, or none for the default.
    pub accent: Option<String>,
    /// `threshold=…` (from `page::threshold_param`), or none for the default.
    pub threshold: Option<String>,
}

/// `embed.js` in the folder of the page at `page_url`, where the build puts it beside `index.html`.
pub fn embed_js_url(page_url: &str) -> String {
    let base = page_url.split(['?', '#']).next().unwrap_or(page_url);
    match base.rsplit_once('/') {
        Some((folder, _)) => [folder, "/embed.js"].concat(),
        None => "embed.js".into(),
    }
}

/// The page options of `look` and the chosen `panels` as `key=value` pairs, then `scenario` (a link query
/// of scenario keys), in link order.
pub fn options(panels: Option<&[&str]>, look: &Look, scenario: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    if let Some(p) = panels {
        out.push(("panels".to_string(), p.join(",")));
        if !p.contains(&"assumptions") {
            out.push(("assumptions".into(), "0".into()));
        }
    }
    if look.theme != Theme::Auto {
        out.push(("theme".into(), look.theme.label().into()));
    }
    if let Some(a) = &look.accent {
        out.push(("accent".into(), a.clone()));
    }
    out.extend(look.threshold.iter().flat_map(|t| query_pairs(t)));
    out.extend(query_pairs(scenario));
    out
}

/// The panels the code shows (a bit per `page::SECTIONS` entry) once the ticks are `ticked`: those, or with none
/// ticked the choice `before` (`panels=""` would show every panel: the opposite of unticking them all).
pub fn panels_in_force(ticked: u32, before: u32) -> u32 {
    if ticked == 0 {
        before
    } else {
        ticked
    }
}

/// The `panels=` keys of `chosen` (a bit per `page::SECTIONS` entry), in page order.
pub fn panel_keys(chosen: u32) -> Vec<&'static str> {
    SECTIONS.iter().enumerate().filter(|(i, _)| chosen & (1 << i) != 0).map(|(_, s)| s.key).collect()
}

/// What the dialog says, next to the panels, while none is ticked.
pub const NO_PANEL_NOTE: &str = "Tick at least one panel. The code keeps the last choice.";

/// `<script src=".../embed.js" data-panels="…" … async></script>`: every option as a data attribute (keys
/// other than `[a-z0-9_]` are left out: they could not be attribute names).
pub fn script_tag(page_url: &str, options: &[(String, String)]) -> String {
    let mut out = ["<script src=\"", &escape_attr(&embed_js_url(page_url)), "\""].concat();
    for (k, v) in options {
        if !k.is_empty() && k.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_') {
            out.push_str(&[" data-", k, "=\"", &escape_attr(v), "\""].concat());
        }
    }
    out.push_str(" async></script>");
    out
}

/// The embed link the preview loads: the same options as the script tag, in embed mode.
pub fn preview_url(page_url: &str, options: &[(String, String)]) -> String {
    let base = page_url.split(['?', '#']).next().unwrap_or(page_url);
    let mut url = [base, "?embed=1"].concat();
    for (k, v) in options {
        url.push_str(&["&", &encode_component(k), "=", &encode_component(v)].concat());
    }
    url
}

#[cfg(test)]
#[path = "embed_code_tests.rs"]
mod tests;

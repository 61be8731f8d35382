//! Page options from the URL (not part of the scenario): embed mode, which sections show, theme, accent
//! colour, the live-data button and the headline threshold. Pure, so the parsing is tested natively.

use crate::state::query::{encode_component, page_param, parse_threshold, DEFAULT_THRESHOLD};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Theme {
    Auto,
    Light,
    Dark,
}

impl Theme {
    pub fn parse(s: &str) -> Option<Theme> {
        match s {
            "auto" => Some(Theme::Auto),
            "light" => Some(Theme::Light),
            "dark" => Some(Theme::Dark),
            _ => None,
        }
    }
    pub fn label(self) -> &'static str {
        match self {
            Theme::Auto => "auto",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }
    /// The theme button cycles auto → dark → light → auto.
    pub fn next(self) -> Theme {
        match self {
            Theme::Auto => Theme::Dark,
            Theme::Dark => Theme::Light,
            Theme::Light => Theme::Auto,
        }
    }
}

/// The KPIs of the strip at the top (which carries their hooks when it is shown), also the headline KPIs that
/// embed mode posts to its host.
pub const IN_STRIP: &[&str] =
    &["hashprice_usd_per_ph_day", "breakeven_power_price_usd_kwh", "payback_days", "npv_usd", "profit_usd_day"];

/// A section of the page that `panels=` can choose.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SectionDef {
    /// Its name in `panels=`.
    pub key: &'static str,
    /// Its name in the Embed dialog.
    pub label: &'static str,
    /// It shows money figures or projections: an embed of any such section carries the assumptions card (inputs
    /// in force, forward-looking note) by default.
    pub money: bool,
}

/// The sections `panels=` can choose, in page order; a section's index is its bit in `Ctx::embed_panels`. How
/// and where each is written is the browser build's `app::PARTS`, checked against this table when it compiles.
pub const SECTIONS: &[SectionDef] = &[
    SectionDef { key: "kpis", label: "Key results", money: true },
    SectionDef { key: "inputs", label: "Inputs", money: false },
    SectionDef { key: "headline", label: "Headline check", money: true },
    SectionDef { key: "cash", label: "Cash chart", money: true },
    SectionDef { key: "hashprice", label: "Hashprice chart", money: true },
    SectionDef { key: "monthly", label: "Monthly cash chart", money: true },
    SectionDef { key: "hardware", label: "Hardware table", money: true },
    SectionDef { key: "fleet", label: "Who switches off when", money: true },
    SectionDef { key: "decision", label: "Keep, sell or convert", money: true },
    SectionDef { key: "hpc", label: "Mining vs AI/HPC", money: true },
    SectionDef { key: "risk", label: "Risk", money: true },
    SectionDef { key: "history", label: "History", money: true },
    SectionDef { key: "results", label: "All results", money: true },
    SectionDef { key: "assumptions", label: "Assumptions", money: false },
];

/// The index in [`SECTIONS`] of the section named `key`. A `const fn`, so that `app::PARTS` is checked against
/// the table at compile time.
pub const fn section_index(key: &str) -> Option<usize> {
    let mut i = 0;
    while i < SECTIONS.len() {
        if same_bytes(SECTIONS[i].key.as_bytes(), key.as_bytes()) {
            return Some(i);
        }
        i += 1;
    }
    None
}

/// `a == b`, which a `const fn` cannot write.
const fn same_bytes(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

/// The section named `key`.
fn section(key: &str) -> Option<&'static SectionDef> {
    section_index(key).and_then(|i| SECTIONS.get(i))
}

#[derive(Clone, Debug, PartialEq)]
pub struct PageOptions {
    pub embed: bool,
    /// Sections to show; `None` shows all.
    pub panels: Option<Vec<&'static str>>,
    /// Theme forced by the link; `None` leaves the user's choice.
    pub theme: Option<Theme>,
    /// Validated `#rgb` / `#rrggbb` accent colour.
    pub accent: Option<String>,
    /// Show the "Use live network data" button (always outside embed mode; with `live=1` inside).
    pub live: bool,
    /// The headline check's threshold: the link's if valid, else [`DEFAULT_THRESHOLD`].
    pub threshold: f64,
    /// `origin=`: the host page an embed obeys and posts to.
    pub origin: HostOrigin,
    /// `bg=transparent`: no page background, for hosts that draw their own.
    pub transparent: bool,
    /// The assumptions card: listed in `panels=`, or by default in an embed that shows money figures unless
    /// `assumptions=0`.
    pub assumptions: bool,
}

/// Which host page an embed talks to (`origin=`).
#[derive(Clone, Debug, PartialEq)]
pub enum HostOrigin {
    /// No `origin=` (or `origin=*`): the parent window, whatever its origin.
    Any,
    /// That origin only, as [`valid_origin`] spells it.
    Only(String),
    /// An `origin=` that is not an origin: no host at all, said in a notice. A typo must not open the frame
    /// to every origin when its embedder asked for one.
    Unreadable,
}

impl HostOrigin {
    fn from_param(raw: Option<&str>) -> HostOrigin {
        match raw.map(str::trim) {
            None | Some("*") => HostOrigin::Any,
            Some(o) => valid_origin(o).map_or(HostOrigin::Unreadable, HostOrigin::Only),
        }
    }
}

/// `scheme://host[:port]` as `MessageEvent.origin` spells it (lower case, no path, no trailing slash), for
/// `http` and `https` only; `None` for anything else.
pub fn valid_origin(raw: &str) -> Option<String> {
    let lower = raw.trim().to_ascii_lowercase();
    let rest = lower.strip_prefix("https://").or_else(|| lower.strip_prefix("http://"))?;
    // A colon after the last `]` (an IPv6 host is bracketed) starts the port.
    let (host, port) = match rest.rsplit_once(':') {
        Some((h, p)) if !p.contains(']') => (h, Some(p)),
        _ => (rest, None),
    };
    let host_ok = !host.is_empty() && host.bytes().all(|b| b.is_ascii_alphanumeric() || b"-.[]:".contains(&b));
    let port_ok = port.is_none_or(|p| (1..=5).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit()));
    (host_ok && port_ok).then_some(lower)
}

/// `threshold=…` for a link (`fmt` prints the number), or nothing for the default, which links leave out.
pub fn threshold_param(t: f64, fmt: &dyn Fn(f64) -> String) -> Option<String> {
    (t != DEFAULT_THRESHOLD).then(|| ["threshold=", &encode_component(&fmt(t))].concat())
}

fn truthy(v: Option<String>) -> bool {
    matches!(v.as_deref(), Some("1") | Some("true") | Some("yes"))
}

/// `#` followed by 3 or 6 hex digits (the `#` may be omitted, as `%23` is easy to forget in a link).
pub fn valid_hex_colour(raw: &str) -> Option<String> {
    let hex = raw.strip_prefix('#').unwrap_or(raw);
    let ok = (hex.len() == 3 || hex.len() == 6) && hex.bytes().all(|b| b.is_ascii_hexdigit());
    ok.then(|| ["#", &hex.to_ascii_lowercase()].concat())
}

/// WCAG relative luminance of a colour from [`valid_hex_colour`] (`#rgb` or `#rrggbb`).
fn luminance(hex: &str) -> Option<f64> {
    let h = hex.strip_prefix('#')?.as_bytes();
    let digit = |i: usize| (h.get(i)?.to_ascii_lowercase() as char).to_digit(16);
    let channel = |i: usize| -> Option<u8> {
        Some(if h.len() == 3 { digit(i)? * 17 } else { digit(2 * i)? * 16 + digit(2 * i + 1)? } as u8)
    };
    Some(crate::chart::heatmap::luminance((channel(0)?, channel(1)?, channel(2)?)))
}

/// WCAG contrast ratio of two colours (1 to 21).
pub fn contrast_ratio(a: &str, b: &str) -> Option<f64> {
    let (x, y) = (luminance(a)?, luminance(b)?);
    Some((x.max(y) + 0.05) / (x.min(y) + 0.05))
}

/// The inline style an `accent` gives the page, per theme: charts and sliders take it where it stands out
/// from the surface at 3:1 (WCAG's figure for graphics: `--btc-l` on the light surface, `--btc-d` on the dark
/// one), text and the focus ring where it reads at 4.5:1 (DESIGN.md: `--accent-l`, `--accent-d`). Elsewhere the
/// defaults stay. The stylesheet picks the pair for the theme in force, so the auto theme and the theme button
/// get it right too, and a navy brand colour cannot make the charts vanish on the dark surface.
pub fn accent_style(accent: &str) -> String {
    let mut out = Vec::new();
    for (var, surface, min) in [
        ("--btc-l: ", "#ffffff", 3.0),
        ("--btc-d: ", "#111827", 3.0),
        ("--accent-l: ", "#ffffff", 4.5),
        ("--accent-d: ", "#111827", 4.5),
    ] {
        if contrast_ratio(accent, surface).is_some_and(|c| c >= min) {
            out.push([var, accent].concat());
        }
    }
    out.join("; ")
}

impl PageOptions {
    pub fn from_query(query: &str) -> PageOptions {
        let embed = truthy(page_param(query, "embed"));
        let panels = page_param(query, "panels")
            .map(|list| {
                list.split(',').filter_map(|p| section(p.trim())).map(|s| s.key).collect::<Vec<_>>()
            })
            .filter(|p| !p.is_empty());
        let listed = panels.as_ref().is_some_and(|p| p.contains(&"assumptions"));
        let money = panels.as_ref().is_none_or(|p| p.iter().any(|k| section(k).is_some_and(|s| s.money)));
        let assumptions = listed || (embed && money && page_param(query, "assumptions").as_deref() != Some("0"));
        PageOptions {
            embed,
            panels,
            theme: page_param(query, "theme").as_deref().and_then(Theme::parse),
            accent: page_param(query, "accent").as_deref().and_then(valid_hex_colour),
            live: !embed || truthy(page_param(query, "live")),
            threshold: page_param(query, "threshold").as_deref().and_then(parse_threshold).unwrap_or(DEFAULT_THRESHOLD),
            origin: HostOrigin::from_param(page_param(query, "origin").as_deref()),
            transparent: page_param(query, "bg").as_deref() == Some("transparent"),
            assumptions,
        }
    }

    /// The page options of a link that do not read (a panel name that is not one, a theme or an accent that is
    /// not one), as a notice: a host's typo must not pass silently as the whole calculator or the default look.
    /// `None` when every one reads. (The threshold is said with the scenario's values, `state::query`.)
    pub fn issues(query: &str) -> Option<String> {
        let mut issues: Vec<crate::state::query::QueryIssue> = Vec::new();
        if let Some(list) = page_param(query, "panels") {
            let mut unknown = Vec::new();
            let mut known = false;
            for p in list.split(',').map(str::trim).filter(|p| !p.is_empty()) {
                if section(p).is_some() {
                    known = true;
                } else {
                    unknown.push(p);
                }
            }
            let why = if known { "not a panel" } else { "not a panel, so every panel shows" };
            issues.extend(unknown.into_iter().map(|p| crate::state::query::QueryIssue::new("panels", p, why)));
        }
        if let Some(t) = page_param(query, "theme").filter(|t| Theme::parse(t).is_none()) {
            issues.push(crate::state::query::QueryIssue::new("theme", &t, "must be light, dark or auto"));
        }
        if let Some(a) = page_param(query, "accent").filter(|a| valid_hex_colour(a).is_none()) {
            issues.push(crate::state::query::QueryIssue::new("accent", &a, "must be a colour like #1e3a8a"));
        }
        // Only an embed talks to a host page.
        if let Some(o) = page_param(query, "origin").filter(|_| truthy(page_param(query, "embed"))) {
            if HostOrigin::from_param(Some(&o)) == HostOrigin::Unreadable {
                let why = "must be an origin like https://investor.example (no path), so messages to and from the host page are off";
                issues.push(crate::state::query::QueryIssue::new("origin", &o, why));
            }
        }
        let list: Vec<String> = issues.iter().map(|i| i.message()).collect();
        (!list.is_empty()).then(|| ["Some page options were not understood: ", &list.join("; ")].concat())
    }

    pub fn shows(&self, section: &str) -> bool {
        if section == "assumptions" {
            return self.assumptions;
        }
        self.panels.as_ref().is_none_or(|p| p.contains(&section))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_page_shows_everything_with_live_button() {
        let p = PageOptions::from_query("?btc_price_usd=86000");
        assert!(!p.embed && p.live && p.panels.is_none() && p.theme.is_none() && p.accent.is_none());
        assert!(SECTIONS.iter().filter(|s| s.key != "assumptions").all(|s| p.shows(s.key)));
        assert!(!p.shows("assumptions"), "the full page shows the inputs themselves");
        assert_eq!(p.threshold, DEFAULT_THRESHOLD);
    }

    #[test]
    fn threshold_travels_in_the_link_and_bad_ones_fall_back() {
        let fmt = |x: f64| x.to_string();
        assert_eq!(PageOptions::from_query("?threshold=40").threshold, 40.0);
        assert_eq!(
            PageOptions::from_query("?threshold=%2437.5&btc_price_usd=1").threshold,
            37.5,
            "$37.5, as the field takes it"
        );
        for bad in ["abc", "0", "-5", "", "inf", "NaN", "1e999"] {
            assert_eq!(PageOptions::from_query(&["?threshold=", bad].concat()).threshold, DEFAULT_THRESHOLD, "{bad:?}");
        }
        assert_eq!(threshold_param(40.0, &fmt).as_deref(), Some("threshold=40"));
        assert_eq!(threshold_param(DEFAULT_THRESHOLD, &fmt), None, "the default is left out");
        let back = PageOptions::from_query(&["?", &threshold_param(0.1 + 0.2, &fmt).unwrap_or_default()].concat());
        assert_eq!(back.threshold, 0.1 + 0.2, "the round trip is exact");
    }

    #[test]
    fn embed_options_parse_and_validate() {
        let p = PageOptions::from_query("?embed=1&panels=kpis,cash,hpc,bogus&theme=dark&accent=%23FF8800");
        assert!(p.embed && !p.live);
        assert_eq!(p.panels, Some(vec!["kpis", "cash", "hpc"]));
        assert!(p.shows("cash") && !p.shows("inputs"));
        assert_eq!(p.theme, Some(Theme::Dark));
        assert_eq!(p.accent.as_deref(), Some("#ff8800"));
        let q = PageOptions::from_query("?embed=1&live=1&accent=red&theme=neon&panels=nothing");
        assert!(q.live && q.accent.is_none() && q.theme.is_none() && q.panels.is_none());
        // Each option that does not read is said, not passed over.
        assert_eq!(
            PageOptions::issues("?embed=1&panels=kpis,cash,hpc,bogus&theme=dark&accent=%23FF8800").as_deref(),
            Some("Some page options were not understood: panels = \"bogus\": not a panel")
        );
        assert_eq!(
            PageOptions::issues("?embed=1&live=1&accent=red&theme=neon&panels=nothing").as_deref(),
            Some(
                "Some page options were not understood: panels = \"nothing\": not a panel, so every panel shows; \
                 theme = \"neon\": must be light, dark or auto; accent = \"red\": must be a colour like #1e3a8a"
            )
        );
        assert_eq!(PageOptions::issues("?embed=1&panels=kpis,%20cash&theme=auto&accent=1e3a8a"), None);
        assert_eq!(valid_hex_colour("abc").as_deref(), Some("#abc"));
        assert!(valid_hex_colour("#abcd").is_none() && valid_hex_colour("#ggg").is_none());
        assert!(valid_hex_colour("\"><script>").is_none());
    }

    #[test]
    fn accent_text_needs_contrast() {
        let close = |a: Option<f64>, b: f64| a.is_some_and(|a| (a - b).abs() < 0.05);
        // DESIGN.md's own figures: accent #B45309 5.0 and muted #475569 7.6 on white.
        assert!(close(contrast_ratio("#b45309", "#ffffff"), 5.0) && close(contrast_ratio("#475569", "#fff"), 7.6));
        assert!(close(contrast_ratio("#000", "#ffffff"), 21.0));
        assert_eq!(
            accent_style("#b45309"),
            "--btc-l: #b45309; --btc-d: #b45309; --accent-l: #b45309",
            "amber is 5.0:1 on white, 3.6:1 on dark"
        );
        assert_eq!(accent_style("#60a5fa"), "--btc-d: #60a5fa; --accent-d: #60a5fa", "pale blue is 2.5:1 on white");
        assert_eq!(accent_style("#1e3a8a"), "--btc-l: #1e3a8a; --accent-l: #1e3a8a", "navy vanishes on dark");
        assert_eq!(
            accent_style("#888888"),
            "--btc-l: #888888; --btc-d: #888888; --accent-d: #888888",
            "grey is 3.5:1 on white"
        );
        assert_eq!(accent_style("#bad"), "--btc-d: #bad; --accent-d: #bad", "the short form is read as #bbaadd");
        assert_eq!(accent_style("#ffcc00"), "--btc-d: #ffcc00; --accent-d: #ffcc00", "yellow is 1.4:1 on white");
        assert_eq!(contrast_ratio("#12", "#fff"), None);
    }

    #[test]
    fn assumptions_show_in_embeds_with_money_figures() {
        let shows = |q: &str| PageOptions::from_query(q).shows("assumptions");
        assert!(!shows("?btc_price_usd=1"), "not on the full page, which has the inputs");
        assert!(shows("?panels=kpis,assumptions"), "listed");
        assert!(
            shows("?embed=1&panels=kpis,cash") && shows("?embed=1"),
            "on by default in an embed with money figures"
        );
        assert!(!shows("?embed=1&panels=kpis&assumptions=0"), "off with assumptions=0");
        assert!(shows("?embed=1&panels=kpis,assumptions&assumptions=0"), "listed wins");
        assert!(!shows("?embed=1&panels=inputs"), "no money figures, no card");
        for panel in ["hashprice", "fleet", "history"] {
            let q = ["?embed=1&panels=", panel].concat();
            assert!(shows(&q), "{panel}: USD, or months projected from the inputs, come with them");
        }
        let p = PageOptions::from_query("?embed=1&panels=kpis");
        assert!(p.shows("kpis") && !p.shows("cash"));
    }

    #[test]
    fn origin_and_background_options() {
        let p = PageOptions::from_query("?embed=1&origin=https%3A%2F%2FIR.Example.com&bg=transparent");
        assert_eq!(p.origin, HostOrigin::Only("https://ir.example.com".into()));
        assert!(p.transparent);
        assert_eq!(valid_origin("http://127.0.0.1:8080").as_deref(), Some("http://127.0.0.1:8080"));
        assert_eq!(valid_origin("http://[::1]:8080").as_deref(), Some("http://[::1]:8080"));
        for bad in [
            "*",
            "",
            "null",
            "ir.example.com",
            "https://",
            "https://ir.example.com/",
            "https://a/b",
            "javascript:alert(1)",
            "https://a:99999999",
            "https://a b",
            "file:///etc",
            "https://a:x",
            "https://a:",
        ] {
            assert_eq!(valid_origin(bad), None, "{bad:?}");
        }
        let q = PageOptions::from_query("?bg=white&origin=*");
        assert!(!q.transparent && q.origin == HostOrigin::Any);
        assert_eq!(PageOptions::from_query("?embed=1").origin, HostOrigin::Any);
        // A malformed origin closes the frame to every host, and says so.
        let typo = "?embed=1&origin=http%3A%2F%2Fother.example%2F";
        assert_eq!(PageOptions::from_query(typo).origin, HostOrigin::Unreadable);
        let said = PageOptions::issues(typo).unwrap_or_default();
        assert!(said.contains("origin") && said.contains("messages to and from the host page are off"), "{said}");
    }

    #[test]
    fn each_section_is_found_by_its_key_and_has_a_bit() {
        assert!(SECTIONS.len() <= 32, "Ctx::embed_panels is a u32, one bit per section");
        for (i, s) in SECTIONS.iter().enumerate() {
            assert_eq!(section_index(s.key), Some(i), "{} is listed once", s.key);
        }
        for not_one in ["", "kpi", "kpiss", "Cash", "cash "] {
            assert_eq!(section_index(not_one), None, "{not_one:?}");
        }
    }

    #[test]
    fn theme_cycles_through_all_three() {
        assert_eq!(Theme::Auto.next().next().next(), Theme::Auto);
        for t in [Theme::Auto, Theme::Light, Theme::Dark] {
            assert_eq!(Theme::parse(t.label()), Some(t));
        }
    }
}

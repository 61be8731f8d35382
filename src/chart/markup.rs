//! SVG and table markup as strings. Charts are rebuilt on every input as strings (far smaller in WASM than a
//! typed view tree); `parse_flat` lets the view turn the last string of a layer into the new one in place.
//! Coordinates are whole pixels; text is escaped.

use super::svg::push_int;

/// Appends `text` with `&`, `<`, `>`, `"` escaped.
pub fn push_escaped(out: &mut String, text: &str) {
    for ch in text.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
}

/// Builds SVG elements into one string.
#[derive(Default, Debug, Clone, PartialEq)]
pub struct Svg {
    pub out: String,
}

impl Svg {
    pub fn new() -> Svg {
        Svg { out: String::with_capacity(4096) }
    }

    fn attr(&mut self, name: &str, v: i64) {
        self.out.push(' ');
        self.out.push_str(name);
        self.out.push_str("=\"");
        push_int(&mut self.out, v);
        self.out.push('"');
    }

    fn class(&mut self, class: &str) {
        if !class.is_empty() {
            self.out.push_str(" class=\"");
            push_escaped(&mut self.out, class);
            self.out.push('"');
        }
    }

    pub fn line(&mut self, class: &str, x1: i64, y1: i64, x2: i64, y2: i64) {
        self.out.push_str("<line");
        self.class(class);
        self.attr("x1", x1);
        self.attr("y1", y1);
        self.attr("x2", x2);
        self.attr("y2", y2);
        self.out.push_str("/>");
    }

    pub fn rect(&mut self, class: &str, x: i64, y: i64, w: i64, h: i64) {
        self.rect_fill(class, x, y, w, h, "");
    }

    /// A rectangle with an explicit fill colour (heatmap cells); `fill` must be a `#rrggbb` colour.
    pub fn rect_fill(&mut self, class: &str, x: i64, y: i64, w: i64, h: i64, fill: &str) {
        self.out.push_str("<rect");
        self.class(class);
        self.attr("x", x);
        self.attr("y", y);
        self.attr("width", w.max(0));
        self.attr("height", h.max(0));
        if !fill.is_empty() {
            self.out.push_str(" fill=\"");
            push_escaped(&mut self.out, fill);
            self.out.push('"');
        }
        self.out.push_str("/>");
    }

    pub fn path(&mut self, class: &str, d: &str) {
        if d.is_empty() {
            return;
        }
        self.out.push_str("<path");
        self.class(class);
        self.out.push_str(" d=\"");
        push_escaped(&mut self.out, d);
        self.out.push_str("\"/>");
    }

    pub fn circle(&mut self, class: &str, cx: i64, cy: i64, r: i64) {
        self.out.push_str("<circle");
        self.class(class);
        self.attr("cx", cx);
        self.attr("cy", cy);
        self.attr("r", r);
        self.out.push_str("/>");
    }

    /// `anchor` is "start", "middle" or "end".
    pub fn text(&mut self, class: &str, x: i64, y: i64, anchor: &str, text: &str) {
        self.out.push_str("<text");
        self.class(class);
        self.attr("x", x);
        self.attr("y", y);
        if anchor != "start" {
            self.out.push_str(" text-anchor=\"");
            self.out.push_str(anchor);
            self.out.push('"');
        }
        self.out.push('>');
        push_escaped(&mut self.out, text);
        self.out.push_str("</text>");
    }

    pub fn open_group(&mut self, class: &str) {
        self.out.push_str("<g");
        self.class(class);
        self.out.push('>');
    }

    pub fn close_group(&mut self) {
        self.out.push_str("</g>");
    }

    /// The markup written so far, leaving the builder empty (a chart cuts its body into layers this way).
    pub fn take(&mut self) -> String {
        std::mem::take(&mut self.out)
    }
}

/// One element of a flat run of markup as `Svg` writes it: `<tag a="v" …/>` or `<tag a="v" …>text</tag>`.
/// Values and text are still escaped.
#[derive(Debug, PartialEq)]
pub struct Flat<'a> {
    pub tag: &'a str,
    pub attrs: Vec<(&'a str, &'a str)>,
    pub text: Option<&'a str>,
}

/// Reads a flat run of elements (no nesting, no comments). `None` for anything else, so the caller falls
/// back to replacing the markup whole.
pub fn parse_flat(s: &str) -> Option<Vec<Flat<'_>>> {
    let mut out = Vec::new();
    let mut rest = s;
    while !rest.is_empty() {
        rest = rest.strip_prefix('<')?;
        let end = rest.find([' ', '/', '>'])?;
        let (tag, after) = rest.split_at_checked(end)?;
        if tag.is_empty() || tag == "g" || tag.starts_with('/') || tag.starts_with('!') {
            return None;
        }
        rest = after;
        let mut attrs = Vec::new();
        let text = loop {
            rest = rest.trim_start_matches(' ');
            if let Some(r) = rest.strip_prefix("/>") {
                rest = r;
                break None;
            }
            if let Some(r) = rest.strip_prefix('>') {
                let close = r.find('<')?;
                let (text, after) = r.split_at_checked(close)?;
                rest = after.strip_prefix("</")?.strip_prefix(tag)?.strip_prefix('>')?;
                break Some(text);
            }
            // A char pattern, not "=\"": the substring searcher would link core's str-slicing panic message.
            let eq = rest.find('=')?;
            let (name, r) = rest.split_at_checked(eq)?;
            let r = r.strip_prefix("=\"")?;
            let q = r.find('"')?;
            if name.is_empty() || name.contains(['<', '>', ' ']) {
                return None;
            }
            let (value, after) = r.split_at_checked(q)?;
            attrs.push((name, value));
            rest = after.get(1..)?;
        };
        out.push(Flat { tag, attrs, text });
    }
    Some(out)
}

/// Whether two flat runs have the same elements with the same attribute names (only values and texts
/// differ), so one can be turned into the other in place.
pub fn same_shape(a: &[Flat], b: &[Flat]) -> bool {
    a.len() == b.len()
        && a.iter().zip(b).all(|(x, y)| {
            x.tag == y.tag
                && x.text.is_some() == y.text.is_some()
                && x.attrs.len() == y.attrs.len()
                && x.attrs.iter().zip(&y.attrs).all(|(p, q)| p.0 == q.0)
        })
}

/// Undoes `push_escaped`.
pub fn unescape(s: &str) -> String {
    // One pass over `&`-separated pieces: `str::replace` with a string pattern would link core's
    // str-slicing panic message (~3 KB of WASM).
    let mut parts = s.split('&');
    let mut out = String::from(parts.next().unwrap_or_default());
    for part in parts {
        let (ch, rest) = [("lt;", '<'), ("gt;", '>'), ("quot;", '"'), ("amp;", '&')]
            .iter()
            .find_map(|(name, ch)| part.strip_prefix(name).map(|rest| (*ch, rest)))
            .unwrap_or(('&', part));
        out.push(ch);
        out.push_str(rest);
    }
    out
}

/// Table body rows as markup: the first cell of each row is a row header.
pub fn table_rows(rows: &[Vec<String>]) -> String {
    let mut out = String::with_capacity(rows.len() * 64);
    for row in rows {
        out.push_str("<tr>");
        for (i, cell) in row.iter().enumerate() {
            out.push_str(if i == 0 { "<th scope=\"row\">" } else { "<td>" });
            push_escaped(&mut out, cell);
            out.push_str(if i == 0 { "</th>" } else { "</td>" });
        }
        out.push_str("</tr>");
    }
    out
}

/// A text built piece by piece. Each formatted number is moved in and dropped here, so a caller carries no
/// drop code of its own for its temporaries, as `[..].concat()` over `&usd(x)` pieces does (~1 KB of WASM for
/// the KPI formulas alone).
#[derive(Default)]
pub struct Txt(pub String);

impl Txt {
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
    #[test]
    fn first_letter_case_changes_only_an_ascii_first_letter() {
        assert_eq!(super::first_letter_case("must be above 0", true), "Must be above 0");
        assert_eq!(super::first_letter_case("Machine price", false), "machine price");
        assert_eq!(super::first_letter_case("", true), "");
        assert_eq!(super::first_letter_case("élan", true), "élan");
    }

    use super::*;

    #[test]
    fn text_is_escaped_and_coordinates_are_integers() {
        let mut s = Svg::new();
        s.text("tick", 10, -3, "end", "<$1 & \"2\">");
        assert_eq!(s.out, "<text class=\"tick\" x=\"10\" y=\"-3\" text-anchor=\"end\">&lt;$1 &amp; &quot;2&quot;&gt;</text>");
    }

    #[test]
    fn elements_are_well_formed() {
        let mut s = Svg::new();
        s.open_group("bars");
        s.rect("bar neg", 1, 2, 3, -4);
        s.line("", 0, 0, 5, 5);
        s.path("line", "M0 0L1 1");
        s.path("empty", "");
        s.circle("current", 1, 2, 3);
        s.close_group();
        assert_eq!(
            s.out,
            "<g class=\"bars\"><rect class=\"bar neg\" x=\"1\" y=\"2\" width=\"3\" height=\"0\"/><line x1=\"0\" y1=\"0\" x2=\"5\" y2=\"5\"/><path class=\"line\" d=\"M0 0L1 1\"/><circle class=\"current\" cx=\"1\" cy=\"2\" r=\"3\"/></g>"
        );
    }

    #[test]
    fn unescape_undoes_push_escaped() {
        for text in ["", "plain", "<$1 & \"2\">", "&amp;lt; &", "a&&b;", "&lt", "€ &quot;x&quot; &gt;", "&"] {
            let mut e = String::new();
            push_escaped(&mut e, text);
            assert_eq!(unescape(&e), text);
        }
        assert_eq!(unescape("a & b &amp;amp; &copy;"), "a & b &amp; &copy;");
    }

    #[test]
    fn flat_runs_parse_and_compare_by_shape() {
        let mut s = Svg::new();
        s.line("grid", 1, 2, 3, 4);
        s.text("tick", 5, 6, "end", "<$1 & 2>");
        s.path("line-cash", "M0 0L1 -1");
        let a = s.take();
        assert!(s.out.is_empty());
        let p = parse_flat(&a).unwrap_or_default();
        assert_eq!(p.len(), 3);
        assert_eq!(p[0], Flat { tag: "line", attrs: vec![("class", "grid"), ("x1", "1"), ("y1", "2"), ("x2", "3"), ("y2", "4")], text: None });
        assert_eq!(p[1].text.map(unescape).as_deref(), Some("<$1 & 2>"));
        assert_eq!(p[2].attrs[1], ("d", "M0 0L1 -1"));
        let mut t = Svg::new();
        t.line("grid", 9, 2, 3, 4);
        t.text("tick", 5, 7, "end", "$2");
        t.path("line-cash", "M0 1");
        let b = t.take();
        assert!(same_shape(&p, &parse_flat(&b).unwrap_or_default()));
        t.rect("bar", 0, 0, 1, 1);
        assert!(!same_shape(&p, &parse_flat(&t.out).unwrap_or_default()));
        assert_eq!(parse_flat(""), Some(vec![]));
        assert!(parse_flat("<g class=\"a\"><line/></g>").is_none());
        assert!(parse_flat("<text>a<b/></text>").is_none());
        assert!(parse_flat("oops").is_none());
    }

    #[test]
    fn table_rows_escape_cells_and_mark_row_headers() {
        let rows = vec![vec!["<a>".to_string(), "1 & 2".to_string()]];
        assert_eq!(table_rows(&rows), "<tr><th scope=\"row\">&lt;a&gt;</th><td>1 &amp; 2</td></tr>");
    }
}

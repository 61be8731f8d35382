//! SVG drawn as plain nodes (far smaller in WASM than a typed view tree), data-table rows, escaping.
//! Coordinates are whole pixels; every value and text is escaped when written.

use super::svg::int_string;

/// Appends `text` with `&`, `<`, `>`, `"` and `'` escaped (safe as text and in any quoted attribute).
pub fn push_escaped(out: &mut String, text: &str) {
    for ch in text.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
}

/// One SVG element as a chart draws it: tag, attributes (values unescaped), text and children. A chart keeps
/// the nodes it drew, so its next drawing is compared node by node and patched in place, never parsed back.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Node {
    pub tag: &'static str,
    pub attrs: Vec<(&'static str, String)>,
    pub text: Option<String>,
    pub kids: Vec<Node>,
}

impl Node {
    /// Same elements with the same attribute names all the way down: only values and texts differ, so one
    /// can be turned into the other in place.
    pub fn same_shape(&self, other: &Node) -> bool {
        self.tag == other.tag
            && self.text.is_some() == other.text.is_some()
            && self.attrs.len() == other.attrs.len()
            && self.attrs.iter().zip(&other.attrs).all(|(a, b)| a.0 == b.0)
            && same_shape(&self.kids, &other.kids)
    }
}

/// Whether two runs of nodes have the same shape (see [`Node::same_shape`]).
pub fn same_shape(a: &[Node], b: &[Node]) -> bool {
    a.len() == b.len() && a.iter().zip(b).all(|(x, y)| x.same_shape(y))
}

/// Appends the markup of `nodes`, every value and text escaped.
pub fn write_nodes(out: &mut String, nodes: &[Node]) {
    for n in nodes {
        out.push('<');
        out.push_str(n.tag);
        for (name, value) in &n.attrs {
            out.push(' ');
            out.push_str(name);
            out.push_str("=\"");
            push_escaped(out, value);
            out.push('"');
        }
        match (&n.text, n.kids.is_empty()) {
            (None, true) => out.push_str("/>"),
            (text, _) => {
                out.push('>');
                if let Some(t) = text {
                    push_escaped(out, t);
                }
                write_nodes(out, &n.kids);
                out.push_str("</");
                out.push_str(n.tag);
                out.push('>');
            }
        }
    }
}

/// Draws SVG elements as [`Node`]s; groups nest.
#[derive(Default, Debug, Clone, PartialEq)]
pub struct Svg {
    nodes: Vec<Node>,
    /// Groups still open, innermost last.
    open: Vec<Node>,
}

impl Svg {
    pub fn new() -> Svg {
        Svg::default()
    }

    fn push(&mut self, node: Node) {
        match self.open.last_mut() {
            Some(g) => g.kids.push(node),
            None => self.nodes.push(node),
        }
    }

    fn node(tag: &'static str, class: &str, ints: &[(&'static str, i64)]) -> Node {
        let mut attrs = Vec::with_capacity(ints.len() + 1);
        if !class.is_empty() {
            attrs.push(("class", class.to_string()));
        }
        attrs.extend(ints.iter().map(|(k, v)| (*k, int_string(*v))));
        Node { tag, attrs, text: None, kids: Vec::new() }
    }

    pub fn line(&mut self, class: &str, x1: i64, y1: i64, x2: i64, y2: i64) {
        self.push(Svg::node("line", class, &[("x1", x1), ("y1", y1), ("x2", x2), ("y2", y2)]));
    }

    pub fn rect(&mut self, class: &str, x: i64, y: i64, w: i64, h: i64) {
        self.rect_fill(class, x, y, w, h, "");
    }

    /// A rectangle with an explicit fill colour (heatmap cells); `fill` must be a `#rrggbb` colour.
    pub fn rect_fill(&mut self, class: &str, x: i64, y: i64, w: i64, h: i64, fill: &str) {
        let mut n = Svg::node("rect", class, &[("x", x), ("y", y), ("width", w.max(0)), ("height", h.max(0))]);
        if !fill.is_empty() {
            n.attrs.push(("fill", fill.to_string()));
        }
        self.push(n);
    }

    pub fn path(&mut self, class: &str, d: &str) {
        if d.is_empty() {
            return;
        }
        let mut n = Svg::node("path", class, &[]);
        n.attrs.push(("d", d.to_string()));
        self.push(n);
    }

    pub fn circle(&mut self, class: &str, cx: i64, cy: i64, r: i64) {
        self.push(Svg::node("circle", class, &[("cx", cx), ("cy", cy), ("r", r)]));
    }

    /// `anchor` is "start", "middle" or "end".
    pub fn text(&mut self, class: &str, x: i64, y: i64, anchor: &'static str, text: &str) {
        let mut n = Svg::node("text", class, &[("x", x), ("y", y)]);
        if anchor != "start" {
            n.attrs.push(("text-anchor", anchor.to_string()));
        }
        n.text = Some(text.to_string());
        self.push(n);
    }

    pub fn open_group(&mut self, class: &str) {
        self.open.push(Svg::node("g", class, &[]));
    }

    /// A group moved by (`x`, `y`).
    pub fn open_translate(&mut self, x: i64, y: i64) {
        let mut g = Svg::node("g", "", &[]);
        g.attrs.push(("transform", ["translate(", &int_string(x), " ", &int_string(y), ")"].concat()));
        self.open.push(g);
    }

    pub fn close_group(&mut self) {
        if let Some(g) = self.open.pop() {
            self.push(g);
        }
    }

    /// The nodes drawn so far, leaving the builder empty (a chart cuts its body into layers this way).
    pub fn take(&mut self) -> Vec<Node> {
        while !self.open.is_empty() {
            self.close_group();
        }
        std::mem::take(&mut self.nodes)
    }

    /// The markup drawn so far (for tests and one-off drawings).
    pub fn markup(&mut self) -> String {
        let mut out = String::new();
        write_nodes(&mut out, &self.take());
        out
    }
}

/// A data table's body row: its cells (the first is the row header) and an optional hook attribute, such as
/// `data-tornado="btc_price_usd"` for tests.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Row {
    pub cells: Vec<String>,
    pub hook: Option<(&'static str, &'static str)>,
    /// More attributes with computed values, such as the history table's `data-height` and `data-hashvalue`.
    pub data: Vec<(&'static str, String)>,
}

impl Row {
    pub fn new(cells: Vec<String>) -> Row {
        Row { cells, hook: None, data: Vec::new() }
    }
}

/// Rows from plain cell lists.
pub fn rows(cells: Vec<Vec<String>>) -> Vec<Row> {
    cells.into_iter().map(Row::new).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped_and_coordinates_are_integers() {
        let mut s = Svg::new();
        s.text("tick", 10, -3, "end", "<$1 & \"2\" it's>");
        assert_eq!(
            s.markup(),
            "<text class=\"tick\" x=\"10\" y=\"-3\" text-anchor=\"end\">&lt;$1 &amp; &quot;2&quot; it&#39;s&gt;</text>"
        );
    }

    #[test]
    fn elements_are_well_formed_and_groups_nest() {
        let mut s = Svg::new();
        s.open_group("bars");
        s.rect("bar neg", 1, 2, 3, -4);
        s.line("", 0, 0, 5, 5);
        s.path("line", "M0 0L1 1");
        s.path("empty", "");
        s.open_translate(4, -2);
        s.circle("current", 1, 2, 3);
        s.close_group();
        s.close_group();
        assert_eq!(
            s.markup(),
            "<g class=\"bars\"><rect class=\"bar neg\" x=\"1\" y=\"2\" width=\"3\" height=\"0\"/><line x1=\"0\" y1=\"0\" x2=\"5\" y2=\"5\"/><path class=\"line\" d=\"M0 0L1 1\"/><g transform=\"translate(4 -2)\"><circle class=\"current\" cx=\"1\" cy=\"2\" r=\"3\"/></g></g>"
        );
    }

    #[test]
    fn drawings_compare_by_shape() {
        let draw = |x: i64, label: &str| {
            let mut s = Svg::new();
            s.line("grid", x, 2, 3, 4);
            s.text("tick", 5, 6, "end", label);
            s.take()
        };
        assert!(same_shape(&draw(1, "$1"), &draw(9, "$2")));
        let mut more = draw(1, "$1");
        more.push(Node { tag: "rect", ..Node::default() });
        assert!(!same_shape(&draw(1, "$1"), &more));
        let mut other = draw(1, "$1");
        other[0].attrs[0].0 = "id";
        assert!(!same_shape(&draw(1, "$1"), &other));
    }
}

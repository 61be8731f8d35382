//! Pieces several sections share, built once here: the status line, the table scroller and the data table
//! under a chart. Pure builders; the sections patch them through the returned slots.

use super::{Html, Slot};
use crate::chart::Row;

/// A polite status line (`Copied`, `Applied preset: …`), empty until a section says something; `hook` is an
/// empty attribute tests find it by (`data-live-status`).
pub fn status_line(h: &mut Html, hook: Option<&'static str>) -> Slot {
    h.open("p", "class=\"status\" role=\"status\" aria-live=\"polite\"");
    if let Some(name) = hook {
        h.attr(name, "");
    }
    let slot = h.slot();
    h.close("p");
    slot
}

/// Opens a table that scrolls sideways on a narrow screen. With a `label`, the scroller takes focus (a named
/// region) so the keyboard can scroll it; without, the table is narrow enough never to scroll. Close it with
/// [`close_scroller`].
pub fn open_scroller(h: &mut Html, label: Option<&str>) {
    match label {
        Some(label) => h.open("div", "class=\"table-scroll\" tabindex=\"0\" role=\"region\"").attr("aria-label", label),
        None => h.open("div", "class=\"table-scroll\""),
    };
}

pub fn close_scroller(h: &mut Html) {
    h.close("div");
}

/// A header row of column headers.
pub fn header_row(h: &mut Html, cells: &[&str]) {
    h.open("tr", "");
    for c in cells {
        h.el("th", "scope=\"col\"", c);
    }
    h.close("tr");
}

/// Body rows: the first cell of each is a row header.
pub fn body_rows(h: &mut Html, rows: &[Row]) {
    for row in rows {
        h.open("tr", "");
        if let Some((name, value)) = row.hook {
            h.attr(name, value);
        }
        for (name, value) in &row.data {
            h.attr(name, value);
        }
        for (i, cell) in row.cells.iter().enumerate() {
            if i == 0 {
                h.el("th", "scope=\"row\"", cell);
            } else {
                h.el("td", "", cell);
            }
        }
        h.close("tr");
    }
}

/// A chart's collapsible data table, rows filled later (while it is open): its `<details>`, header row and
/// body, as slots in the markup and then as elements.
#[derive(Clone, Copy, Debug)]
pub struct DataTable<T = Slot> {
    pub details: T,
    pub head: T,
    pub body: T,
}

pub fn data_table(h: &mut Html, label: &str, caption: &str, head: &[&str]) -> DataTable {
    h.open("details", "class=\"data-table\"");
    let details = h.slot();
    h.raw("<summary>Data table<span class=\"visually-hidden\">: ").text(label).raw("</span></summary>");
    open_scroller(h, Some(label));
    h.open("table", "").el("caption", "", caption).open("thead", "");
    let head_slot = h.slot();
    header_row(h, head);
    h.close("thead").open("tbody", "");
    let body = h.slot();
    h.close("tbody").close("table");
    close_scroller(h);
    h.close("details");
    DataTable { details, head: head_slot, body }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::view::html::check;

    #[test]
    fn a_data_table_resolves_and_escapes_its_rows() {
        let mut h = Html::new();
        let t = data_table(&mut h, "Cash <by> month", "Cash", &["Month", "Cash"]);
        body_rows(&mut h, &[Row { cells: vec!["1".into(), "<$2>".into()], hook: Some(("data-tornado", "btc_price_usd")), data: Vec::new() }]);
        let s = status_line(&mut h, None);
        assert_eq!((t.details, t.head, t.body, s), (Slot(0), Slot(1), Slot(2), Slot(3)));
        let (m, n) = h.finish();
        assert_eq!(check(&m, n), Ok(()));
        assert!(m.contains("aria-label=\"Cash &lt;by&gt; month\""));
        assert!(m.contains("<tr data-tornado=\"btc_price_usd\"><th scope=\"row\">1</th><td>&lt;$2&gt;</td></tr>"));
    }
}

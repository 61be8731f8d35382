use super::*;

#[derive(Clone, Copy, Debug, PartialEq)]
enum Demo {
    Undo,
    Reset,
}

impl Action for Demo {
    const ALL: &'static [Demo] = &[Demo::Undo, Demo::Reset];
    fn name(self) -> &'static str {
        match self {
            Demo::Undo => "undo",
            Demo::Reset => "reset",
        }
    }
}

#[test]
fn runtime_strings_are_escaped_as_text_and_attribute_values() {
    let mut h = Html::new();
    h.open("p", "class=\"x\"").attr("title", "a\"b' <c>").text("<script>&'").close("p");
    let (m, _) = h.finish();
    assert_eq!(m, "<p class=\"x\" title=\"a&quot;b&#39; &lt;c&gt;\">&lt;script&gt;&amp;&#39;</p>");
}

#[test]
fn slots_are_numbered_in_order_and_all_resolve() {
    let mut h = Html::new();
    h.open("section", "");
    let a = h.slot();
    h.open("output", "class=\"kpi-value\"");
    let b = h.slot();
    h.text("$1").close("output").open("input", "type=\"text\"").flag("disabled", true).close("section");
    assert_eq!((a, b), (Slot(0), Slot(1)));
    let (m, n) = h.finish();
    assert_eq!(m, "<section data-h=\"0\"><output class=\"kpi-value\" data-h=\"1\">$1</output><input type=\"text\" disabled></section>");
    assert_eq!(check(&m, n), Ok(()));
}

#[test]
fn check_finds_a_missing_slot_and_unbalanced_tags() {
    assert!(check("<p data-h=\"0\"></p>", 2).is_err());
    assert!(check("<p data-h=\"0\"></p><i data-h=\"0\"></i>", 1).is_err());
    assert!(check("<div><p></div>", 0).is_err());
    assert!(check("<div>", 0).is_err());
    assert_eq!(check("<svg><path d=\"M0 0\"/></svg><input>", 0), Ok(()));
}

#[test]
fn actions_are_written_by_name_and_parsed_back() {
    let mut h = Html::new();
    h.open("button", "type=\"button\"").on(Demo::Reset).text("Reset").close("button");
    assert_eq!(h.finish().0, "<button type=\"button\" data-action=\"reset\">Reset</button>");
    for a in Demo::ALL {
        assert_eq!(Demo::parse(a.name()), Some(*a));
    }
    assert_eq!(Demo::parse("nope"), None);
}

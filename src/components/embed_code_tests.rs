//! Tests of `embed_code`, kept beside it.

use super::*;

#[test]
fn the_script_tag_carries_panels_look_and_scenario() {
    let page = "https://ir.example/tools/hashprice/?btc_price_usd=1#x";
    assert_eq!(embed_js_url(page), "https://ir.example/tools/hashprice/embed.js");
    assert_eq!(
        embed_js_url("https://ir.example/tools/hashprice/index.html"),
        "https://ir.example/tools/hashprice/embed.js"
    );
    let look = Look { theme: Theme::Dark, accent: Some("#1e3a8a".into()), threshold: Some("threshold=40".into()) };
    let opts = options(Some(&["kpis", "cash"]), &look, "btc_price_usd=101000&machine_count=3000");
    assert_eq!(
        script_tag(page, &opts),
        "<script src=\"https://ir.example/tools/hashprice/embed.js\" data-panels=\"kpis,cash\" data-assumptions=\"0\" \
         data-theme=\"dark\" data-accent=\"#1e3a8a\" data-threshold=\"40\" data-btc_price_usd=\"101000\" \
         data-machine_count=\"3000\" async></script>"
    );
    assert_eq!(
        preview_url(page, &opts),
        "https://ir.example/tools/hashprice/?embed=1&panels=kpis%2Ccash&assumptions=0&theme=dark&accent=%231e3a8a&threshold=40\
         &btc_price_usd=101000&machine_count=3000"
    );
}

#[test]
fn defaults_are_left_out_and_hostile_text_is_escaped() {
    let look = Look { theme: Theme::Auto, accent: None, threshold: None };
    let opts = options(None, &look, "");
    assert!(opts.is_empty());
    assert_eq!(script_tag("https://a.example/", &opts), "<script src=\"https://a.example/embed.js\" async></script>");
    let bad =
        vec![("x\" onload=\"alert(1)".to_string(), "1".to_string()), ("k".to_string(), "\"><script>".to_string())];
    let tag = script_tag("https://a.example/\"x/", &bad);
    assert_eq!(
        tag,
        "<script src=\"https://a.example/&quot;x/embed.js\" data-k=\"&quot;&gt;&lt;script&gt;\" async></script>"
    );
    let listed = options(Some(&["kpis", "assumptions"]), &look, "");
    assert_eq!(listed, vec![("panels".to_string(), "kpis,assumptions".to_string())], "listed: no assumptions=0");
}

#[test]
fn unticking_every_panel_keeps_the_last_choice_never_an_empty_list() {
    let (kpis, cash) = (1 << 0, 1 << 3);
    assert_eq!(panel_keys(kpis | cash), ["kpis", "cash"]);
    assert_eq!(panels_in_force(cash, kpis | cash), cash, "a choice that is not empty is the choice");
    assert_eq!(panels_in_force(0, cash), cash, "none ticked: the last choice stays");
    assert!(!panel_keys(panels_in_force(0, cash)).is_empty());
}

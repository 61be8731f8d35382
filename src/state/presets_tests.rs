//! Tests of `presets`, kept beside it.

use super::*;
use crate::model::snapshot::snapshot;

#[test]
fn all_thirteen_machines_parse() {
    let m = machine_presets();
    assert_eq!(m.len(), 13);
    assert_eq!(m.len(), MACHINES_CSV.lines().count() - 1, "every data line parses");
    assert_eq!(m[0].model, "Antminer S19j Pro");
    assert_eq!((m[0].hashrate_ths, m[0].power_w, m[0].efficiency_jth), (104.0, 3068.0, 29.5));
    let xp = m.iter().find(|p| p.model == "Antminer S21 XP").unwrap();
    assert_eq!(xp.price_usd_per_th, 25.7);
    assert_eq!(xp.price_note, "Hashrate Index, 3 Nov 2025");
    assert!(xp.resale_usd_per_th > 0.0 && xp.resale_usd_per_th < xp.price_usd_per_th, "second-hand below new");
    let mut s = Scenario::default();
    xp.apply_to(&mut s, 2).expect("valid");
    assert_eq!((s.machine3_price_usd_per_th, s.machine3_resale_usd_per_th), (xp.price_usd_per_th, xp.resale_usd_per_th));
    let m66 = m.iter().find(|p| p.model == "Whatsminer M66S").unwrap();
    assert_eq!(m66.cooling, "immersion");
    for p in &m {
        // Nameplate watts agree with TH/s × J/TH.
        let rel = (p.hashrate_ths * p.efficiency_jth - p.power_w).abs() / p.power_w;
        assert!(rel < 0.005, "{}: {rel}", p.model);
        assert!(["air", "hydro", "immersion"].contains(&p.cooling.as_str()), "{}", p.model);
        assert!(!p.price_note.is_empty());
    }
    let mut names: Vec<&str> = m.iter().map(|p| p.model.as_str()).collect();
    names.sort();
    names.dedup();
    assert_eq!(names.len(), 13);
}

#[test]
fn malformed_lines_are_skipped() {
    let csv = "price_note,model,hashrate_ths,power_w,efficiency_jth,cooling,price_usd_per_th\r\n\
               \"a \"\"quoted\"\", note\",Good,100,2000,20,air,5\r\n\
               \n\
               # a comment\n\
               x,Bad number,1OO,2000,20,air,5\n\
               x,Too few,100,2000,20,air\n\
               x,Too many,100,2000,20,air,5,6\n\
               x,Zero hashrate,0,2000,20,air,5\n\
               x,Zero power,100,0,20,air,5\n\
               x,Negative price,100,2000,20,air,-1\n\
               x,NaN eff,100,2000,NaN,air,5\n\
               \"unterminated,Bad quote,100,2000,20,air,5\n\
               \"x\"y,Junk after quote,100,2000,20,air,5\n\
               x,,100,2000,20,air,5\n\
               ,Last,1e2,2000,20,hydro,0\n";
    let m = parse_machines(csv);
    let names: Vec<&str> = m.iter().map(|p| p.model.as_str()).collect();
    assert_eq!(names, ["Good", "Last"]);
    assert_eq!(m[0].price_note, "a \"quoted\", note");
    assert_eq!(m[1].hashrate_ths, 100.0);
    assert_eq!(m[1].price_note, "");
    assert!(parse_machines("").is_empty());
    assert!(parse_machines("model,hashrate_ths\nS21,200\n").is_empty());
}

#[test]
fn machine_apply_sets_hashrate_efficiency_price() {
    let m = machine_presets();
    let mut s = Scenario::default();
    m[0].apply(&mut s).unwrap();
    assert_eq!(s.machine_hashrate_ths, 104.0);
    assert_eq!(s.machine_efficiency_jth, 29.5);
    assert_eq!(s.machine_price_usd_per_th, 4.0);
    assert_eq!(s.machine_count, 1000.0);
    assert!(m[0].matches(&s));
    assert!(!m[1].matches(&s));
    // The default machine is the S21.
    let s21 = m.iter().find(|p| p.model == "Antminer S21").unwrap();
    assert!(s21.matches(&Scenario::default()));
    // Invalid preset: nothing changes.
    let mut bad = m[0].clone();
    bad.price_usd_per_th = -1.0;
    let mut s2 = Scenario::default();
    assert_eq!(bad.apply(&mut s2).unwrap_err().key, "machine_price_usd_per_th");
    assert_eq!(s2, Scenario::default());
}

#[test]
fn scenario_presets() {
    assert_eq!(SCENARIO_PRESETS.len(), 7);
    let d = Scenario::default();
    let mut s = d.clone();
    SCENARIO_PRESETS[0].apply(&mut s).unwrap();
    assert_eq!(s, d, "the first preset is the defaults");
    assert!(SCENARIO_PRESETS[0].matches(&d));
    for p in SCENARIO_PRESETS {
        let mut s = d.clone();
        s.set("power_price_usd_kwh", 0.08).unwrap();
        p.apply(&mut s).unwrap();
        assert!(p.matches(&s), "{}", p.id);
        assert_eq!(s.power_price_usd_kwh, 0.08, "only its keys");
        assert!(s.validate().is_ok());
        assert_eq!(scenario_preset(p.id).map(|q| q.name), Some(p.name));
    }
    assert!(scenario_preset("nope").is_none());
    let hashprice = |id: &str| {
        let mut s = d.clone();
        scenario_preset(id).unwrap().apply(&mut s).unwrap();
        snapshot(&s).hashprice_usd_per_ph_day
    };
    // The dated figures the presets were chosen to reproduce (DOMAIN.md).
    assert!((hashprice("trough-nov-2025") - 35.06).abs() < 0.05, "{}", hashprice("trough-nov-2025"));
    assert!((hashprice("jan-2026") - 40.3).abs() < 0.05, "{}", hashprice("jan-2026"));
    // Reported $55.21; the model (difficulty follows hashrate, 144 blocks a day) gives ≈ $54.47.
    assert!((hashprice("dec-2024") - 55.21).abs() / 55.21 < 0.02, "{}", hashprice("dec-2024"));
    assert!(hashprice("post-halving-2028") < 15.0);
}

#[test]
fn the_note_and_badge_name_the_preset_the_scenario_is() {
    let mut s = Scenario::default();
    assert_eq!(snapshot_badge(&s), "snapshot · Nov 2025");
    assert!(snapshot_note(&s).starts_with("Network snapshot: The news, Nov 2025 ("));
    let jan = scenario_preset("jan-2026").unwrap();
    jan.apply(&mut s).unwrap();
    assert_eq!(snapshot_badge(&s), "snapshot · Jan 2026");
    let note = snapshot_note(&s);
    assert!(note.contains("Jan 2026") && note.contains(jan.source), "{note}");
    s.btc_price_usd += 1.0;
    assert_eq!(matching_preset(&s).map(|p| p.id), None);
    assert_eq!(snapshot_badge(&s), "your values");
    assert!(snapshot_note(&s).contains("your own"));
}

#[test]
fn after_live_data_the_header_names_the_source_and_time() {
    let applied = [("btc_price_usd", 91_234.0), ("network_hashrate_ehs", 1_034.5), ("block_height", 930_123.0), ("fees_btc_per_block", 0.0208)];
    let mut s = Scenario::default();
    for (k, v) in applied {
        s.set(k, v).expect("valid");
    }
    assert_eq!(snapshot_note_live(&s, &applied, "14:05 UTC, 2026-11-24"), "Network values: live from mempool.space at 14:05 UTC, 2026-11-24. Edit any value.");
    s.set("btc_price_usd", 90_000.0).expect("valid");
    assert_eq!(snapshot_note_live(&s, &applied, "14:05 UTC, 2026-11-24"), snapshot_note(&s));
    assert!(snapshot_note(&s).contains("your own"));
}

#[test]
fn the_2026_presets_follow_the_shipped_difficulty_history() {
    use crate::history::{date_words, epochs};
    use crate::model::constants::difficulty_from_hashrate_ehs;
    let e = epochs();
    // (id, epoch, BTC price, the press difficulty in T, hashprice range $/PH/day)
    let cases = [
        // 144 × 3.145 / 901,000 × $70,000 ≈ $35.2
        ("feb-2026-drop", 464, 70_000.0, 125.86, (35.0, 35.4)),
        // DOMAIN.md: "likely ~$30–33 in June 2026 (BTC $60–65k at 124.93 T)"; 144 × 3.145 / 894,300 × $62,000 ≈ $31.4
        ("jun-2026", 473, 62_000.0, 124.93, (30.0, 33.0)),
    ];
    for (id, k, price, press_t, (lo, hi)) in cases {
        let p = scenario_preset(id).unwrap();
        let mut s = Scenario::default();
        p.apply(&mut s).unwrap();
        assert_eq!(s.btc_price_usd, price, "{id}");
        assert_eq!(s.fees_btc_per_block, 0.02, "{id}");
        // The block height is the epoch's first block, and the hashrate gives its difficulty within 0.01 %.
        assert_eq!(s.block_height, e[k].start_height as f64, "{id}");
        let d = difficulty_from_hashrate_ehs(s.network_hashrate_ehs);
        assert!((d / e[k].difficulty - 1.0).abs() < 1e-4, "{id}: {d} vs {}", e[k].difficulty);
        assert!((d / 1e12 - press_t).abs() < 0.01, "{id}");
        // The badge date is the epoch's (estimated) start.
        assert_eq!(p.date, date_words(e[k].est_start_unix), "{id}");
        assert!(p.source.contains("approximate") && p.source.contains("Electrum"), "{id}");
        let hp = snapshot(&s).hashprice_usd_per_ph_day;
        assert!((lo..hi).contains(&hp), "{id}: {hp}");
        assert_eq!(snapshot_badge(&s), ["snapshot · ", p.date].concat());
    }
    // Listed after Jan 2026, before the 2028 what-if, which stays last.
    let ids: Vec<&str> = SCENARIO_PRESETS.iter().map(|p| p.id).collect();
    assert_eq!(&ids[2..5], ["jan-2026", "feb-2026-drop", "jun-2026"]);
    assert_eq!(ids.last(), Some(&"post-halving-2028"));
}

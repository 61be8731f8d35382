//! Tests of `data`: the shipped table against Electrum's source JSON (kept in tests/data, compared with
//! ../shared/data when present) and the estimated dates against ../shared/data/difficulty_epochs.csv.

use super::*;

const SOURCE_JSON: &str = include_str!("../../tests/data/electrum_checkpoints.json");
const EPOCHS_CSV: &str = include_str!("../../tests/data/difficulty_epochs.csv");

/// The source's targets as decimal text (each on a line of its own in the file).
fn source_targets() -> Vec<&'static str> {
    let targets: Vec<&str> = SOURCE_JSON
        .lines()
        .map(|l| l.trim().trim_end_matches(','))
        .filter(|l| !l.is_empty() && l.bytes().all(|b| b.is_ascii_digit()))
        .collect();
    let hashes = SOURCE_JSON.lines().filter(|l| l.trim().starts_with('"')).count();
    assert_eq!(targets.len(), hashes, "one target per block hash");
    targets
}

/// mantissa × 256^(exponent − 3) in decimal, by schoolbook arithmetic in base 10^9 (independent of f64).
fn target_decimal(bits: u32) -> String {
    let mut limbs: Vec<u64> = vec![u64::from(bits & 0x00ff_ffff)];
    for _ in 3..(bits >> 24) {
        let mut carry = 0;
        for limb in limbs.iter_mut() {
            let v = *limb * 256 + carry;
            *limb = v % 1_000_000_000;
            carry = v / 1_000_000_000;
        }
        if carry > 0 {
            limbs.push(carry);
        }
    }
    let mut s = limbs.last().unwrap().to_string();
    for limb in limbs.iter().rev().skip(1) {
        s.push_str(&format!("{limb:09}"));
    }
    s
}

struct CsvRow {
    epoch: usize,
    start_height: u64,
    difficulty: f64,
    /// Half a unit of the last printed digit.
    difficulty_half_ulp: f64,
    change_pct: Option<f64>,
    date: String,
}

fn csv_rows() -> Vec<CsvRow> {
    EPOCHS_CSV
        .lines()
        .filter(|l| !l.starts_with('#') && !l.starts_with("epoch") && !l.trim().is_empty())
        .map(|l| {
            let f: Vec<&str> = l.split(',').collect();
            CsvRow {
                epoch: f[0].parse().unwrap(),
                start_height: f[1].parse().unwrap(),
                difficulty: f[2].parse().unwrap(),
                difficulty_half_ulp: 0.5 * 10f64.powi(-(f[2].split('.').nth(1).map_or(0, str::len) as i32)),
                change_pct: f[3].parse().ok(),
                date: f[4].to_string(),
            }
        })
        .collect()
}

#[test]
fn the_shipped_copies_are_the_shared_files() {
    for (ours, shared) in [
        ("tests/data/electrum_checkpoints.json", "../shared/data/electrum_checkpoints.json"),
        ("tests/data/difficulty_epochs.csv", "../shared/data/difficulty_epochs.csv"),
        ("data/ELECTRUM_LICENCE", "../shared/data/ELECTRUM_LICENCE"),
        ("tests/data/ELECTRUM_LICENCE", "../shared/data/ELECTRUM_LICENCE"),
    ] {
        let root = env!("CARGO_MANIFEST_DIR");
        let ours = std::fs::read([root, "/", ours].concat()).unwrap();
        match std::fs::read([root, "/", shared].concat()) {
            Ok(shared_bytes) => assert!(ours == shared_bytes, "{shared} differs from our copy"),
            Err(_) => eprintln!("{shared} not present: compared nothing"),
        }
    }
}

#[test]
fn every_target_is_the_sources_exactly_and_every_difficulty_within_1e_minus_12() {
    let e = epochs();
    let targets = source_targets();
    assert_eq!(targets.len(), 473);
    assert_eq!(e.len(), targets.len() + 1, "epoch 0 plus one per checkpoint");
    // Epoch 0 runs at the genesis target, the proof-of-work limit (difficulty 1).
    assert_eq!(e[0].bits, 0x1d00ffff);
    assert_eq!(e[0].difficulty, 1.0);
    let max_target_f64 = 65_535.0 * 2f64.powi(208);
    for (i, digits) in targets.iter().enumerate() {
        let epoch = &e[i + 1];
        assert_eq!(target_decimal(epoch.bits), *digits, "epoch {}: target", i + 1);
        let expected = max_target_f64 / digits.parse::<f64>().unwrap();
        let rel = (epoch.difficulty - expected).abs() / expected;
        assert!(rel < 1e-12, "epoch {}: {} vs {expected} ({rel})", i + 1, epoch.difficulty);
    }
    for (k, epoch) in e.iter().enumerate() {
        assert_eq!(epoch.index, k);
        assert_eq!(epoch.start_height, 2016 * k as u64);
    }
    assert_eq!(e.last().unwrap().start_height, 953_568);
}

#[test]
fn difficulty_of_known_bits() {
    // Bitcoin wiki "Difficulty": bits 0x1b0404cb is difficulty 16,307.420938523983.
    let d = bits_to_difficulty(0x1b0404cb).unwrap();
    assert!((d - 16_307.420_938_523_983).abs() < 1e-9, "{d}");
    assert_eq!(bits_to_difficulty(0x1d00ffff), Some(1.0));
    // A mantissa of 0xFFFF at exponent 0x1c is 256 times the genesis target's difficulty.
    assert_eq!(bits_to_difficulty(0x1c00ffff), Some(256.0));
    for bad in [0x1d000000, 0x1d800000, 0x0200ffff, 0x2100ffff] {
        assert_eq!(bits_to_difficulty(bad), None, "{bad:x}");
    }
}

#[test]
fn the_table_agrees_with_the_shared_csv_including_the_estimated_dates() {
    let rows = csv_rows();
    let e = epochs();
    assert_eq!(rows.len(), e.len());
    for (row, epoch) in rows.iter().zip(e) {
        assert_eq!(row.epoch, epoch.index);
        assert_eq!(row.start_height, epoch.start_height);
        // The CSV rounds to 4 decimals or to whole numbers: equal to the printed digit.
        let err = (row.difficulty - epoch.difficulty).abs();
        assert!(err <= row.difficulty_half_ulp * 1.000_001, "epoch {}: {err}", epoch.index);
        match (row.change_pct, epoch.change_pct) {
            (Some(a), Some(b)) => assert!((a - b).abs() < 1e-4 + 1e-4 * b.abs(), "epoch {}: {a} vs {b}", row.epoch),
            (None, None) => {}
            other => panic!("epoch {}: change {other:?}", row.epoch),
        }
        assert_eq!(date_iso(epoch.est_start_unix), row.date, "epoch {}", epoch.index);
    }
}

#[test]
fn the_press_cross_checks_of_the_readme() {
    let e = epochs();
    let t = |x: f64| x / 1e12;
    // All-time high 155.97 T from 2025-10-29 (a day either way: the date is an estimate).
    let ath = e.iter().max_by(|a, b| a.difficulty.total_cmp(&b.difficulty)).unwrap();
    assert!((t(ath.difficulty) - 155.97).abs() < 0.005, "{}", ath.difficulty);
    assert!((ath.est_start_unix - unix_of_date(2025, 10, 29)).abs() <= 86_400 * 2, "{}", date_iso(ath.est_start_unix));
    // −11.16 % to 125.86 T on 2026-02-07.
    let feb = e.iter().find(|x| x.change_pct.is_some_and(|c| (c + 11.16).abs() < 0.005)).unwrap();
    assert!((t(feb.difficulty) - 125.86).abs() < 0.005);
    assert_eq!(date_iso(feb.est_start_unix), "2026-02-07");
    // −10.09 % to 124.93 T at block 953,568, the last epoch of the table.
    let last = e.last().unwrap();
    assert!((t(last.difficulty) - 124.93).abs() < 0.005);
    assert!((last.change_pct.unwrap() + 10.09).abs() < 0.005);
    assert_eq!(date_words(last.est_start_unix), "13 Jun 2026");
}

#[test]
fn dates_of_the_halving_blocks_fall_inside_their_epochs() {
    let e = epochs();
    for (h, real) in HALVINGS {
        let k = (h / EPOCH_BLOCKS) as usize;
        assert!(e[k].est_start_unix <= real, "{h}");
        if h > 0 {
            assert!(real < e[k + 1].est_start_unix, "{h}");
        } else {
            assert_eq!(e[0].est_start_unix, real);
        }
    }
    // Dates only move forward, by 3 days to 6 weeks an epoch.
    for w in e.windows(2) {
        let days = (w[1].est_start_unix - w[0].est_start_unix) as f64 / 86_400.0;
        assert!((3.0..45.0).contains(&days), "epoch {}: {days}", w[0].index);
    }
}

#[test]
fn equal_difficulties_space_the_epochs_evenly_between_the_anchors() {
    // With every difficulty alike, each unscaled epoch is equally long, so epoch k starts at its share of the
    // blocks between the anchors: genesis + 2016 k / 210,000 × (time of block 210,000 − genesis time).
    let starts = estimated_starts(&[1.0; 150]);
    let (t0, t1) = (HALVINGS[0].1 as f64, HALVINGS[1].1 as f64);
    for (k, s) in starts.iter().enumerate().take(105) {
        let want = t0 + (2016 * k) as f64 / 210_000.0 * (t1 - t0);
        assert!((s - want).abs() < 1e-3, "{k}: {s} vs {want}");
    }
    // After the last anchor inside the table the sum runs on unscaled: 1,209,600 × 2016/2015 s an epoch.
    let step = 1_209_600.0 * 2016.0 / 2015.0;
    assert!((starts[149] - starts[148] - step).abs() < 1e-3);
    // Halving the next difficulty doubles the unscaled span before it (the retarget saw blocks twice as slow).
    let mut d = vec![1.0; 150];
    d[120] = 0.5;
    let s = estimated_starts(&d);
    assert!((s[120] - s[119] - 2.0 * step).abs() < 1e-3);
    assert!((s[121] - s[120] - 0.5 * step).abs() < 1e-3);
}

#[test]
fn parse_bits_rejects_bad_lines() {
    assert_eq!(parse_bits("# c\n\n1d00ffff\n17020f79\n"), Ok(vec![0x1d00ffff, 0x17020f79]));
    assert_eq!(parse_bits("1d00ffff\n1d00fff\n").unwrap_err(), "line 2 is not a valid 8-digit hex nBits");
    assert!(parse_bits("1d00ffff\nzz00ffff\n").is_err());
    assert!(parse_bits("1d000000\n").is_err());
    assert!(parse_bits("+d00ffff\n").is_err());
    assert!(parse_bits("# only comments\n").is_err());
}

#[test]
fn printed_line_has_the_day_and_the_link() {
    let link = "https://example.org/tools/hashprice/?btc_price_usd=60000&groups=2";
    assert_eq!(
        printed_words(unix_of_date(2026, 12, 7) + 86_399, link),
        "Printed 7 Dec 2026 from https://example.org/tools/hashprice/?btc_price_usd=60000&groups=2"
    );
}

#[test]
fn calendar() {
    assert_eq!(civil(0), (1970, 1, 1));
    assert_eq!(date_iso(951_782_400), "2000-02-29");
    assert_eq!(date_iso(-1), "1969-12-31");
    assert_eq!(date_words(1_231_006_505), "3 Jan 2009");
    assert_eq!(date_words(1_713_571_767), "20 Apr 2024");
    assert_eq!(month_words(1_354_116_278), "Nov 2012");
    assert_eq!(date_iso(1_468_082_773), "2016-07-09");
    for (y, m, d) in [(2009, 1, 3), (2012, 2, 29), (2024, 12, 31), (2100, 3, 1)] {
        assert_eq!(civil(unix_of_date(y, m, d)), (y, m, d));
        assert_eq!(civil(unix_of_date(y, m, d) + 86_399), (y, m, d));
    }
    assert_eq!(unix_of_date(2026, 6, 13), 1_781_308_800);
}

#[test]
fn thousands() {
    assert_eq!(group_thousands(0), "0");
    assert_eq!(group_thousands(999), "999");
    assert_eq!(group_thousands(1000), "1,000");
    assert_eq!(group_thousands(953_568), "953,568");
    assert_eq!(group_thousands(1_050_000), "1,050,000");
}

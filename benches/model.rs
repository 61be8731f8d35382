//! Native model timings (no criterion: std::time::Instant only), run by `cargo bench --bench model`
//! and by ./scripts/bench.sh.
//!
//! For the default scenario and two sites (`model::bench_sites`) at 36 and 120 months it times `evaluate` (MODEL.md sections 1–4) and
//! `evaluate_risk` (sections 5–6: Monte Carlo with the default 1,000 paths, tornado, 21 × 21 heatmap)
//! separately. Each measurement: a warm-up, then the iteration count that fills ~TARGET, repeated ROUNDS
//! times; the fastest round's mean is reported (the least disturbed by other work on the machine), with the
//! median round next to it.
//!
//! Output: a human table, then one machine-readable line per case for bench.sh:
//!   BENCH native <function> <months> <ns per evaluation>

use hashprice::model::bench_sites::BenchSite;
use hashprice::model::{evaluate, evaluate_risk, Scenario};
use std::hint::black_box;
use std::time::{Duration, Instant};

const TARGET: Duration = Duration::from_millis(300);
const ROUNDS: usize = 7;

/// A function under test: its name and a call on one scenario.
type Case = (&'static str, fn(&Scenario));

/// Mean time per call in ns of each of ROUNDS rounds, sorted.
fn measure(mut f: impl FnMut()) -> (u64, Vec<f64>) {
    // Warm-up, and an estimate of one call.
    let start = Instant::now();
    let mut n = 0u64;
    while start.elapsed() < TARGET / 4 || n < 3 {
        f();
        n += 1;
    }
    let per = start.elapsed().as_secs_f64() / n as f64;
    let iters = ((TARGET.as_secs_f64() / per) as u64).max(5);
    let mut rounds: Vec<f64> = (0..ROUNDS)
        .map(|_| {
            let t = Instant::now();
            for _ in 0..iters {
                f();
            }
            t.elapsed().as_nanos() as f64 / iters as f64
        })
        .collect();
    rounds.sort_by(|a, b| a.total_cmp(b));
    (iters, rounds)
}

fn human(ns: f64) -> String {
    if ns >= 1e6 {
        format!("{:.3} ms", ns / 1e6)
    } else {
        format!("{:.1} µs", ns / 1e3)
    }
}

fn main() {
    // `cargo bench` passes `--bench`; a name filter may follow (`cargo bench --bench model -- risk`).
    let filter: Option<String> = std::env::args().skip(1).find(|a| !a.starts_with('-'));
    println!(
        "native model timings ({ROUNDS} rounds of ~{} ms each; best round mean, median round mean)",
        TARGET.as_millis()
    );
    println!(
        "{:<14} {:<16} {:>7} {:>10} {:>12} {:>12}",
        "function", "scenario", "months", "iters", "best", "median"
    );
    let mut lines = Vec::new();
    for (site, months) in BenchSite::ALL.into_iter().flat_map(|site| [(site, 36.0), (site, 120.0)]) {
        let s = site.scenario(months);
        evaluate(&s).expect("the bench scenarios are valid");
        let cases: [Case; 2] = [
            ("evaluate", |s| {
                black_box(evaluate(s).unwrap());
            }),
            ("evaluate_risk", |s| {
                black_box(evaluate_risk(s).unwrap());
            }),
        ];
        for (name, f) in cases {
            if filter.as_deref().is_some_and(|flt| !name.contains(flt)) {
                continue;
            }
            let (iters, rounds) = measure(|| f(black_box(&s)));
            let best = rounds[0];
            let median = rounds[rounds.len() / 2];
            println!(
                "{:<14} {:<16} {:>7} {:>10} {:>12} {:>12}",
                name,
                site.name(),
                months,
                iters,
                human(best),
                human(median)
            );
            // The default scenario keeps its old key (`evaluate_36`), so old and new runs line up.
            let key = if site == BenchSite::Default { name.to_string() } else { format!("{name}_{}", site.name()) };
            lines.push(format!("BENCH native {key} {months} {best:.0}"));
        }
    }
    for l in lines {
        println!("{l}");
    }
}

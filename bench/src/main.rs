//! Native benchmarks: `cargo run --release -p csp-bench --bin bench [-- --quick] [NAME-PART]` prints one
//! `BENCH …` line per figure (see `csp_bench::Row::line`); `-- --dump FILE` writes the storage
//! scenario's envelope instead.

use csp_bench::{run_all, Plan};
use std::time::Instant;

fn main() {
    // `--dump PATH`: write the storage scenario's envelope (what the app would save) and stop.
    let args: Vec<String> = std::env::args().collect();
    if let Some(path) = args.iter().position(|a| a == "--dump").and_then(|i| args.get(i + 1)) {
        let raw = csp_bench::encode(&csp_bench::storage_state());
        if let Err(e) = std::fs::write(path, raw) {
            eprintln!("cannot write {path}: {e}");
            std::process::exit(1);
        }
        return;
    }
    let quick = std::env::args().any(|a| a == "--quick");
    let origin = Instant::now();
    let clock = move || origin.elapsed().as_secs_f64() * 1000.0;
    let only = args.iter().skip(1).find(|a| !a.starts_with("--")).cloned().unwrap_or_default();
    let plan = Plan { only: &only, ..if quick { Plan::QUICK } else { Plan::FULL } };
    run_all("native", &clock, plan, &mut |row| println!("{}", row.line()));
}

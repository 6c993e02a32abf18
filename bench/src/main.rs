//! Native benchmarks: `cargo run --release -p csp-bench --bin bench [-- --quick] [NAME-PART]`. Prints one
//! `BENCH …` line per figure (see `csp_bench::Row::line`).

use csp_bench::{run_all, Plan};
use std::time::Instant;

fn main() {
    let quick = std::env::args().any(|a| a == "--quick");
    let origin = Instant::now();
    let clock = move || origin.elapsed().as_secs_f64() * 1000.0;
    let only = std::env::args().skip(1).find(|a| !a.starts_with("--")).unwrap_or_default();
    let plan = Plan { only: &only, ..if quick { Plan::QUICK } else { Plan::FULL } };
    run_all("native", &clock, plan, &mut |row| println!("{}", row.line()));
}

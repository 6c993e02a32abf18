//! The same benchmarks as wasm in headless Chromium, timed with `performance.now()`:
//! `cargo test --release --target wasm32-unknown-unknown -p csp-bench --test wasm -- --nocapture`
//! (the runner and Chromium are configured in `.cargo/config.toml` and `webdriver.json`).
//! Set `CSP_BENCH_QUICK=1` at build time for a smoke run, `CSP_BENCH_ONLY=NAME-PART` to run only the
//! benchmarks whose name contains it (e.g. `storage`).
#![cfg(target_arch = "wasm32")]

use csp_bench::{run_all, Plan};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn benchmarks() {
    let performance = web_sys::window().and_then(|w| w.performance()).expect("performance.now() in a page");
    let clock = move || performance.now();
    let plan = if option_env!("CSP_BENCH_QUICK").is_some() { Plan::QUICK } else { Plan::FULL };
    let plan = Plan { only: option_env!("CSP_BENCH_ONLY").unwrap_or(""), ..plan };
    let mut rows = 0;
    run_all("wasm", &clock, plan, &mut |row| {
        console_log!("{}", row.line());
        rows += 1;
    });
    assert!(rows >= 8 || !plan.only.is_empty(), "every benchmark reported ({rows} rows)");
}

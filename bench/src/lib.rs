//! The benchmarks of issue 7, written once and run twice: natively (`src/main.rs`, timed with
//! `Instant`) and as wasm in headless Chromium (`tests/wasm.rs`, timed with `performance.now()`).
//! The caller passes the clock; this crate never reads one itself, so the same code runs on both.
//!
//! Every state comes from `csp_engine::testkit::scale` with the fixed seed [`SEED`], so two runs measure
//! the same work. Each figure is printed as one [`Row::line`], which `scripts/bench.sh` collects.

use csp_engine::catalog::Catalog;
use csp_engine::testkit::scale::{self, SEED};
use csp_engine::{demo, eligibility, execute, persist, Command, State};
use serde::{Deserialize, Serialize};
use std::sync::Arc;

/// A monotonic clock in milliseconds (`Instant` natively, `performance.now()` in the browser).
pub type Clock<'a> = &'a dyn Fn() -> f64;

/// One measured figure: a timing (median and p95 over `n` runs, in ms) or a size (`value`, in bytes).
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    pub target: &'static str,
    pub name: &'static str,
    pub median: f64,
    pub p95: f64,
    pub n: usize,
    pub unit: &'static str,
}

impl Row {
    /// `BENCH <target> <name> <median> <p95> <n> <unit>`: one line, whitespace-separated, for the script.
    pub fn line(&self) -> String {
        format!("BENCH {} {} {:.3} {:.3} {} {}", self.target, self.name, self.median, self.p95, self.n, self.unit)
    }
}

/// How many runs each benchmark gets; `quick` is for a smoke run.
#[derive(Copy, Clone, Debug)]
pub struct Plan<'a> {
    pub warmup: usize,
    pub scale: usize,
    /// Run only the benchmarks whose name contains this (all when empty).
    pub only: &'a str,
}

impl Plan<'_> {
    pub const FULL: Plan<'static> = Plan { warmup: 1, scale: 1, only: "" };
    pub const QUICK: Plan<'static> = Plan { warmup: 0, scale: 0, only: "" };

    fn wants(&self, name: &str) -> bool {
        name.contains(self.only)
    }

    /// `full` runs when scale is 1; a quick plan runs each benchmark 2 times.
    fn runs(&self, full: usize) -> usize {
        if self.scale == 0 {
            2
        } else {
            full
        }
    }
}

/// Time `run` over a fresh input from `setup` (untimed) `warmup + n` times; keep the last `n`. What `run`
/// returns is dropped after the clock stops: return the state you mutated so freeing it is not timed.
pub fn measure<S, R>(
    clock: Clock,
    warmup: usize,
    n: usize,
    mut setup: impl FnMut() -> S,
    mut run: impl FnMut(S) -> R,
) -> (f64, f64) {
    let mut times = Vec::with_capacity(n);
    for i in 0..warmup + n {
        let input = setup();
        let start = clock();
        let out = run(input);
        let elapsed = clock() - start;
        drop(std::hint::black_box(out));
        if i >= warmup {
            times.push(elapsed);
        }
    }
    stats(&mut times)
}

/// A sample's figures per repetition.
fn per((median, p95): (f64, f64), reps: usize) -> (f64, f64) {
    let reps = reps.max(1) as f64;
    (median / reps, p95 / reps)
}

/// Median and p95 (nearest rank) of the samples, in their unit.
pub fn stats(times: &mut [f64]) -> (f64, f64) {
    if times.is_empty() {
        return (0.0, 0.0);
    }
    times.sort_by(f64::total_cmp);
    let at = |q: f64| times[((q * times.len() as f64).ceil() as usize).clamp(1, times.len()) - 1];
    (at(0.5), at(0.95))
}

/// What the app stores: the envelope of `src/storage.rs` (format 2:
/// `{"version":2,"session":…,"state":"<csp_engine::persist text>"}`); the session is the app's
/// `{user, locale}`, mimicked here to keep the app (and Leptos) out of this crate.
#[derive(Serialize)]
struct EnvelopeOut<'a> {
    version: u64,
    session: &'a Session,
    state: &'a str,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
struct Session {
    user: String,
    locale: String,
}

#[derive(Deserialize)]
struct EnvelopeIn {
    #[allow(dead_code)]
    session: Session,
    state: String,
}

fn session() -> Session {
    Session { user: demo::global_admin().as_str().to_string(), locale: "En".into() }
}

/// Encode as the app's `storage::encode` does.
pub fn encode(state: &State) -> String {
    let text = persist::encode(state);
    serde_json::to_string(&EnvelopeOut { version: 2, session: &session(), state: &text }).unwrap_or_default()
}

/// Decode as the app's `storage::decode` does (a format-2 envelope).
pub fn decode(raw: &str) -> Option<State> {
    let envelope: EnvelopeIn = serde_json::from_str(raw).ok()?;
    persist::decode(&envelope.state).ok()
}

/// The format-1 envelope the app saved before (`{"version":1,"state":…,"session":…}`, plain JSON).
pub fn encode_json(state: &State) -> String {
    #[derive(Serialize)]
    struct V1<'a> {
        version: u64,
        state: &'a State,
        session: &'a Session,
    }
    serde_json::to_string(&V1 { version: 1, state, session: &session() }).unwrap_or_default()
}

/// Read a format-1 envelope as the app still does (straight from the text).
pub fn decode_json(raw: &str) -> Option<State> {
    #[derive(Deserialize)]
    struct V1 {
        state: State,
    }
    serde_json::from_str::<V1>(raw).ok().map(|e| e.state)
}

/// The storage scenario: 2,000 customers × 10 subscriptions, then one simulated year of the clock.
pub fn storage_state() -> State {
    scale::storage_partner()
}

/// The JSON bytes of each large part of the state in format 1, to compare with format 2's sections.
pub fn storage_json_parts(state: &State) -> Vec<(&'static str, usize)> {
    let len = |r: serde_json::Result<String>| r.map(|s| s.len()).unwrap_or(0);
    vec![
        ("storage_json_ledger", len(serde_json::to_string(&state.ledger))),
        ("storage_json_subscription_log", len(serde_json::to_string(&state.subscription_log))),
        ("storage_json_subscriptions", len(serde_json::to_string(&state.subscriptions))),
        ("storage_json_customers", len(serde_json::to_string(&state.customers))),
    ]
}

/// The name of each format-2 section's row: its bytes after deflate.
fn section_row(name: &str) -> &'static str {
    match name {
        "rest" => "storage_part_rest_json",
        "strings" => "storage_part_strings",
        "subscriptions" => "storage_part_subscriptions",
        "ledger" => "storage_part_ledger",
        _ => "storage_part_subscription_log",
    }
}

/// Run every benchmark; `report` receives each row as soon as it is measured.
pub fn run_all(target: &'static str, clock: Clock, plan: Plan, report: &mut dyn FnMut(&Row)) {
    let mut emit = |name: &'static str, runs: usize, (median, p95): (f64, f64), unit: &'static str| {
        report(&Row { target, name, median, p95, n: runs, unit });
    };
    let w = plan.warmup;
    let big = Arc::new(Catalog::generated(10_000, SEED));
    let small = Arc::new(Catalog::generated(100, SEED));

    // Eligibility of the whole catalog for one customer of a 200-customer partner (2,000 subscriptions).
    let mut partner = scale::partner(200, 10, big.clone(), SEED);
    let customer = scale::first_customer();
    for (name, catalog) in [("eligibility_100_offers", &small), ("eligibility_10k_offers", &big)] {
        if !plan.wants(name) {
            continue;
        }
        partner.catalog = catalog.clone();
        // Each sample repeats the call until it is well above the browser's timer resolution
        // (`performance.now()` is coarsened to 0.1 ms without cross-origin isolation).
        let reps = if partner.catalog.len() < 1_000 { 100 } else { 1 };
        let runs = plan.runs(30);
        let t = measure(
            clock,
            w + 2,
            runs,
            || (),
            |_| (0..reps).filter_map(|_| eligibility::eligibility(&partner, &customer)).count(),
        );
        emit(name, runs, per(t, reps), "ms");
    }

    // Checkout of a 100-line cart (decide + evolve), on a fresh copy each run.
    partner.catalog = big.clone();
    if plan.wants("checkout_100_lines") && scale::fill_cart(&mut partner, &customer, 100).is_some() {
        let cart = partner.carts.get(&customer).map(|c| c.id.clone()).unwrap_or_else(|| unreachable!());
        let runs = plan.runs(20);
        let admin = demo::global_admin();
        // Ten checkouts per sample (on ten fresh copies), for the timer's resolution as above.
        let reps = 10;
        let t = measure(
            clock,
            w + 1,
            runs,
            || vec![partner.clone(); reps],
            |mut copies| {
                let cmd = Command::Checkout { customer: customer.clone(), cart: cart.clone() };
                let events: Vec<_> = copies.iter_mut().map(|s| execute(s, &admin, cmd.clone(), s.clock)).collect();
                (copies, events)
            },
        );
        emit("checkout_100_lines", runs, per(t, reps), "ms");
    }
    drop(partner);

    // One simulated year of the clock over 1,000 and 10,000 subscriptions.
    for (name, customers, full) in [("clock_year_1k_subs", 100, 7), ("clock_year_10k_subs", 1_000, 3)] {
        if !plan.wants(name) {
            continue;
        }
        let state = scale::partner(customers, 10, big.clone(), SEED);
        let runs = plan.runs(full);
        let t = measure(
            clock,
            w,
            runs,
            || state.clone(),
            |mut s| {
                let events = scale::advance_year(&mut s);
                (s, events)
            },
        );
        emit(name, runs, t, "ms");
    }

    // A 10,000-row price list over the 10,000-offer catalog (issue 15 §2: within 2 s in Chromium): the
    // preview (parse + compare) and the import (the engine parses again, then stores the list).
    if plan.wants("pricelist_10k_rows") {
        let state = scale::partner(10, 2, big.clone(), SEED);
        let text = price_list_csv(&big, 10_000);
        let runs = plan.runs(5);
        let preview = measure(
            clock,
            w,
            runs,
            || (),
            |_| {
                csp_engine::pricelist::parse(&text, &state.catalog)
                    .map(|p| csp_engine::pricelist::preview(&state, &p).importable())
            },
        );
        emit("pricelist_10k_rows_preview", runs, preview, "ms");
        let admin = demo::global_admin();
        let apply = measure(
            clock,
            w,
            runs,
            || state.clone(),
            |mut s| {
                let cmd = Command::ImportPriceList { file: "bench.csv".into(), text: text.clone() };
                let at = s.clock;
                let ok = execute(&mut s, &admin, cmd, at).is_ok();
                assert!(ok, "the generated price list imports");
                s
            },
        );
        emit("pricelist_10k_rows_apply", runs, apply, "ms");
    }

    // Storage: the stored value's size (format 2, and format 1's JSON for comparison), each format-2
    // section's size after deflate, and the time to save (encode) and load (decode) it.
    if !plan.wants("storage") {
        return;
    }
    let state = storage_state();
    let raw = encode(&state);
    let size = |n: usize| (n as f64, n as f64);
    emit("storage_bytes", 1, size(raw.len()), "B");
    for (name, _, deflated) in persist::sections(&state) {
        emit(section_row(name), 1, size(deflated), "B");
    }
    let json = encode_json(&state);
    emit("storage_json_bytes", 1, size(json.len()), "B");
    for (name, bytes) in storage_json_parts(&state) {
        emit(name, 1, size(bytes), "B");
    }
    emit("storage_ledger_entries", 1, size(state.ledger.len()), "#");
    emit("storage_log_entries", 1, size(state.subscription_log.len()), "#");
    let runs = plan.runs(5);
    emit("storage_encode", runs, measure(clock, w, runs, || (), |_| encode(&state).len()), "ms");
    emit("storage_decode", runs, measure(clock, w, runs, || (), |_| decode(&raw).is_some()), "ms");
    emit("storage_json_encode", runs, measure(clock, w, runs, || (), |_| encode_json(&state).len()), "ms");
    emit("storage_json_decode", runs, measure(clock, w, runs, || (), |_| decode_json(&json).is_some()), "ms");
}

/// A price list in Partner Center's layout with one CHG row per offer (up to `rows`), 5% above each
/// offer's reference price in USD.
pub fn price_list_csv(catalog: &Catalog, rows: usize) -> String {
    use csp_engine::money::Currency;
    use std::fmt::Write;
    let mut out = String::from(
        "Change indicator,Valid from,Valid to,Offer display name,Offer ID,License agreement type,Purchase unit,\
         Secondary license type,End customer type,List price,ERP price,Currency\n",
    );
    for o in catalog.offers().iter().take(rows) {
        let base = csp_engine::pricelist::reference_price(o, Currency::USD).map_or(1000, |m| m.minor);
        let list = base + base / 20;
        let erp = list + list / 5;
        let name = o.name.replace('"', "\"\"");
        let _ = writeln!(
            out,
            "CHG,12/1/2026,,\"{name}\",{},Corporate,Licenses,Non-specific,Commercial,{}.{:02},{}.{:02},USD",
            o.id.as_str(),
            list / 100,
            list % 100,
            erp / 100,
            erp % 100
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stats_pick_median_and_nearest_rank_p95() {
        let cases: [(&[f64], (f64, f64)); 4] = [
            (&[], (0.0, 0.0)),
            (&[5.0], (5.0, 5.0)),
            (&[3.0, 1.0, 2.0], (2.0, 3.0)),
            (&[10.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0], (5.0, 10.0)),
        ];
        for (samples, want) in cases {
            let mut s = samples.to_vec();
            assert_eq!(stats(&mut s), want, "{samples:?}");
        }
    }

    #[test]
    fn the_envelope_round_trips() {
        let mut state = scale::partner(3, 4, Arc::new(Catalog::generated(200, SEED)), SEED);
        scale::advance_year(&mut state);
        let raw = encode(&state);
        assert!(raw.starts_with("{\"version\":2,\"session\":"), "envelope shape");
        let back = decode(&raw).expect("decodes");
        let json = encode_json(&state);
        assert!(json.starts_with("{\"version\":1,\"state\":"), "format 1 shape");
        assert_eq!(decode_json(&json).as_ref(), Some(&back), "both formats read the same state");
        // The catalog is not persisted: it comes back as the built-in one.
        state.catalog = back.catalog.clone();
        assert_eq!(back, state);
    }

    #[test]
    fn the_generated_price_list_reads_every_row() {
        let catalog = Catalog::generated(300, SEED);
        let parsed = csp_engine::pricelist::parse(&price_list_csv(&catalog, 300), &catalog).expect("reads");
        assert_eq!((parsed.rows.len(), parsed.rejected.len()), (300, 0));
    }

    #[test]
    fn rows_print_one_parseable_line() {
        let row = Row { target: "native", name: "x", median: 1.5, p95: 2.25, n: 3, unit: "ms" };
        assert_eq!(row.line(), "BENCH native x 1.500 2.250 3 ms");
    }
}

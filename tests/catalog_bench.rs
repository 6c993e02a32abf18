//! Catalog-at-scale benchmark (issue 7), not a test: the Add products page of a demo customer with the
//! built-in catalog plus 100 or 10,000 generated offers (`Catalog::generated(n, SEED)`), timing each search
//! keystroke and each filter change with `performance.now()` from dispatching the event until the page shows
//! the expected result (offer count and first offer). Prints `BENCH browser …` lines; run by scripts/bench.sh:
//! `cargo test --release --target wasm32-unknown-unknown --test catalog_bench -- --nocapture`
//! (`CSP_BENCH_QUICK=1` at build time: one round, no warm-up). scripts/test.sh never runs it.
#![cfg(target_arch = "wasm32")]

use csp_engine::catalog::{self, search, BillingType, Catalog, Category, OfferFilter, PublisherKind, Tab};
use csp_engine::customers::Segment;
use csp_engine::ids::CustomerId;
use csp_engine::testkit::scale::SEED;
use csp_marketplace::browser::real_now;
use csp_marketplace::components::shell::Shell;
use csp_marketplace::ctx::{AppCtx, BootOptions, Persistence, Routing};
use csp_marketplace::i18n::Locale;
use csp_marketplace::pages::catalog::PAGE_SIZE;
use csp_marketplace::route::{CatalogQuery, Route};
use csp_marketplace::storage::MemoryStorage;
use leptos::mount::mount_to;
use leptos::prelude::*;
use leptos::task::tick;
use std::rc::Rc;
use std::sync::Arc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{HtmlElement, HtmlInputElement, HtmlSelectElement};

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = performance)]
    fn now() -> f64;
}

const CUSTOMER: &str = "C-0001";
/// What a user types, one keystroke at a time, then erases: broad matches first, then only built-in offers.
const TYPED: &str = "microsoft 365";
/// The filter `<select>`s of the page, in order, with their options (the page's order: "Any" is "").
const PUBLISHERS: [PublisherKind; 2] = [PublisherKind::Microsoft, PublisherKind::Partner];
const BILLING_TYPES: [BillingType; 2] = [BillingType::License, BillingType::Usage];
const CATEGORIES: [Category; 3] = [Category::Enterprise, Category::SmallBusiness, Category::Trial];

/// The built-in offers (the demo's subscriptions refer to them) followed by `n` generated ones.
fn catalog_with(n: usize) -> Arc<Catalog> {
    let mut offers = catalog::builtin().offers().to_vec();
    offers.extend(Catalog::generated(n, SEED).offers().iter().cloned());
    Arc::new(Catalog::new(offers))
}

/// The app's shell on the Add products page of the demo's first customer, with `catalog`.
fn mount_catalog_page(catalog: Arc<Catalog>) -> (HtmlElement, impl Drop) {
    let document = web_sys::window().unwrap().document().unwrap();
    let container: HtmlElement = document.create_element("div").unwrap().unchecked_into();
    document.body().unwrap().append_child(&container).unwrap();
    let handle = mount_to(container.clone(), move || {
        let ctx = AppCtx::boot(BootOptions {
            persistence: Persistence { storage: Rc::new(MemoryStorage::default()), key: "catalog-bench".into() },
            storage_blocked: false,
            now: real_now(),
            route: Route::AddProducts { customer: CustomerId(CUSTOMER.into()), query: CatalogQuery::default() },
            routing: Routing::Memory,
            locale: Some(Locale::En),
            partner_label: None,
        });
        ctx.state.update_untracked(|s| s.catalog = catalog.clone());
        view! { <Shell/> }
    });
    (container, handle)
}

/// One user action and what the page must show once it has been handled.
struct Update {
    act: Box<dyn Fn(&HtmlElement)>,
    count: usize,
    first: Option<String>,
}

fn expect(catalog: &Catalog, filter: &OfferFilter, act: Box<dyn Fn(&HtmlElement)>) -> Update {
    let found = search(catalog, filter);
    Update { act, count: found.len(), first: found.first().map(|o| o.id.0.clone()) }
}

fn filter_of(text: &str) -> OfferFilter {
    OfferFilter { tab: Some(Tab::OnlineServices), text: text.into(), ..OfferFilter::default() }
}

/// Type `TYPED` a character at a time, then erase it.
fn keystrokes(catalog: &Catalog) -> Vec<Update> {
    let prefixes: Vec<String> = (1..=TYPED.len()).map(|n| TYPED[..n].to_string()).collect();
    let erasing = prefixes.iter().rev().skip(1).cloned().chain([String::new()]);
    prefixes
        .clone()
        .into_iter()
        .chain(erasing)
        .map(|text| {
            let filter = filter_of(&text);
            expect(
                catalog,
                &filter,
                Box::new(move |root: &HtmlElement| {
                    let input: HtmlInputElement =
                        root.query_selector("form.filters input[type='search']").unwrap().unwrap().unchecked_into();
                    input.set_value(&text);
                    input.dispatch_event(&web_sys::Event::new("input").unwrap()).unwrap();
                }),
            )
        })
        .collect()
}

/// Each filter in turn: its first option, its second, back to "Any".
fn filter_changes(catalog: &Catalog) -> Vec<Update> {
    type Set = fn(&mut OfferFilter, usize);
    let filters: [(usize, Set); 4] = [
        (0, |f, i| f.publisher = PUBLISHERS.get(i).copied()),
        (1, |f, i| f.billing_type = BILLING_TYPES.get(i).copied()),
        (2, |f, i| f.category = CATEGORIES.get(i).copied()),
        (3, |f, i| f.segment = Segment::ALL.get(i).copied()),
    ];
    let mut updates = Vec::new();
    for (select, set) in filters {
        for (value, index) in [("0", 0), ("1", 1), ("", usize::MAX)] {
            let mut filter = filter_of("");
            set(&mut filter, index);
            updates.push(expect(
                catalog,
                &filter,
                Box::new(move |root: &HtmlElement| {
                    let selects = root.query_selector_all("form.filters select").unwrap();
                    let el: HtmlSelectElement = selects.item(select as u32).unwrap().unchecked_into();
                    el.set_value(value);
                    el.dispatch_event(&web_sys::Event::new("change").unwrap()).unwrap();
                }),
            ));
        }
    }
    updates
}

/// Does the page show `update`'s result: the count line and the first offer?
fn shows(root: &HtmlElement, update: &Update) -> bool {
    let status = root
        .query_selector("main p[role='status']:not(.flash)")
        .unwrap()
        .and_then(|p| p.text_content())
        .unwrap_or_default();
    let count_line = if update.count > PAGE_SIZE {
        format!("Showing {PAGE_SIZE} of {} offers", update.count)
    } else {
        format!("{} offers", update.count)
    };
    let first = root.query_selector("ul.offers li.offer").unwrap().and_then(|li| li.get_attribute("data-offer"));
    status == count_line && first == update.first
}

/// Milliseconds from the action until the page shows its result (panics if it never does: a wrong figure
/// is worse than none).
async fn time(root: &HtmlElement, update: &Update) -> f64 {
    let start = now();
    (update.act)(root);
    for _ in 0..100 {
        tick().await;
        if shows(root, update) {
            return now() - start;
        }
    }
    panic!("the page never showed {} offers starting with {:?}: {:?}", update.count, update.first, root.text_content());
}

fn report(name: &str, mut samples: Vec<f64>) {
    samples.sort_by(f64::total_cmp);
    let median = samples[(samples.len() - 1) / 2];
    let p95 = samples[(samples.len() * 95).div_ceil(100).max(1) - 1];
    console_log!("BENCH browser {name} {median:.3} {p95:.3} {} ms", samples.len());
}

#[wasm_bindgen_test]
async fn catalog_at_scale() {
    let quick = option_env!("CSP_BENCH_QUICK").is_some();
    let (rounds, warm_up) = if quick { (1, 0) } else { (5, 1) };
    for (label, n) in [("100", 100), ("10k", 10_000)] {
        let catalog = catalog_with(n);
        let (root, handle) = mount_catalog_page(catalog.clone());
        tick().await;
        let (typing, filtering) = (keystrokes(&catalog), filter_changes(&catalog));
        let (mut search_ms, mut filter_ms) = (Vec::new(), Vec::new());
        for round in 0..warm_up + rounds {
            for u in &typing {
                let ms = time(&root, u).await;
                if round >= warm_up {
                    search_ms.push(ms);
                }
            }
            for u in &filtering {
                let ms = time(&root, u).await;
                if round >= warm_up {
                    filter_ms.push(ms);
                }
            }
        }
        report(&format!("catalog_search_{label}"), search_ms);
        report(&format!("catalog_filter_{label}"), filter_ms);
        drop(handle);
        root.remove();
    }
}

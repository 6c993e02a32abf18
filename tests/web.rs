//! Browser component tests (wasm-bindgen-test in headless Chromium): the shell mounts, the user switcher
//! changes the signed-in user, the language switch changes visible text.
#![cfg(target_arch = "wasm32")]

use csp_marketplace::{App, AppOptions};
use leptos::mount::mount_to;
use leptos::prelude::*;
use leptos::task::tick;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{HtmlElement, HtmlSelectElement};

wasm_bindgen_test_configure!(run_in_browser);

/// Mount a fresh app (in-memory storage) at `hash` into its own container.
fn mount_app(hash: &str) -> (HtmlElement, impl Drop) {
    let window = web_sys::window().unwrap();
    window.location().set_hash(hash).unwrap();
    let document = window.document().unwrap();
    let container: HtmlElement = document.create_element("div").unwrap().unchecked_into();
    document.body().unwrap().append_child(&container).unwrap();
    let options = AppOptions { memory_only: true, ..AppOptions::default() };
    let handle = mount_to(container.clone(), move || view! { <App options=options.clone()/> });
    (container, handle)
}

fn text(root: &HtmlElement) -> String {
    root.text_content().unwrap_or_default()
}

fn select(root: &HtmlElement, testid: &str) -> HtmlSelectElement {
    root.query_selector(&format!("[data-testid='{testid}']")).unwrap().expect(testid).unchecked_into()
}

fn choose(select: &HtmlSelectElement, value: &str) {
    select.set_value(value);
    assert_eq!(select.value(), value, "option {value} exists");
    select.dispatch_event(&web_sys::Event::new("change").unwrap()).unwrap();
}

/// Let the app run until `ready` holds (code loaded on demand and the engine's answers are asynchronous), or
/// fail naming `what`.
async fn until(what: &str, ready: impl Fn() -> bool) {
    for _ in 0..200 {
        if ready() {
            return;
        }
        tick().await;
    }
    panic!("never happened: {what}");
}

#[wasm_bindgen_test]
async fn shell_mounts_with_navigation_and_date() {
    let (root, _handle) = mount_app("#/customers");
    tick().await;
    let nav: Vec<String> = {
        let links = root.query_selector_all("nav a").unwrap();
        (0..links.length()).map(|i| links.item(i).unwrap().text_content().unwrap()).collect()
    };
    assert_eq!(nav, ["Customers", "Subscriptions", "Billing", "Activity log", "Settings"]);
    let current = root.query_selector("nav a[aria-current='page']").unwrap().unwrap();
    assert_eq!(current.text_content().unwrap(), "Customers");
    let date = root.query_selector("[data-testid='simulated-date']").unwrap().unwrap();
    assert!(!date.text_content().unwrap().is_empty());
    assert!(text(&root).contains("Signed in as"));
}

#[wasm_bindgen_test]
async fn user_switcher_changes_the_signed_in_user() {
    let (root, _handle) = mount_app("#/billing");
    tick().await;
    // The demo starts as the Global admin, who may view billing.
    assert!(!text(&root).contains("Roles that may"), "{}", text(&root));
    let switcher = select(&root, "user-switcher");
    assert_eq!(switcher.value(), "U-0005");
    choose(&switcher, "U-0002"); // Sam Rivera, Sales agent
    tick().await;
    assert_eq!(switcher.value(), "U-0002");
    let body = text(&root);
    assert!(
        body.contains(
            "You can’t open this page with your roles. Roles that may: Admin agent, Billing admin, Global admin."
        ),
        "{body}"
    );
}

#[wasm_bindgen_test]
async fn language_switch_changes_visible_text() {
    let (root, _handle) = mount_app("#/settings");
    tick().await;
    assert!(text(&root).contains("Partner profile"));
    choose(&select(&root, "language-switch"), "fr");
    tick().await;
    let body = text(&root);
    assert!(body.contains("Profil du partenaire"), "{body}");
    assert!(body.contains("Clients") && body.contains("Paramètres"), "{body}");
    assert!(!body.contains("Partner profile"));
    let lang = root.query_selector(".cspm").unwrap().unwrap().get_attribute("lang");
    assert_eq!(lang.as_deref(), Some("fr"));
}

#[wasm_bindgen_test]
async fn moving_the_date_forward_and_refusing_backward() {
    let (root, _handle) = mount_app("#/customers");
    tick().await;
    let date = || root.query_selector("[data-testid='simulated-date']").unwrap().unwrap().text_content().unwrap();
    let before = date();
    // The panel's code loads the first time it opens.
    let panel = || root.query_selector(".clock-steps button").unwrap();
    assert!(panel().is_none(), "the panel is closed at first");
    let opener: HtmlElement = root.query_selector(".clock-button").unwrap().unwrap().unchecked_into();
    opener.click();
    until("the date panel opens", || panel().is_some()).await;
    let plus_day: HtmlElement = panel().unwrap().unchecked_into();
    plus_day.click();
    until("the date moves", || text(&root).contains("Simulated date moved to")).await;
    assert_ne!(date(), before, "the date moved");
    // A date in the past is refused with the engine's reason.
    let input: web_sys::HtmlInputElement =
        root.query_selector(".clock [data-testid='move-date']").unwrap().unwrap().unchecked_into();
    input.set_value("2000-01-01");
    input.dispatch_event(&web_sys::Event::new("input").unwrap()).unwrap();
    let form: web_sys::HtmlFormElement = root.query_selector(".clock form").unwrap().unwrap().unchecked_into();
    form.request_submit().unwrap();
    until("the past date is refused", || text(&root).contains("The simulated date only moves forward")).await;
}

#[wasm_bindgen_test]
fn lists_fold_case_and_accents_with_the_browsers_unicode_data() {
    use csp_marketplace::i18n::fold;
    let cases = [
        ("Contoso Ltd", "contoso ltd"),
        ("École Horizon", "ecole horizon"),
        ("ÉTATS-UNIS", "etats-unis"),
        ("Zoë Çava Ñandú", "zoe cava nandu"),
        // Decomposed input folds the same as composed; ß has no one-letter lower case to fold to.
        ("E\u{301}cole", "ecole"),
        ("Straße", "straße"),
        ("", ""),
    ];
    for (text, want) in cases {
        assert_eq!(fold(text), want, "{text}");
    }
}

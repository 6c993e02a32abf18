//! One invoice: the ledger entries of a calendar month and their total.

use crate::ctx::use_app;
use crate::i18n::Key;
use leptos::prelude::*;

#[component]
pub fn InvoicePage(year: i32, month: u32) -> impl IntoView {
    let i18n = use_app().i18n;
    let _ = (year, month);
    view! { <section><h1>{move || i18n.t(Key::BillingTitle)}</h1></section> }
}

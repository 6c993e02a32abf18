//! Renewals: subscriptions renewing, trials ending and suspensions expiring within 30 / 60 / 90 days.

use crate::ctx::use_app;
use crate::i18n::Key;
use leptos::prelude::*;

#[component]
pub fn RenewalsPage() -> impl IntoView {
    let i18n = use_app().i18n;
    view! { <section><h1>{move || i18n.t(Key::BillingTitle)}</h1></section> }
}

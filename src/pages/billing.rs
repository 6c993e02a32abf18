use crate::components::errors::RequirePermission;
use crate::i18n::{use_i18n, Key};
use csp_engine::roles::Permission;
use leptos::prelude::*;

#[component]
pub fn BillingPage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section>
            <h1>{move || i18n.t(Key::BillingTitle)}</h1>
            <RequirePermission permission=Permission::ViewBilling>
                <p>{move || i18n.t(Key::NoInvoicesYet)}</p>
            </RequirePermission>
        </section>
    }
}

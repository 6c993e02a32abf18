use crate::i18n::{use_i18n, Key};
use crate::route::Route;
use leptos::prelude::*;

#[component]
pub fn NotFoundPage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section>
            <h1>{move || i18n.t(Key::NotFoundTitle)}</h1>
            <p>{move || i18n.t(Key::NotFoundBody)}</p>
            <a href=Route::default().href()>{move || i18n.t(Key::BackToCustomers)}</a>
        </section>
    }
}

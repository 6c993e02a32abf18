//! The message shown where code loaded on demand did not arrive (split build): what happened, that nothing
//! is lost, and Retry (a failed download is not remembered, so the next attempt fetches again).

use crate::i18n::{Key, Locale};
use leptos::prelude::*;

#[component]
pub fn LoadFailed(
    /// Bumped by Retry; whoever renders the code that failed tracks it and tries again.
    attempt: RwSignal<u32>,
    #[prop(into)] locale: Signal<Locale>,
    /// The app itself could not start (a first start without the engine), rather than one page.
    #[prop(optional)]
    starting: bool,
) -> impl IntoView {
    let (title, text) = if starting {
        (Key::UiBootFailedTitle, Key::UiBootFailedText)
    } else {
        (Key::UiChunkFailedTitle, Key::UiChunkFailedText)
    };
    view! {
        <div class="load-failed" role="alert">
            <h1>{move || title.text(locale.get())}</h1>
            <p>{move || text.text(locale.get())}</p>
            <button type="button" class="primary" on:click=move |_| attempt.update(|n| *n += 1)>
                {move || Key::UiRetry.text(locale.get())}
            </button>
        </div>
    }
}

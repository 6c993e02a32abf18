//! Empty states: what is missing, and the one action that fills it, as a link.

use crate::i18n::{Key, Locale};
use leptos::prelude::*;

/// "No subscriptions yet." and, below it, the link that starts what is missing ("Add a subscription").
pub fn empty_state(message: Key, action: Key, href: String, locale: Locale) -> impl IntoView {
    view! {
        <div class="empty-state" data-testid="empty-state">
            <p>{message.text(locale)}</p>
            <a class="button primary" href=href>{action.text(locale)}</a>
        </div>
    }
}

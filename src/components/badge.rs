//! Status badges: one look for every status the app shows (subscriptions, orders, software, reservations,
//! support requests, eligibility). The word is always written: the colour only repeats it (WCAG 1.4.1).

use crate::i18n::{Key, Locale};
use crate::messages;
use csp_engine::records::{OrderStatus, PurchaseStatus, ReservationStatus, Subscription, SubscriptionStatus};
use csp_engine::support::SupportRequestStatus;
use leptos::prelude::*;

/// A badge's colour family (`.badge.<tone>` in the stylesheet).
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Tone {
    Ok,
    Warn,
    Error,
    Neutral,
    Info,
}

impl Tone {
    fn class(self) -> &'static str {
        match self {
            Tone::Ok => "badge ok",
            Tone::Warn => "badge warn",
            Tone::Error => "badge error",
            Tone::Neutral => "badge neutral",
            Tone::Info => "badge info",
        }
    }
}

/// A status worded in `locale`, with its tone.
pub fn badge(key: Key, tone: Tone, locale: Locale) -> impl IntoView {
    view! { <span class=tone.class() data-testid="status-badge">{key.text(locale)}</span> }
}

pub fn subscription_tone(s: SubscriptionStatus) -> Tone {
    match s {
        SubscriptionStatus::Active => Tone::Ok,
        SubscriptionStatus::Suspended => Tone::Warn,
        SubscriptionStatus::Cancelled | SubscriptionStatus::Expired => Tone::Neutral,
        SubscriptionStatus::Deleted => Tone::Error,
    }
}

fn active_trial(sub: &Subscription) -> bool {
    sub.trial_ends.is_some() && sub.status == SubscriptionStatus::Active
}

/// A subscription's status; an active trial says "Trial" beside it.
pub fn subscription(sub: &Subscription, locale: Locale) -> impl IntoView {
    let trial = active_trial(sub).then(|| view! { " " {badge(Key::Trial, Tone::Info, locale)} });
    view! { {badge(messages::subscription_status(sub.status), subscription_tone(sub.status), locale)} {trial} }
}

/// The words of [`subscription`]'s badges, as an export writes them ("Active Trial").
pub fn subscription_words(sub: &Subscription, locale: Locale) -> String {
    let status = messages::subscription_status(sub.status).text(locale);
    if active_trial(sub) {
        format!("{status} {}", Key::Trial.text(locale))
    } else {
        status.to_string()
    }
}

pub fn order(s: OrderStatus, locale: Locale) -> impl IntoView {
    let tone = match s {
        OrderStatus::Completed => Tone::Ok,
        OrderStatus::Pending => Tone::Info,
        OrderStatus::Cancelled => Tone::Neutral,
    };
    badge(messages::order_status(s), tone, locale)
}

pub fn purchase(s: PurchaseStatus, locale: Locale) -> impl IntoView {
    let tone = match s {
        PurchaseStatus::Active => Tone::Ok,
        PurchaseStatus::Cancelled => Tone::Neutral,
    };
    badge(messages::purchase_status(s), tone, locale)
}

pub fn reservation(s: ReservationStatus, locale: Locale) -> impl IntoView {
    let tone = match s {
        ReservationStatus::Active => Tone::Ok,
        ReservationStatus::Cancelled | ReservationStatus::Expired => Tone::Neutral,
        ReservationStatus::Exchanged => Tone::Info,
    };
    badge(messages::reservation_status(s), tone, locale)
}

/// A support request's status, worded with the page's own key.
pub fn request(s: SupportRequestStatus, key: Key, locale: Locale) -> impl IntoView {
    let tone = match s {
        SupportRequestStatus::Submitted => Tone::Info,
        SupportRequestStatus::Fulfilled => Tone::Ok,
    };
    badge(key, tone, locale)
}

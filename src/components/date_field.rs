//! The one date field of the app: a text input read in the format of the language shown (English
//! YYYY-MM-DD, French jj/mm/aaaa; `i18n::date_input`), not the browser's, which `<input type="date">`
//! would follow. The format is the placeholder and the hint; text that is not a date in that format
//! shows a message asking for it and leaves the field's date as it was.

use crate::ctx::use_app;
use crate::i18n::{date_input, Key, Locale};
use chrono::NaiveDate;
use leptos::prelude::*;
use std::sync::atomic::{AtomicUsize, Ordering};

/// The field's text is not a date in the language's format (its message is showing).
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct NotADate;

/// A date field's state: the last date it held (`None`: empty) and the text being typed.
#[derive(Copy, Clone)]
pub struct DateInput {
    /// What the page uses: changes only when the text is a date (or is emptied).
    pub date: RwSignal<Option<NaiveDate>>,
    /// The text as typed, until it is committed (change event) as a date, then shown formatted again.
    typed: RwSignal<Option<String>>,
    /// The typed text is not a date and the user has left the field or submitted: the message shows.
    error: RwSignal<bool>,
    /// The user has typed in the field (a default that follows something else stops following).
    edited: RwSignal<bool>,
    locale: RwSignal<Locale>,
}

/// The text's date: `Ok(None)` for an empty field, `Err` for text that is not a date in `locale`.
fn read(text: &str, locale: Locale) -> Result<Option<NaiveDate>, ()> {
    if text.trim().is_empty() {
        return Ok(None);
    }
    date_input::parse(text, locale).map(Some).ok_or(())
}

impl DateInput {
    pub fn new(date: Option<NaiveDate>) -> DateInput {
        DateInput {
            date: RwSignal::new(date),
            typed: RwSignal::new(None),
            error: RwSignal::new(false),
            edited: RwSignal::new(false),
            locale: use_app().i18n.locale,
        }
    }

    fn text(&self) -> String {
        self.typed.get().unwrap_or_else(|| {
            let locale = self.locale.get();
            self.date.get().map(|d| date_input::write(d, locale)).unwrap_or_default()
        })
    }

    fn on_input(&self, text: String) {
        if let Ok(d) = read(&text, self.locale.get_untracked()) {
            self.date.set(d);
            self.error.set(false);
        }
        self.typed.set(Some(text));
        self.edited.set(true);
    }

    /// A default date that follows `today` (the simulated date) until the user types in the field.
    pub fn follow(self, today: impl Fn() -> NaiveDate + 'static) {
        Effect::new(move |_| {
            let d = today();
            if !self.edited.get_untracked() {
                self.date.set(Some(d));
            }
        });
    }

    fn on_change(&self) {
        let Some(text) = self.typed.get_untracked() else { return };
        match read(&text, self.locale.get_untracked()) {
            Ok(_) => self.typed.set(None),
            Err(()) => self.error.set(true),
        }
    }

    /// Empties the field (its date, the text being typed and any message).
    pub fn clear(&self) {
        self.date.set(None);
        self.typed.set(None);
        self.error.set(false);
    }

    /// Whether the field holds neither a date nor typed text (tracked).
    pub fn is_empty(&self) -> bool {
        self.date.with(Option::is_none) && self.typed.with(|t| t.as_deref().is_none_or(|t| t.trim().is_empty()))
    }

    /// For a submit: the field's date (`None` when empty), or `Err` after showing the message when the
    /// text is not a date, so that the caller changes nothing.
    pub fn checked(&self) -> Result<Option<NaiveDate>, NotADate> {
        let text = self.typed.get_untracked();
        match text.map(|t| read(&t, self.locale.get_untracked())) {
            Some(Err(())) => {
                self.error.set(true);
                Err(NotADate)
            }
            _ => Ok(self.date.get_untracked()),
        }
    }

    /// Like [`DateInput::checked`], for a field that must hold a date: empty shows the message too.
    pub fn required(&self) -> Option<NaiveDate> {
        match self.checked() {
            Ok(Some(d)) => Some(d),
            Ok(None) => {
                self.error.set(true);
                None
            }
            Err(NotADate) => None,
        }
    }
}

static NEXT_ID: AtomicUsize = AtomicUsize::new(0);

/// A labelled date field. `compact` (the header) hides the label and hint visually; screen readers still
/// get both, and the placeholder shows the format.
#[component]
pub fn DateField(
    input: DateInput,
    label: Key,
    #[prop(optional)] compact: bool,
    #[prop(optional)] testid: &'static str,
) -> impl IntoView {
    let i18n = use_app().i18n;
    let id = format!("date-field-{}", NEXT_ID.fetch_add(1, Ordering::Relaxed));
    let hint_id = format!("{id}-hint");
    let error = input.error;
    // The hint is outside the label: the field's name is the label alone, the format its description.
    view! {
        <div class="date-field" class:compact=compact>
            <label for=id.clone() class:visually-hidden=compact>{move || i18n.t(label)}</label>
            <input
                id=id
                type="text"
                inputmode="numeric"
                autocomplete="off"
                data-testid=(!testid.is_empty()).then_some(testid)
                placeholder=move || i18n.t(Key::DatePattern)
                aria-describedby=hint_id.clone()
                aria-invalid=move || error.get().then_some("true")
                prop:value=move || input.text()
                on:input=move |ev| input.on_input(event_target_value(&ev))
                on:change=move |_| input.on_change()
            />
            <span class="hint" class:visually-hidden=compact id=hint_id>
                {move || i18n.t(Key::DatePattern)}
            </span>
            {move || {
                error
                    .get()
                    .then(|| view! { <span class="field-error" role="alert">{i18n.t(Key::InvalidDateInput)}</span> })
            }}
        </div>
    }
}

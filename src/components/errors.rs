//! Rendering refusals: the list of every reason, and the "not for your roles" panel.

use crate::ctx::use_app;
use crate::i18n::{fill, Key, Locale};
use crate::messages;
use csp_engine::rejection::Field;
use csp_engine::roles::{Permission, Role};
use csp_engine::Rejection;
use leptos::prelude::*;

/// Every message of a rejection, announced to screen readers.
#[component]
pub fn RejectionList(rejection: Signal<Option<Rejection>>) -> impl IntoView {
    let app = use_app();
    move || {
        rejection.get().map(|r| {
            let items = messages::rejection(&r, app.locale());
            view! {
                <div class="alert error" role="alert">
                    <ul>{items.into_iter().map(|m| view! { <li>{m}</li> }).collect_view()}</ul>
                </div>
            }
        })
    }
}

/// The violations a form cannot show beside a field (permissions, missing records…): field problems are
/// shown next to their fields, so a list of them would only repeat those.
pub fn without_field_errors(rejection: RwSignal<Option<Rejection>>) -> Signal<Option<Rejection>> {
    Signal::derive(move || {
        rejection.get().and_then(|r| {
            let rest: Vec<_> =
                r.violations.into_iter().filter(|v| !matches!(v, csp_engine::Violation::Invalid { .. })).collect();
            (!rest.is_empty()).then_some(Rejection { violations: rest })
        })
    })
}

/// A field's message under it, from the last rejection (nothing while the field is fine).
pub fn field_error(rejection: RwSignal<Option<Rejection>>, field: Field) -> impl Fn() -> Option<AnyView> + Copy {
    let app = use_app();
    move || {
        rejection
            .with(|r| r.as_ref().and_then(|r| messages::field_error(r, field, app.locale())))
            .map(|m| view! { <span class="field-error" data-field-error="">{m}</span> }.into_any())
    }
}

/// The field's `aria-invalid`: `"true"` while the last rejection has a message for it.
pub fn field_invalid(rejection: RwSignal<Option<Rejection>>, field: Field) -> impl Fn() -> Option<&'static str> + Copy {
    let app = use_app();
    move || {
        rejection
            .with(|r| r.as_ref().is_some_and(|r| messages::field_error(r, field, app.locale()).is_some()))
            .then_some("true")
    }
}

/// Why a page is not shown: the roles that may open it, or, when the page is for an `action`, the roles
/// that may both open it and do that action (RULES §1.2) — not roles that could open it only to be
/// refused the action they came for.
pub fn page_refusal(permission: Permission, action: Option<Permission>, locale: Locale) -> String {
    match action {
        None => {
            let roles = messages::roles_list(permission.allowed_roles(), locale);
            fill(Key::PageNotPermitted.text(locale), &[("roles", &roles)])
        }
        Some(action) => {
            let roles: Vec<Role> =
                action.allowed_roles().iter().copied().filter(|r| permission.granted_to(&[*r])).collect();
            let roles = messages::roles_list(&roles, locale);
            let what = messages::permission_action(action).text(locale);
            fill(Key::PageActionNotPermitted.text(locale), &[("action", what), ("roles", &roles)])
        }
    }
}

/// Shows `children` when the signed-in user holds `permission`; otherwise says which roles may — of the
/// `action` the page is for, when given (a subscription's page is for managing it, not only viewing it).
#[component]
pub fn RequirePermission(
    permission: Permission,
    #[prop(optional)] action: Option<Permission>,
    children: ChildrenFn,
) -> impl IntoView {
    let app = use_app();
    // Memoised: re-render only when the answer changes, not on every state change (the children keep
    // their own signals, e.g. a message after a command).
    let allowed = Memo::new(move |_| app.can(permission));
    move || {
        if allowed.get() {
            children().into_any()
        } else {
            view! { <p class="alert info" role="status">{page_refusal(permission, action, app.locale())}</p> }
                .into_any()
        }
    }
}

/// One text-like input of a form whose state is a struct of raw strings (`form`), with its label, an optional
/// hint, and the engine's message for `field` beside it.
pub struct TextInput<F: 'static> {
    pub field: Field,
    pub label: Key,
    pub get: fn(&F) -> &String,
    pub set: fn(&mut F, String),
    /// The input's `type` (text, date, email, tel…).
    pub kind: &'static str,
    pub hint: Option<String>,
}

impl<F: Send + Sync + 'static> TextInput<F> {
    pub fn view(self, form: RwSignal<F>, rejection: RwSignal<Option<Rejection>>) -> impl IntoView {
        let i18n = use_app().i18n;
        let TextInput { field, label, get, set, kind, hint } = self;
        view! {
            <label>
                {move || i18n.t(label)}
                <input
                    type=kind
                    prop:value=move || form.with(|f| get(f).clone())
                    on:input=move |ev| form.update(|f| set(f, event_target_value(&ev)))
                    aria-invalid=field_invalid(rejection, field)
                />
                {hint.map(|h| view! { <span class="hint">{h}</span> })}
                {field_error(rejection, field)}
            </label>
        }
    }
}

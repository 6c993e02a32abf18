//! Settings → Policy: every policy value with its default, the value in force and the rule it drives (the
//! in-app rule book), editable by a Global admin (`SetPolicy`, `ResetPolicy`); read-only for other roles.

use crate::components::errors::{field_error, field_invalid, without_field_errors, RejectionList};
use crate::ctx::use_app;
use crate::i18n::{fill, Arg, Key, Message};
use crate::messages;
use csp_engine::customers::Segment;
use csp_engine::policy::{Policy, PolicyKey, PolicyUnit};
use csp_engine::rejection::Field;
use csp_engine::roles::Permission;
use csp_engine::{Command, Rejection};
use leptos::prelude::*;

/// The form's values as typed, one per key, in the order of `PolicyKey::all`.
type Draft = Vec<(PolicyKey, String)>;

fn draft_of(p: &Policy) -> Draft {
    PolicyKey::all().into_iter().map(|k| (k, k.text(p))).collect()
}

/// An element ID for a key ("policy-UsdRate-EUR").
fn dom_id(k: PolicyKey) -> String {
    let name: String = format!("{k:?}").chars().map(|c| if c.is_ascii_alphanumeric() { c } else { '-' }).collect();
    format!("policy-{}", name.trim_end_matches('-'))
}

#[component]
pub fn PolicyPage() -> impl IntoView {
    let app = use_app();
    let i18n = app.i18n;
    let may_edit = Memo::new(move |_| app.can(Permission::EditPartnerSettings));
    let draft = RwSignal::new(app.state.with_untracked(|s| draft_of(&s.policy)));
    let rejection = RwSignal::new(None::<Rejection>);
    let flash = RwSignal::new(None::<Message>);
    let confirming = RwSignal::new(false);

    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        confirming.set(false);
        let values = draft.get_untracked();
        let unchanged = app.state.with_untracked(|s| values == draft_of(&s.policy));
        if unchanged {
            rejection.set(None);
            flash.set(Some(Message::new(Key::PolicyNothingChanged)));
            return;
        }
        match app.dispatch(Command::SetPolicy { values }) {
            Ok(_) => {
                rejection.set(None);
                let today = app.state.with_untracked(|s| s.clock.date_naive());
                flash.set(Some(Message::new(Key::PolicySaved).arg("date", Arg::Date(today))));
                // The form shows the values as the engine reads them back ("12,5" becomes "12.5").
                draft.set(app.state.with_untracked(|s| draft_of(&s.policy)));
            }
            Err(r) => {
                flash.set(None);
                rejection.set(Some(r));
            }
        }
    };
    let reset = move |_| {
        confirming.set(false);
        match app.dispatch(Command::ResetPolicy) {
            Ok(_) => {
                rejection.set(None);
                flash.set(Some(Message::new(Key::PolicyResetDone)));
                draft.set(draft_of(&Policy::default()));
            }
            Err(r) => {
                flash.set(None);
                rejection.set(Some(r));
            }
        }
    };

    // Sections in the order of the rule book, each with its keys.
    let mut sections: Vec<(&'static str, Vec<PolicyKey>)> = Vec::new();
    for k in PolicyKey::all() {
        match sections.last_mut() {
            Some((rule, keys)) if *rule == k.rule() => keys.push(k),
            _ => sections.push((k.rule(), vec![k])),
        }
    }

    view! {
        <section class="policy-page">
            <p class="crumbs">
                <a href=crate::route::Route::Settings.href()>{move || i18n.t(Key::SettingsTitle)}</a>
            </p>
            <h1>{move || i18n.t(Key::PolicyTitle)}</h1>
            <p>{move || i18n.t(Key::PolicyIntro)}</p>
            {move || {
                (!may_edit.get())
                    .then(|| {
                        let roles = messages::roles_list(Permission::EditPartnerSettings.allowed_roles(), app.locale());
                        view! {
                            <p class="alert info" role="status" data-testid="policy-read-only">
                                {i18n.tf(Key::PolicyReadOnly, &[("roles", &roles)])}
                            </p>
                        }
                    })
            }}
            <form on:submit=save aria-labelledby="policy-title" novalidate>
                <h2 id="policy-title" class="visually-hidden">{move || i18n.t(Key::PolicyTitle)}</h2>
                <fieldset class="policy-fields" prop:disabled=move || !may_edit.get()>
                    {sections
                        .into_iter()
                        .map(|(rule, keys)| {
                            view! {
                                <div class="card policy-section">
                                    <h2>{move || i18n.t(messages::policy_section(rule))}</h2>
                                    {keys.into_iter().map(|k| view! { <PolicyRow key=k draft rejection/> }).collect_view()}
                                </div>
                            }
                        })
                        .collect_view()}
                </fieldset>
                {move || {
                    rejection
                        .with(|r| r.as_ref().is_some_and(|r| r.violations.iter().any(|v| matches!(v, csp_engine::Violation::Invalid { .. }))))
                        .then(|| view! { <p class="alert error" role="alert">{i18n.t(Key::FixErrors)}</p> })
                }}
                <RejectionList rejection=without_field_errors(rejection)/>
                {move || flash.get().map(|m| view! { <p class="flash ok" role="status">{i18n.msg(&m)}</p> })}
                <Show when=move || may_edit.get()>
                    <div class="policy-actions">
                        <button type="submit">{move || i18n.t(Key::Save)}</button>
                        <button type="button" on:click=move |_| {
                            flash.set(None);
                            confirming.set(true)
                        }>{move || i18n.t(Key::PolicyReset)}</button>
                    </div>
                </Show>
                <Show when=move || confirming.get()>
                    <div class="confirm" role="alertdialog" aria-label=move || i18n.t(Key::PolicyReset)>
                        <p>{move || i18n.t(Key::PolicyResetConfirm)}</p>
                        <button type="button" class="danger" on:click=reset>{move || i18n.t(Key::PolicyResetYes)}</button>
                        <button type="button" on:click=move |_| confirming.set(false)>{move || i18n.t(Key::Cancel)}</button>
                    </div>
                </Show>
            </form>
        </section>
    }
}

/// One value: its name, the rule it drives, its default and the value in force, and its input.
#[component]
fn PolicyRow(key: PolicyKey, draft: RwSignal<Draft>, rejection: RwSignal<Option<Rejection>>) -> impl IntoView {
    let app = use_app();
    let i18n = app.i18n;
    let id = dom_id(key);
    let rule_id = format!("{id}-rule");
    let field = Field::Policy(key);
    let currency = match key {
        PolicyKey::UsdRate(c) => c.code(),
        _ => "",
    };
    let with_currency = move |k: Key| fill(i18n.t(k), &[("currency", currency)]);
    let default_text = move || {
        let v = messages::policy_value(key, &Policy::default(), app.locale());
        i18n.tf(Key::PolicyDefault, &[("value", &v)])
    };
    let in_force = Memo::new(move |_| app.state.with(|s| key.text(&s.policy) != key.text(&Policy::default())));
    let in_force_text = move || {
        let v = app.state.with(|s| messages::policy_value(key, &s.policy, app.locale()));
        i18n.tf(Key::PolicyInForce, &[("value", &v)])
    };
    let value = move || draft.with(|d| d.iter().find(|(k, _)| *k == key).map(|(_, v)| v.clone()).unwrap_or_default());
    let set = move |v: String| {
        draft.update(|d| {
            if let Some(slot) = d.iter_mut().find(|(k, _)| *k == key) {
                slot.1 = v;
            }
        })
    };
    let unit = match key.unit() {
        PolicyUnit::Days => Some(Key::PolicyUnitDays),
        PolicyUnit::Hours => Some(Key::PolicyUnitHours),
        PolicyUnit::Months => Some(Key::PolicyUnitMonths),
        PolicyUnit::Licenses => Some(Key::PolicyUnitLicenses),
        PolicyUnit::Downloads => Some(Key::PolicyUnitDownloads),
        PolicyUnit::Percent => Some(Key::PolicyUnitPercent),
        PolicyUnit::Usd => Some(Key::PolicyUnitUsd),
        PolicyUnit::UsdPerUnit => Some(Key::PolicyUnitRate),
        PolicyUnit::Countries | PolicyUnit::Segments => None,
    };
    let input = match key.unit() {
        PolicyUnit::Segments => view! {
            <fieldset class="checks" aria-describedby=rule_id.clone()>
                <legend>{move || i18n.t(messages::policy_name(key))}</legend>
                {Segment::ALL
                    .into_iter()
                    .map(|seg| {
                        let name = format!("{seg:?}");
                        let checked = {
                            let name = name.clone();
                            move || value().split(',').any(|p| p.trim() == name)
                        };
                        view! {
                            <label>
                                <input
                                    type="checkbox"
                                    prop:checked=checked
                                    on:change=move |ev| {
                                        let on = event_target_checked(&ev);
                                        let mut chosen: Vec<Segment> = Segment::ALL
                                            .into_iter()
                                            .filter(|s| value().split(',').any(|p| p.trim() == format!("{s:?}")))
                                            .filter(|s| *s != seg)
                                            .collect();
                                        if on {
                                            chosen.push(seg);
                                        }
                                        let text: Vec<String> = Segment::ALL.into_iter().filter(|s| chosen.contains(s)).map(|s| format!("{s:?}")).collect();
                                        set(text.join(", "))
                                    }
                                />
                                {move || i18n.t(messages::segment(seg))}
                            </label>
                        }
                    })
                    .collect_view()}
            </fieldset>
        }
        .into_any(),
        PolicyUnit::Countries => view! {
            <label for=id.clone()>{move || i18n.t(messages::policy_name(key))}</label>
            <textarea
                id=id.clone()
                rows="3"
                aria-describedby=rule_id.clone()
                aria-invalid=field_invalid(rejection, field)
                prop:value=value
                on:input=move |ev| set(event_target_value(&ev))
            ></textarea>
            <span class="hint">{move || i18n.t(Key::PolicyCountriesHint)}</span>
        }
        .into_any(),
        _ => view! {
            <label for=id.clone()>{move || with_currency(messages::policy_name(key))}</label>
            <span class="policy-input">
                <input
                    id=id.clone()
                    type="text"
                    inputmode="decimal"
                    aria-describedby=rule_id.clone()
                    aria-invalid=field_invalid(rejection, field)
                    prop:value=value
                    on:input=move |ev| set(event_target_value(&ev))
                />
                {unit.map(|u| view! { <span class="unit">{move || with_currency(u)}</span> })}
            </span>
        }
        .into_any(),
    };
    view! {
        <div class="policy-row" data-policy=format!("{key:?}")>
            <div class="policy-field">{input} {field_error(rejection, field)}</div>
            <p class="policy-rule" id=rule_id.clone()>{move || with_currency(messages::policy_rule(key))}</p>
            <p class="policy-values">
                <span data-testid="policy-default">{default_text}</span>
                <span data-testid="policy-in-force" class:changed=move || in_force.get()>
                    {in_force_text}
                    {move || in_force.get().then(|| view! { " " <span class="badge">{i18n.t(Key::PolicyChanged)}</span> })}
                </span>
            </p>
        </div>
    }
}

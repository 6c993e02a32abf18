//! Settings: partner profile, partner users and their roles, demo data reset.

use crate::components::choices::radio_group;
use crate::components::country_select::CountrySelect;
use crate::components::errors::{field_error, without_field_errors, RejectionList, RequirePermission};
use crate::ctx::use_app;
use crate::i18n::{Arg, Key, Message};
use crate::messages;
use csp_engine::ids::UserId;
use csp_engine::partner::CspModel;
use csp_engine::rejection::Field;
use csp_engine::roles::{Permission, Role};
use csp_engine::{Command, Rejection};
use leptos::prelude::*;

#[component]
pub fn SettingsPage() -> impl IntoView {
    let app = use_app();
    let i18n = app.i18n;
    let partner = Memo::new(move |_| app.state.with(|s| s.partner.clone()));
    // Outlives the form, which is rebuilt when the partner changes.
    let saved = RwSignal::new(false);
    view! {
        <section>
            <h1>{move || i18n.t(Key::SettingsTitle)}</h1>
            {move || {
                // A new form when the partner changes elsewhere (a demo reset), not on every state change.
                let partner = partner.get();
                view! { <PartnerProfile partner saved/> }
            }}
            <PartnerUsers/>
            <div class="card">
                <h2>{move || i18n.t(Key::PriceListsTitle)}</h2>
                <p>
                    <a href=crate::route::Route::PriceLists.href()>{move || i18n.t(Key::PriceListsLink)}</a>
                </p>
            </div>
            <div class="card">
                <h2>{move || i18n.t(Key::DataTitle)}</h2>
                <p>
                    <a href=crate::route::Route::Data.href()>{move || i18n.t(Key::DataLink)}</a>
                </p>
            </div>
            <div class="card">
                <h2>{move || i18n.t(Key::PolicyTitle)}</h2>
                <p>
                    <a href=crate::route::Route::Policy.href()>{move || i18n.t(Key::PolicyLink)}</a>
                </p>
            </div>
            <DemoReset/>
        </section>
    }
}

#[component]
fn PartnerProfile(partner: csp_engine::partner::Partner, saved: RwSignal<bool>) -> impl IntoView {
    let app = use_app();
    let i18n = app.i18n;
    let currency = partner.currency();
    let name = RwSignal::new(partner.name);
    let country = RwSignal::new(partner.country);
    let model = RwSignal::new(partner.model);
    let credit_limit = RwSignal::new(
        partner
            .credit_limit_minor
            .map(|m| {
                csp_engine::money::Money::new(m, currency).to_string().replace(&format!(" {}", currency.code()), "")
            })
            .unwrap_or_default(),
    );
    let rejection = RwSignal::new(None::<Rejection>);
    let may_edit = move || app.can(Permission::EditPartnerSettings);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let cmd = Command::UpdatePartnerProfile {
            name: name.get_untracked(),
            country: country.get_untracked(),
            model: model.get_untracked(),
            credit_limit: credit_limit.get_untracked(),
        };
        let result = app.dispatch(cmd);
        saved.set(result.is_ok());
        rejection.set(result.err());
    };
    view! {
        <form class="card" on:submit=submit aria-labelledby="partner-profile">
            <h2 id="partner-profile">{move || i18n.t(Key::PartnerProfile)}</h2>
            <ReadOnlyNote permission=Permission::EditPartnerSettings/>
            <fieldset prop:disabled=move || !may_edit()>
                <label>
                    {move || i18n.t(Key::FieldPartnerName)}
                    <input type="text" prop:value=name on:input=move |ev| name.set(event_target_value(&ev))/>
                    {field_error(rejection, Field::PartnerName)}
                </label>
                <label>
                    {move || i18n.t(Key::FieldCountry)}
                    <CountrySelect value=country on_change=move |c| country.set(c)/>
                    {field_error(rejection, Field::PartnerCountry)}
                </label>
                {radio_group(Key::CspModel, "csp-model", CspModel::ALL, model, move |m| {
                    i18n.t(messages::csp_model(m)).to_string()
                })}
                <label>
                    {move || i18n.t(Key::FieldCreditLimit)}
                    <input
                        type="text"
                        inputmode="decimal"
                        prop:value=credit_limit
                        on:input=move |ev| credit_limit.set(event_target_value(&ev))
                    />
                    <span class="hint">{move || i18n.t(Key::CreditLimitHint)}</span>
                    {field_error(rejection, Field::PartnerCreditLimit)}
                </label>
                <p>
                    {move || i18n.t(Key::BillingCurrency)} {move || i18n.t(Key::Colon)}
                    <strong>{move || app.state.with(|s| s.partner.currency().code())}</strong>
                </p>
                <button type="submit">{move || i18n.t(Key::Save)}</button>
                {move || saved.get().then(|| view! { <span class="flash ok" role="status">{i18n.t(Key::Saved)}</span> })}
            </fieldset>
            <RejectionList rejection=without_field_errors(rejection)/>
        </form>
    }
}

/// "You can view this; changing it needs …" for users without the permission.
#[component]
fn ReadOnlyNote(permission: Permission) -> impl IntoView {
    let app = use_app();
    move || {
        (!app.can(permission)).then(|| {
            let roles = messages::roles_list(permission.allowed_roles(), app.locale());
            view! { <p class="alert info">{app.i18n.tf(Key::ReadOnlyForYou, &[("roles", &roles)])}</p> }
        })
    }
}

/// The user being edited: `None` while adding a new one.
#[derive(Clone, PartialEq)]
struct Draft {
    id: Option<UserId>,
    name: String,
    email: String,
    roles: Vec<Role>,
}

#[component]
fn PartnerUsers() -> impl IntoView {
    let app = use_app();
    let i18n = app.i18n;
    let draft = RwSignal::new(None::<Draft>);
    let flash = RwSignal::new(None::<Message>);
    let rejection = RwSignal::new(None::<Rejection>);
    let confirm_remove = RwSignal::new(None::<(UserId, String)>);
    let may_manage = move || app.can(Permission::ManageUsers);

    let remove = move |id: UserId, name: String| {
        let result = app.dispatch(Command::RemoveUser { user: id });
        confirm_remove.set(None);
        match result {
            Ok(_) => {
                flash.set(Some(Message::new(Key::UserRemoved).arg("name", Arg::Text(name))));
                rejection.set(None);
            }
            Err(r) => rejection.set(Some(r)),
        }
    };

    view! {
        <div class="card">
            <h2>{move || i18n.t(Key::PartnerUsers)}</h2>
            <ReadOnlyNote permission=Permission::ManageUsers/>
            <div class="table-scroll">
                <table class="grid" data-testid="users-table">
                    <thead>
                        <tr>
                            <th scope="col">{move || i18n.t(Key::FieldName)}</th>
                            <th scope="col">{move || i18n.t(Key::FieldEmail)}</th>
                            <th scope="col">{move || i18n.t(Key::FieldRoles)}</th>
                            <th scope="col"></th>
                        </tr>
                    </thead>
                    <tbody>
                        <For
                            each=move || app.state.with(|s| s.users.clone())
                            key=|u| (u.id.clone(), u.name.clone(), u.email.clone(), u.roles.clone())
                            children=move |u| {
                                let (id, name) = (u.id.clone(), u.name.clone());
                                let edit = Draft { id: Some(u.id.clone()), name: u.name.clone(), email: u.email.clone(), roles: u.roles.clone() };
                                let roles = u.roles.clone();
                                view! {
                                    <tr>
                                        <td>{u.name.clone()}</td>
                                        <td>{u.email.clone()}</td>
                                        <td>{move || messages::roles_list(&roles, i18n.locale.get())}</td>
                                        <td class="actions">
                                            <Show when=may_manage>
                                                <button type="button" on:click={
                                                    let edit = edit.clone();
                                                    move |_| {
                                                        rejection.set(None);
                                                        draft.set(Some(edit.clone()))
                                                    }
                                                }>{move || i18n.t(Key::Edit)}</button>
                                                <button type="button" on:click={
                                                    let (id, name) = (id.clone(), name.clone());
                                                    move |_| confirm_remove.set(Some((id.clone(), name.clone())))
                                                }>{move || i18n.t(Key::Remove)}</button>
                                            </Show>
                                        </td>
                                    </tr>
                                }
                            }
                        />
                    </tbody>
                </table>
            </div>
            {move || {
                confirm_remove
                    .get()
                    .map(|(id, name)| {
                        let question = i18n.tf(Key::ConfirmRemoveUser, &[("name", &name)]);
                        view! {
                            <div class="confirm" role="alertdialog" aria-label=question.clone()>
                                <p>{question.clone()}</p>
                                <button type="button" class="danger" on:click=move |_| remove(id.clone(), name.clone())>
                                    {i18n.t(Key::Remove)}
                                </button>
                                <button type="button" on:click=move |_| confirm_remove.set(None)>{i18n.t(Key::Cancel)}</button>
                            </div>
                        }
                    })
            }}
            <Show when=move || may_manage() && draft.with(|d| d.is_none())>
                <button
                    type="button"
                    on:click=move |_| {
                        rejection.set(None);
                        draft.set(Some(Draft { id: None, name: String::new(), email: String::new(), roles: vec![] }))
                    }
                >
                    {move || i18n.t(Key::AddUser)}
                </button>
            </Show>
            {move || flash.get().map(|m| view! { <p class="flash ok" role="status">{i18n.msg(&m)}</p> })}
            {move || draft.get().map(|d| view! { <UserForm draft=d state=draft flash rejection/> })}
            <Show when=move || draft.with(|d| d.is_none())>
                <RejectionList rejection=rejection.into()/>
            </Show>
        </div>
    }
}

#[component]
fn UserForm(
    draft: Draft,
    state: RwSignal<Option<Draft>>,
    flash: RwSignal<Option<Message>>,
    rejection: RwSignal<Option<Rejection>>,
) -> impl IntoView {
    let app = use_app();
    let i18n = app.i18n;
    let editing = draft.id.clone();
    let title = if editing.is_some() { Key::EditUser } else { Key::AddUser };
    let name = RwSignal::new(draft.name);
    let email = RwSignal::new(draft.email);
    let roles = RwSignal::new(draft.roles);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (n, e, r) = (name.get_untracked(), email.get_untracked(), roles.get_untracked());
        let cmd = match editing.clone() {
            Some(user) => Command::UpdateUser { user, name: n.clone(), email: e, roles: r },
            None => Command::AddUser { name: n.clone(), email: e, roles: r },
        };
        match app.dispatch(cmd) {
            Ok(_) => {
                rejection.set(None);
                flash.set(Some(Message::new(Key::UserSaved).arg("name", Arg::Text(n.trim().to_string()))));
                state.set(None);
            }
            Err(r) => {
                flash.set(None);
                rejection.set(Some(r));
            }
        }
    };
    view! {
        <form class="subform" on:submit=submit aria-label=move || i18n.t(title)>
            <h3>{move || i18n.t(title)}</h3>
            <label>
                {move || i18n.t(Key::FieldName)}
                <input type="text" prop:value=name on:input=move |ev| name.set(event_target_value(&ev))/>
                {field_error(rejection, Field::UserName)}
            </label>
            <label>
                {move || i18n.t(Key::FieldEmail)}
                <input type="email" prop:value=email on:input=move |ev| email.set(event_target_value(&ev))/>
                {field_error(rejection, Field::UserEmail)}
            </label>
            <fieldset class="checks">
                <legend>{move || i18n.t(Key::FieldRoles)}</legend>
                {Role::ALL
                    .into_iter()
                    .map(|role| {
                        view! {
                            <label>
                                <input
                                    type="checkbox"
                                    prop:checked=move || roles.with(|r| r.contains(&role))
                                    on:change=move |ev| {
                                        let on = event_target_checked(&ev);
                                        roles.update(|r| {
                                            r.retain(|x| *x != role);
                                            if on {
                                                r.push(role);
                                            }
                                        })
                                    }
                                />
                                {move || i18n.t(messages::role(role))}
                            </label>
                        }
                    })
                    .collect_view()}
                {field_error(rejection, Field::UserRoles)}
            </fieldset>
            {move || rejection.with(|r| r.is_some()).then(|| view! { <p class="alert error" role="alert">{i18n.t(Key::FixErrors)}</p> })}
            <RejectionList rejection=without_field_errors(rejection)/>
            <button type="submit">{move || i18n.t(Key::Save)}</button>
            <button type="button" on:click=move |_| {
                rejection.set(None);
                state.set(None)
            }>{move || i18n.t(Key::Cancel)}</button>
        </form>
    }
}

#[component]
fn DemoReset() -> impl IntoView {
    let app = use_app();
    let i18n = app.i18n;
    let confirming = RwSignal::new(false);
    let done = RwSignal::new(false);
    let rejection = RwSignal::new(None::<Rejection>);
    let reset = move |_| {
        let result = app.dispatch(Command::ResetDemoData);
        confirming.set(false);
        done.set(result.is_ok());
        if result.is_ok() {
            // The signed-in user may not exist in the demo data.
            let session = crate::session::Session { user: app.user.get_untracked(), locale: app.locale() };
            let fixed = app.state.with_untracked(|s| session.reconciled(s));
            app.sign_in(fixed.user);
        }
        rejection.set(result.err());
    };
    view! {
        <div class="card">
            <h2>{move || i18n.t(Key::DemoData)}</h2>
            <RequirePermission permission=Permission::EditPartnerSettings>
                <p>{move || i18n.t(Key::ResetDemoExplain)}</p>
                <Show
                    when=move || confirming.get()
                    fallback=move || {
                        view! {
                            <button type="button" on:click=move |_| {
                                done.set(false);
                                confirming.set(true)
                            }>{move || i18n.t(Key::ResetDemoData)}</button>
                        }
                    }
                >
                    <div class="confirm" role="alertdialog" aria-label=move || i18n.t(Key::ResetDemoData)>
                        <button type="button" class="danger" on:click=reset>{move || i18n.t(Key::ConfirmReset)}</button>
                        <button type="button" on:click=move |_| confirming.set(false)>{move || i18n.t(Key::Cancel)}</button>
                    </div>
                </Show>
                {move || done.get().then(|| view! { <p class="flash ok" role="status">{i18n.t(Key::ResetDone)}</p> })}
                <RejectionList rejection=rejection.into()/>
            </RequirePermission>
        </div>
    }
}

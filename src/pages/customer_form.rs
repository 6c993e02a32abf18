//! Add customer / Edit customer. The engine validates every field at once; nothing is saved until all
//! are valid, and each invalid field shows its message beside it.

use crate::components::country_select::CountrySelect;
use crate::components::date_field::{DateField, DateInput};
use crate::components::errors::{field_error, without_field_errors, RejectionList, RequirePermission, TextInput};
use crate::ctx::use_app;
use crate::i18n::Key;
use crate::messages;
use crate::route::{CustomerTab, Route};
use csp_engine::customers::{CustomerForm, Segment};
use csp_engine::ids::CustomerId;
use csp_engine::rejection::Field;
use csp_engine::roles::Permission;
use csp_engine::{Command, Event, Rejection};
use leptos::prelude::*;

#[component]
pub fn CustomerFormPage(id: Option<CustomerId>) -> impl IntoView {
    let app = use_app();
    let i18n = app.i18n;
    let title = if id.is_some() { Key::EditCustomer } else { Key::AddCustomer };
    let existing = id.as_ref().and_then(|id| app.state.with_untracked(|s| s.customers.get(id).cloned()));
    let missing = id.is_some() && existing.is_none();
    let form = RwSignal::new(match &existing {
        Some(c) => CustomerForm {
            company_name: c.company_name.clone(),
            domain: c.domain.clone(),
            country: c.country.clone(),
            segment: Some(c.segment),
            account_opened: c.account_opened.to_string(),
            first_billing: c.first_billing.to_string(),
        },
        None => CustomerForm::default(),
    });
    let rejection = RwSignal::new(None::<Rejection>);
    // Typed in the language's format; the engine reads the form's ISO text (empty: required).
    let opened = DateInput::new(existing.as_ref().map(|c| c.account_opened));
    let first = DateInput::new(existing.as_ref().map(|c| c.first_billing));
    let id = StoredValue::new(id);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        // A date field whose text is not a date shows its message; nothing is sent.
        let (Ok(opened), Ok(first)) = (opened.checked(), first.checked()) else { return };
        let iso = |d: Option<chrono::NaiveDate>| d.map(|d| d.to_string()).unwrap_or_default();
        form.update(|f| {
            f.account_opened = iso(opened);
            f.first_billing = iso(first);
        });
        let f = form.get_untracked();
        let cmd = match id.get_value() {
            Some(customer) => Command::EditCustomer { customer, form: f },
            None => Command::AddCustomer(f),
        };
        match app.dispatch(cmd) {
            Ok(events) => {
                rejection.set(None);
                let saved = events.iter().find_map(|e| match e {
                    Event::CustomerAdded(c) | Event::CustomerUpdated(c) => Some(c.id.clone()),
                    _ => None,
                });
                if let Some(id) = saved.or_else(|| id.get_value()) {
                    app.navigate(Route::Customer { id, tab: CustomerTab::Account });
                }
            }
            Err(r) => rejection.set(Some(r)),
        }
    };
    let text_field =
        move |field: Field, label: Key, get: fn(&_) -> &String, set: fn(&mut _, String), kind: &'static str| {
            TextInput { field, label, get, set, kind, hint: None }.view(form, rejection)
        };
    view! {
        <section>
            <h1>{move || i18n.t(title)}</h1>
            <RequirePermission permission=Permission::EditCustomers>
                {missing.then(|| view! { <p class="alert error" role="alert">{i18n.t(Key::NoSuchCustomer)}</p> })}
                <form class="card" on:submit=submit novalidate aria-label=move || i18n.t(title)>
                    {move || rejection.with(|r| r.is_some()).then(|| view! { <p class="alert error" role="alert">{i18n.t(Key::FixErrors)}</p> })}
                    {text_field(Field::CustomerName, Key::FieldCompanyName, |f| &f.company_name, |f, v| f.company_name = v, "text")}
                    <label>
                        {move || i18n.t(Key::FieldDomain)}
                        <input
                            type="text"
                            prop:value=move || form.with(|f| f.domain.clone())
                            on:input=move |ev| form.update(|f| f.domain = event_target_value(&ev))
                            placeholder="contoso.onmicrosoft.com"
                        />
                        <span class="hint">{move || i18n.t(Key::DomainHint)}</span>
                        {field_error(rejection, Field::CustomerDomain)}
                    </label>
                    <label>
                        {move || i18n.t(Key::FieldBillingCountry)}
                        <CountrySelect
                            value=Signal::derive(move || form.with(|f| f.country.clone()))
                            on_change=move |c| form.update(|f| f.country = c)
                            placeholder=true
                        />
                        {field_error(rejection, Field::CustomerCountry)}
                    </label>
                    <label>
                        {move || i18n.t(Key::FieldSegment)}
                        <select on:change=move |ev| {
                            let v = event_target_value(&ev);
                            form.update(|f| f.segment = Segment::ALL.into_iter().find(|s| format!("{s:?}") == v));
                        }>
                            <option value="" selected=move || form.with(|f| f.segment.is_none())>
                                {move || i18n.t(Key::ChooseSegment)}
                            </option>
                            {Segment::ALL
                                .into_iter()
                                .map(|s| {
                                    view! {
                                        <option value=format!("{s:?}") selected=move || form.with(|f| f.segment == Some(s))>
                                            {move || i18n.t(messages::segment(s))}
                                        </option>
                                    }
                                })
                                .collect_view()}
                        </select>
                        {field_error(rejection, Field::CustomerSegment)}
                    </label>
                    <div class="date-with-error">
                        <DateField input=opened label=Key::FieldAccountOpened/>
                        {field_error(rejection, Field::CustomerAccountOpened)}
                    </div>
                    <div class="date-with-error">
                        <DateField input=first label=Key::FieldFirstBilling/>
                        {field_error(rejection, Field::CustomerFirstBilling)}
                    </div>
                    <RejectionList rejection=without_field_errors(rejection)/>
                    <button type="submit">{move || i18n.t(Key::Save)}</button>
                    <a class="button" href=move || match id.get_value() {
                        Some(id) => Route::Customer { id, tab: CustomerTab::Account }.href(),
                        None => Route::default().href(),
                    }>{move || i18n.t(Key::Cancel)}</a>
                </form>
            </RequirePermission>
        </section>
    }
}

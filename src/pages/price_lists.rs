//! Settings → Price lists (RULES §2.5): import Partner Center's license-based price list, preview what
//! it changes (offers added, prices changed old → new, offers withdrawn, every rejected row with its line,
//! column and reason), apply it (`Command::ImportPriceList`) or cancel, and the lists imported so far.

use crate::components::errors::{RejectionList, RequirePermission};
use crate::components::file_button::{ChosenFile, FileButton};
use crate::ctx::use_app;
use crate::i18n::{format, Key, Locale};
use crate::messages;
use crate::route::Route;
use csp_engine::money::Money;
use csp_engine::pricelist::{self, Column, Preview, PreviewLine};
use csp_engine::roles::Permission;
use csp_engine::{Command, Rejection};
use leptos::prelude::*;

/// A table shows at most this many rows (a monthly list has thousands); the counts above are complete.
const SHOWN: usize = 100;

/// A file read and previewed, waiting for Apply or Cancel.
#[derive(Clone)]
struct Pending {
    file: String,
    text: String,
    preview: Preview,
}

#[component]
pub fn PriceListsPage() -> impl IntoView {
    let app = use_app();
    let i18n = app.i18n;
    view! {
        <section class="price-lists">
            <p class="breadcrumb">
                <a href=Route::Settings.href()>{move || i18n.t(Key::NavSettings)}</a>
            </p>
            <h1>{move || i18n.t(Key::PriceListsTitle)}</h1>
            <RequirePermission permission=Permission::EditPartnerSettings>
                <Import/>
                <Imported/>
            </RequirePermission>
        </section>
    }
}

#[component]
fn Import() -> impl IntoView {
    let app = use_app();
    let i18n = app.i18n;
    let pending = RwSignal::new(None::<Pending>);
    let error = RwSignal::new(None::<String>);
    let done = RwSignal::new(None::<String>);
    let rejection = RwSignal::new(None::<Rejection>);
    let on_file = move |file: ChosenFile| {
        error.set(None);
        done.set(None);
        rejection.set(None);
        pending.set(None);
        let Some(text) = file.text else {
            error.set(Some(i18n.t(Key::PriceListFileUnreadable).to_string()));
            return;
        };
        let parsed =
            app.state.with_untracked(|s| pricelist::parse(&text, &s.catalog).map(|p| pricelist::preview(s, &p)));
        match parsed {
            Ok(preview) => pending.set(Some(Pending { file: file.name, text, preview })),
            Err(problem) => error.set(Some(messages::price_file_problem(&problem, i18n.locale.get_untracked()))),
        }
    };
    let apply = move |_| {
        let Some(p) = pending.get_untracked() else { return };
        match app.dispatch(Command::ImportPriceList { file: p.file.clone(), text: p.text }) {
            Ok(_) => {
                let locale = i18n.locale.get_untracked();
                let date = p.preview.valid_from.map(|d| format::date(d, locale)).unwrap_or_default();
                done.set(Some(i18n.tf(Key::PriceListApplied, &[("file", &p.file), ("date", &date)])));
                pending.set(None);
                rejection.set(None);
            }
            Err(r) => rejection.set(Some(r)),
        }
    };
    let cancel = move |_| {
        pending.set(None);
        rejection.set(None);
    };
    let required = move || {
        let required: Vec<Column> = Column::ALL.into_iter().filter(|c| c.required()).collect();
        i18n.tf(Key::PriceListColumnsHint, &[("columns", &messages::column_list(&required, i18n.locale.get()))])
    };
    view! {
        <div class="card">
            <h2>{move || i18n.t(Key::PriceListImportTitle)}</h2>
            <p>{move || i18n.t(Key::PriceListsExplain)}</p>
            <p class="hint">{required}</p>
            <FileButton
                choose=Key::PriceListChooseFile
                label=Key::PriceListFileLabel
                accept=".csv,text/csv"
                testid="price-list-file"
                on_file
            />
        </div>
        {move || done.get().map(|m| view! { <p class="flash ok" role="status" data-testid="price-list-done">{m}</p> })}
        {move || {
            error.get().map(|e| view! { <p class="alert error" role="alert" data-testid="price-list-error">{e}</p> })
        }}
        {move || {
            pending
                .get()
                .map(|p| {
                    view! {
                        <div class="card" data-testid="price-list-preview">
                            <h2>{move || i18n.tf(Key::PriceListPreviewTitle, &[("file", &p.file)])}</h2>
                            <PreviewView preview=p.preview.clone()/>
                            <RejectionList rejection=rejection.into()/>
                            <div class="actions">
                                <button type="button" class="primary" on:click=apply disabled=p.preview.importable() == 0>
                                    {move || i18n.t(Key::PriceListApply)}
                                </button>
                                <button type="button" on:click=cancel>
                                    {move || i18n.t(Key::Cancel)}
                                </button>
                            </div>
                        </div>
                    }
                })
        }}
    }
}

/// A counted phrase ("1 row", "2 rows"; French: "0 ligne").
fn counted(n: usize, key: Key, locale: Locale) -> String {
    crate::i18n::fill(key.counted(locale, n as i64), &[("count", &format::integer(n as i64, locale))])
}

#[component]
fn PreviewView(preview: Preview) -> impl IntoView {
    let app = use_app();
    let i18n = app.i18n;
    let preview = StoredValue::new(preview);
    move || {
        let locale = i18n.locale.get();
        let p = preview.get_value();
        let money = |m: Money| format::money(m, locale);
        let old = move |l: &PreviewLine| l.old.map(money).unwrap_or_else(|| Key::PriceListNoPrice.text(locale).into());
        let counts = [
            (p.added.len(), Key::PriceListCountAdded),
            (p.changed.len(), Key::PriceListCountChanged),
            (p.removed.len(), Key::PriceListCountRemoved),
            (p.unchanged, Key::PriceListCountUnchanged),
            (p.rejected.len(), Key::PriceListCountRejected),
        ];
        let more = |n: usize| {
            (n > SHOWN).then(|| {
                view! { <p class="hint">{counted(n - SHOWN, Key::PriceListMore, locale)}</p> }
            })
        };
        let lines_table = |title: Key, lines: &[PreviewLine], with_old: bool| {
            (!lines.is_empty()).then(|| {
                let rows = lines
                    .iter()
                    .take(SHOWN)
                    .map(|l| {
                        view! {
                            <tr>
                                <td>{l.name.clone()}</td>
                                {with_old.then(|| view! { <td class="num">{old(l)}</td> })}
                                <td class="num">{money(l.new)}</td>
                                <td class="num">{money(l.erp)}</td>
                                <td>{format::date(l.valid_from, locale)}</td>
                            </tr>
                        }
                    })
                    .collect_view();
                view! {
                    <h3>{Key::text(title, locale)}</h3>
                    <div class="table-scroll">
                        <table class="grid" tabindex="0" data-testid=format!("preview-{title:?}")>
                            <thead>
                                <tr>
                                    <th scope="col">{Key::PriceListOffer.text(locale)}</th>
                                    {with_old.then(|| view! { <th scope="col" class="num">{Key::PriceListOldPrice.text(locale)}</th> })}
                                    <th scope="col" class="num">{Key::PriceListNewPrice.text(locale)}</th>
                                    <th scope="col" class="num">{Key::PriceListErp.text(locale)}</th>
                                    <th scope="col">{Key::PriceListFrom.text(locale)}</th>
                                </tr>
                            </thead>
                            <tbody>{rows}</tbody>
                        </table>
                    </div>
                    {more(lines.len())}
                }
            })
        };
        let rejected = (!p.rejected.is_empty()).then(|| {
            let rows = p
                .rejected
                .iter()
                .take(SHOWN)
                .map(|r| {
                    view! {
                        <tr>
                            <td class="num">{r.line}</td>
                            <td>{r.column.header()}</td>
                            <td>{messages::price_row_problem(&r.problem, locale)}</td>
                        </tr>
                    }
                })
                .collect_view();
            view! {
                <h3>{Key::PriceListRejected.text(locale)}</h3>
                <p>{Key::PriceListRejectedExplain.text(locale)}</p>
                <div class="table-scroll">
                    <table class="grid" tabindex="0" data-testid="preview-rejected">
                        <thead>
                            <tr>
                                <th scope="col" class="num">{Key::PriceListLine.text(locale)}</th>
                                <th scope="col">{Key::PriceListColumn.text(locale)}</th>
                                <th scope="col">{Key::PriceListReason.text(locale)}</th>
                            </tr>
                        </thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
                {more(p.rejected.len())}
            }
        });
        view! {
            <p>
                {p.valid_from
                    .map(|d| crate::i18n::fill(Key::PriceListEffective.text(locale), &[("date", &format::date(d, locale))]))}
            </p>
            <ul class="price-list-counts" data-testid="preview-counts">
                {counts.into_iter().map(|(n, key)| view! { <li>{counted(n, key, locale)}</li> }).collect_view()}
            </ul>
            <p class="hint">{Key::PriceListPreviewNothingYet.text(locale)}</p>
            {lines_table(Key::PriceListChanged, &p.changed, true)}
            {lines_table(Key::PriceListAdded, &p.added, true)}
            {lines_table(Key::PriceListRemoved, &p.removed, true)}
            {rejected}
        }
    }
}

#[component]
fn Imported() -> impl IntoView {
    let app = use_app();
    let i18n = app.i18n;
    move || {
        let locale = i18n.locale.get();
        app.state.with(|s| {
            if s.price_lists.is_empty() {
                return view! { <div class="card"><h2>{Key::PriceListImportedTitle.text(locale)}</h2><p>{Key::PriceListNone.text(locale)}</p></div> }.into_any();
            }
            let rows = s
                .price_lists
                .iter()
                .rev()
                .map(|l| {
                    let by = s.user(&l.by).map(|u| u.name.clone()).unwrap_or_else(|| l.by.as_str().to_string());
                    view! {
                        <tr>
                            <td class="num">{l.number}</td>
                            <td>{l.file.clone()}</td>
                            <td>{format::date(l.valid_from, locale)}</td>
                            <td class="num">{format::integer(l.entries.len() as i64, locale)}</td>
                            <td>{format::datetime(l.imported_at, locale)}</td>
                            <td>{by}</td>
                        </tr>
                    }
                })
                .collect_view();
            view! {
                <div class="card">
                    <h2>{Key::PriceListImportedTitle.text(locale)}</h2>
                    <div class="table-scroll">
                        <table class="grid" tabindex="0" data-testid="price-lists">
                            <thead>
                                <tr>
                                    <th scope="col" class="num">{Key::PriceListNumber.text(locale)}</th>
                                    <th scope="col">{Key::PriceListFileColumn.text(locale)}</th>
                                    <th scope="col">{Key::PriceListEffectiveColumn.text(locale)}</th>
                                    <th scope="col" class="num">{Key::PriceListRows.text(locale)}</th>
                                    <th scope="col">{Key::PriceListImportedAt.text(locale)}</th>
                                    <th scope="col">{Key::PriceListImportedBy.text(locale)}</th>
                                </tr>
                            </thead>
                            <tbody>{rows}</tbody>
                        </table>
                    </div>
                </div>
            }
            .into_any()
        })
    }
}

//! Settings → Data: where the data lives, the backup file (download, restore from a file), and the
//! backups the app keeps (download, restore, delete). A restore always shows what it would bring back
//! and asks first; the current data is kept as a backup before it is replaced.

use crate::backup_file::{self, FileProblem, Preview};
use crate::browser;
use crate::components::dialog::Dialog;
use crate::components::file_button::{ChosenFile, FileButton};
use crate::ctx::{use_app, RestoreError};
use crate::i18n::{format, Key, Locale};
use crate::messages;
use crate::route::Route;
use crate::storage::backups::{Backup, BackupOf};
use crate::storage::format as stored;
use csp_engine::roles::Permission;
use csp_engine::State;
use leptos::prelude::*;

/// A restore waiting for the user's confirmation.
#[derive(Clone)]
struct Pending {
    state: std::sync::Arc<State>,
    preview: Preview,
}

#[component]
pub fn DataPage() -> impl IntoView {
    let app = use_app();
    let i18n = app.i18n;
    let pending = RwSignal::new(None::<Pending>);
    let done = RwSignal::new(None::<Key>);
    let error = RwSignal::new(None::<String>);
    let may_restore = move || app.can(Permission::EditPartnerSettings);
    let ask = move |state: State| {
        error.set(None);
        done.set(None);
        let preview = backup_file::preview(&state);
        pending.set(Some(Pending { state: std::sync::Arc::new(state), preview }));
    };
    let confirm = move |_| {
        let Some(p) = pending.get_untracked() else { return };
        pending.set(None);
        match app.restore(State::clone(&p.state)) {
            Ok(()) => done.set(Some(Key::DataRestored)),
            Err(RestoreError::Refused(r)) => error.set(Some(messages::rejection(&r, app.locale()).join(" "))),
            Err(RestoreError::Storage(e)) => error.set(Some(
                i18n.tf(Key::DataRestoreFailed, &[("reason", messages::storage_refusal(&e, app.locale()).as_str())]),
            )),
        }
    };
    let download = move |_| {
        let (text, name) =
            app.state.with_untracked(|s| (backup_file::write(s, browser::real_now()), backup_file::file_name(s)));
        if browser::download_text(&name, "application/json", &text).is_ok() {
            done.set(Some(Key::DataDownloaded));
        }
    };
    let on_file = move |file: ChosenFile| {
        error.set(None);
        done.set(None);
        match file.text.map(|t| backup_file::read(&t)) {
            Some(Ok(state)) => ask(state),
            Some(Err(problem)) => error.set(Some(file_problem(&problem, i18n.locale.get_untracked()))),
            None => error.set(Some(i18n.t(Key::DataFileUnreadable).to_string())),
        }
    };
    view! {
        <section>
            <p class="breadcrumb">
                <a href=Route::Settings.href()>{move || i18n.t(Key::NavSettings)}</a>
            </p>
            <h1>{move || i18n.t(Key::DataTitle)}</h1>
            <p data-testid="data-where">
                {move || {
                    if app.persistent() {
                        i18n.t(Key::DataWhereBrowser).to_string()
                    } else {
                        i18n.t(Key::DataWhereMemory).to_string()
                    }
                }}
            </p>
            {move || done.get().map(|k| view! { <p class="flash ok" role="status">{i18n.t(k)}</p> })}
            {move || error.get().map(|e| view! { <p class="alert error" role="alert" data-testid="data-error">{e}</p> })}
            <div class="card">
                <h2>{move || i18n.t(Key::DataBackUpTitle)}</h2>
                <p>{move || i18n.t(Key::DataBackUpExplain)}</p>
                <button type="button" on:click=download>{move || i18n.t(Key::DownloadBackup)}</button>
            </div>
            <div class="card">
                <h2>{move || i18n.t(Key::DataRestoreFileTitle)}</h2>
                <p>{move || i18n.t(Key::DataRestoreFileExplain)}</p>
                <FileButton
                    choose=Key::DataChooseFile
                    label=Key::DataBackupFile
                    accept=".json,application/json"
                    disabled=Signal::derive(move || !may_restore())
                    on_file
                />
                {move || (!may_restore()).then(|| restore_note(app.locale()))}
            </div>
            <Backups ask error done/>
            {move || {
                pending
                    .get()
                    .map(|p| {
                        let locale = i18n.locale.get();
                        let count = move |n: usize| format::integer(n as i64, locale);
                        view! {
                            <Dialog title=Key::DataRestoreConfirmTitle on_close=move || pending.set(None)>
                                <dl class="facts" data-testid="restore-preview">
                                    <dt>{i18n.t(Key::DataPreviewPartner)}</dt>
                                    <dd>{p.preview.partner.clone()}</dd>
                                    <dt>{i18n.t(Key::DataPreviewCustomers)}</dt>
                                    <dd>{count(p.preview.customers)}</dd>
                                    <dt>{i18n.t(Key::DataPreviewSubscriptions)}</dt>
                                    <dd>{count(p.preview.subscriptions)}</dd>
                                    <dt>{i18n.t(Key::DataPreviewInvoices)}</dt>
                                    <dd>{count(p.preview.invoices)}</dd>
                                    <dt>{i18n.t(Key::SimulatedDate)}</dt>
                                    <dd>{format::date(p.preview.clock.date_naive(), locale)}</dd>
                                </dl>
                                <p>{i18n.t(Key::DataRestoreKeepsCurrent)}</p>
                                <button type="button" class="danger" on:click=confirm>
                                    {i18n.t(Key::DataRestoreConfirm)}
                                </button>
                                <button type="button" on:click=move |_| pending.set(None)>{i18n.t(Key::Cancel)}</button>
                            </Dialog>
                        }
                    })
            }}
        </section>
    }
}

fn restore_note(locale: Locale) -> impl IntoView {
    let roles = messages::roles_list(Permission::EditPartnerSettings.allowed_roles(), locale);
    view! { <p class="alert info">{crate::i18n::fill(Key::DataRestoreNeedsRole.text(locale), &[("roles", &roles)])}</p> }
}

/// What can be restored from a backup: its state, or why not (in the user's language).
fn restorable(backup: &Backup, locale: Locale) -> Result<State, String> {
    let of = backup.record.as_ref().map(|r| r.of);
    if matches!(of, Some(BackupOf::Session | BackupOf::Journal)) {
        return Err(Key::DataNotAState.text(locale).to_string());
    }
    let state = stored::decode_snapshot(&backup.value)
        .map(|s| s.state)
        .map_err(|why| messages::unreadable_reason(&why, locale))?;
    let problems = csp_engine::invariants::check(&state);
    if !problems.is_empty() {
        return Err(file_problem(&FileProblem::Impossible(problems), locale));
    }
    Ok(state)
}

#[component]
fn Backups(
    ask: impl Fn(State) + Copy + Send + Sync + 'static,
    error: RwSignal<Option<String>>,
    done: RwSignal<Option<Key>>,
) -> impl IntoView {
    let app = use_app();
    let i18n = app.i18n;
    let list = Memo::new(move |_| {
        app.backups_changed.track();
        app.state.track();
        app.backups()
    });
    let deleting = RwSignal::new(None::<String>);
    let may_change = move || app.can(Permission::EditPartnerSettings);
    view! {
        <div class="card">
            <h2>{move || i18n.t(Key::DataBackupsTitle)}</h2>
            {move || {
                let locale = i18n.locale.get();
                let backups = list.get();
                if backups.is_empty() {
                    return view! { <p data-testid="backups-empty">{i18n.t(Key::DataNoBackups)}</p> }.into_any();
                }
                let total: usize = backups.iter().map(|b| b.stored_chars).sum();
                let summary = messages::backups_summary(backups.len(), &size_text(total, locale), locale);
                let rows = backups
                    .into_iter()
                    .map(|b| {
                        let key = b.key.clone();
                        let when = b.created().map(|t| format::datetime(t, locale)).unwrap_or_else(|| i18n.t(Key::DataWhenUnknown).to_string());
                        let what = i18n.t(messages::backup_of(b.record.as_ref().map(|r| r.of))).to_string();
                        let why = match b.record.as_ref() {
                            Some(r) => r.why.as_ref().map(|w| messages::unreadable_reason(w, locale)).unwrap_or_else(|| i18n.t(Key::DataWhyBeforeRestore).to_string()),
                            None => i18n.t(Key::DataWhyUnknown).to_string(),
                        };
                        let restore = restorable(&b, locale);
                        let blocked = restore.as_ref().err().cloned();
                        let restore_state = restore.ok().map(std::sync::Arc::new);
                        let value = b.value.clone();
                        let download_name = format!("{}.txt", b.key.replace([':', '.'], "-"));
                        let key_for_delete = key.clone();
                        let key_for_confirm = key.clone();
                        let confirming = move || deleting.get().as_deref() == Some(key_for_confirm.as_str());
                        view! {
                            <tr data-testid="backup-row">
                                <td>{when}</td>
                                <td>{what}</td>
                                <td>{why}</td>
                                <td class="num">{size_text(b.stored_chars, locale)}</td>
                                <td class="actions">
                                    <button type="button" on:click={
                                        let restore_state = restore_state.clone();
                                        move |_| {
                                            // A readable backup downloads as a backup file; anything else as it was stored.
                                            let _ = match &restore_state {
                                                Some(s) => browser::download_text(&backup_file::file_name(s), "application/json", &backup_file::write(s, browser::real_now())),
                                                None => browser::download_text(&download_name, "text/plain", &value),
                                            };
                                        }
                                    }>{i18n.t(Key::Download)}</button>
                                    <button
                                        type="button"
                                        prop:disabled=restore_state.is_none() || !may_change()
                                        title=blocked.clone().unwrap_or_default()
                                        on:click={
                                            let restore_state = restore_state.clone();
                                            move |_| {
                                                if let Some(s) = &restore_state {
                                                    ask(State::clone(s));
                                                }
                                            }
                                        }
                                    >{i18n.t(Key::Restore)}</button>
                                    <button type="button" prop:disabled=!may_change() on:click=move |_| deleting.set(Some(key_for_delete.clone()))>
                                        {i18n.t(Key::Delete)}
                                    </button>
                                    {blocked.map(|reason| view! { <p class="hint">{reason}</p> })}
                                    <Show when=confirming>
                                        <div class="confirm" role="alertdialog" aria-label=i18n.t(Key::DataDeleteConfirmTitle)>
                                            <span>{i18n.t(Key::DataDeleteConfirmTitle)}</span>
                                            <button type="button" class="danger" on:click={
                                                let key = key.clone();
                                                move |_| {
                                                    deleting.set(None);
                                                    match app.delete_backup(&key) {
                                                        Ok(()) => done.set(Some(Key::DataBackupDeleted)),
                                                        Err(e) => error.set(Some(messages::storage_refusal(&e, app.locale()))),
                                                    }
                                                }
                                            }>{i18n.t(Key::Delete)}</button>
                                            <button type="button" on:click=move |_| deleting.set(None)>{i18n.t(Key::Cancel)}</button>
                                        </div>
                                    </Show>
                                </td>
                            </tr>
                        }
                    })
                    .collect_view();
                view! {
                    <p data-testid="backups-summary">{summary}</p>
                    <div class="table-scroll">
                        <table class="grid" data-testid="backups-table">
                            <thead>
                                <tr>
                                    <th scope="col">{i18n.t(Key::DataColWhen)}</th>
                                    <th scope="col">{i18n.t(Key::DataColWhat)}</th>
                                    <th scope="col">{i18n.t(Key::DataColWhy)}</th>
                                    <th scope="col" class="num">{i18n.t(Key::DataColSize)}</th>
                                    <th scope="col">{i18n.t(Key::DataColActions)}</th>
                                </tr>
                            </thead>
                            <tbody>{rows}</tbody>
                        </table>
                    </div>
                }
                .into_any()
            }}
            {move || (!may_change()).then(|| restore_note(app.locale()))}
        </div>
    }
}

/// Kilobytes, rounded up (the values are ASCII: a character is a byte).
fn size_text(chars: usize, locale: Locale) -> String {
    let kb = chars.div_ceil(1024).max(1) as i64;
    let unit = Key::KilobyteUnit.text(locale);
    format!("{}\u{a0}{unit}", format::integer(kb, locale))
}

/// Why a file cannot be restored, in the user's language.
pub fn file_problem(problem: &FileProblem, locale: Locale) -> String {
    let t = |k: Key| k.text(locale).to_string();
    match problem {
        FileProblem::Empty => t(Key::FileEmpty),
        FileProblem::NotJson(detail) => crate::i18n::fill(Key::FileNotJson.text(locale), &[("detail", detail)]),
        FileProblem::Truncated => t(Key::FileTruncated),
        FileProblem::NotABackup => t(Key::FileNotABackup),
        FileProblem::Newer(v) => crate::i18n::fill(Key::FileNewer.text(locale), &[("format", &v.to_string())]),
        FileProblem::BadShape(detail) => crate::i18n::fill(Key::FileBadShape.text(locale), &[("detail", detail)]),
        FileProblem::Impossible(problems) => {
            let list: Vec<String> = problems.iter().map(|p| messages::inconsistency(p, locale)).collect();
            crate::i18n::fill(Key::FileImpossible.text(locale), &[("problems", &list.join(" "))])
        }
    }
}

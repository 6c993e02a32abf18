//! What the first page does not need from the engine, loaded on demand in the split build: every command's
//! rules (`execute`), the journal's replay (other tabs' changes), the fold into a snapshot (`persist::encode`),
//! the demo partner. The shell and the boot reach them only through these functions, so none of it is in the
//! first-load module; pages call `AppCtx::dispatch` directly (their chunks share it with this one).

use crate::ctx::{AppCtx, BootOptions};
use crate::i18n::Locale;
use csp_engine::{Command, Event, Rejection};
use leptos::prelude::*;
use std::future::Future;
use std::pin::pin;
use std::task::{Context, Poll, Waker};

on_demand! { engine, preload preload_engine;
    /// The full opening: journals replayed, unreadable data backed up, or the demo on a first start.
    pub fn boot(options: BootOptions) -> AppCtx {
        AppCtx::boot(options)
    }
}

on_demand! { engine;
    fn read_whole_loaded(ctx: AppCtx) -> () {
        ctx.read_whole()
    }
}

/// The whole saved state in place of the usual start's glance (`AppCtx::read_whole`): after the first page,
/// and before any page that shows more than the glance. Nothing to do once read.
pub async fn read_whole(ctx: AppCtx) -> Result<(), crate::LoadError> {
    // `try_`: run from a spawned task, which may outlive an unmounted app.
    if ctx.glance_only.try_get_untracked() == Some(true) {
        read_whole_loaded(ctx).await?;
    }
    Ok(())
}

on_demand! { engine;
    /// Take in what another tab did (its `storage` event).
    pub fn catch_up(ctx: AppCtx) -> () {
        ctx.catch_up()
    }
}

on_demand! { engine;
    /// A command from the shell (the simulated date), decided by the engine.
    pub fn dispatch(ctx: AppCtx, command: Command) -> Result<Vec<Event>, Rejection> {
        ctx.dispatch(command)
    }
}

on_demand! { engine;
    fn flush_loaded(ctx: AppCtx) -> () {
        ctx.flush()
    }
}

on_demand! { engine;
    /// The backup file of the book, downloaded (a notice's action when storage is full).
    pub fn download_backup(ctx: AppCtx) -> () {
        ctx.read_whole();
        let (text, name) = ctx.state.with_untracked(|s| {
            (crate::backup_file::write(s, crate::browser::real_now()), crate::backup_file::file_name(s))
        });
        let _ = crate::browser::download_text(&name, "application/json", &text);
    }
}

on_demand! { engine;
    fn rejection_words(rejection: Rejection, locale: Locale) -> String {
        crate::messages::rejection(&rejection, locale).join(" ")
    }
}

thread_local! {
    /// Bumped when the chunk arrives, for what had to show its words before.
    static ARRIVED: RwSignal<u32> = RwSignal::new(0);
}

/// Every reason of a refusal, in words (reactive). The chunk is fetched after the first page (`fetch_ahead`)
/// and a refusal comes from the engine, so the words are nearly always here at once; if not, they follow it.
pub fn rejection_text(rejection: &Rejection, locale: Locale) -> String {
    ARRIVED.with(|a| a.track());
    match now_or_never(rejection_words(rejection.clone(), locale)) {
        Some(Ok(words)) => words,
        _ => {
            leptos::task::spawn_local(async {
                if load().await {
                    ARRIVED.with(|a| a.update(|n| *n += 1));
                }
            });
            String::new()
        }
    }
}

/// Fetch this chunk. True once loaded.
async fn load() -> bool {
    #[cfg(feature = "split")]
    return preload_engine().await.is_ok();
    #[cfg(not(feature = "split"))]
    true
}

/// Fold now (the page is being hidden or closed: no time to wait for anything). A fold is only ever pending
/// after this tab changed something, which loaded the engine, so the call completes at once.
pub fn flush(ctx: AppCtx) {
    if ctx.fold_pending() {
        let _ = now_or_never(flush_loaded(ctx));
    }
}

/// The future's result if it is ready on its first poll (code already loaded), else `None`.
fn now_or_never<F: Future>(future: F) -> Option<F::Output> {
    match pin!(future).poll(&mut Context::from_waker(Waker::noop())) {
        Poll::Ready(out) => Some(out),
        Poll::Pending => None,
    }
}

//! The first-render benchmark's baseline: the smallest Leptos app (one counter button), built with the
//! app's release profile, rustflags and wasm-opt level, so the app's time-to-first-content is compared with
//! what Leptos itself costs to download, instantiate and render on the same throttled profile.

use leptos::prelude::*;

fn main() {
    leptos::mount::mount_to_body(|| {
        let count = RwSignal::new(0);
        view! {
            <button data-testid="counter" on:click=move |_| count.update(|n| *n += 1)>
                {move || count.get()}
            </button>
        }
    });
}

//! Fetching pages' code ahead (split build): a page's chunk is requested as soon as a link to it is on screen,
//! and again when one is hovered or focused, so a navigation does not wait for the network. In the development
//! build every page is already loaded and these do nothing.

use crate::pages::{fetch_ahead, Chunk};
use crate::route::Route;
use leptos::prelude::*;
use std::collections::HashSet;
use wasm_bindgen::JsCast;

/// Every page linked from what `root` shows now.
pub fn linked_pages(root: NodeRef<leptos::html::Div>) {
    // `try_`: the app may have been unmounted (an embedding page removed it) before this frame ran.
    let Some(Some(root)) = root.try_get_untracked() else { return };
    let Ok(links) = root.query_selector_all("a[href^='#/']") else { return };
    let mut chunks = HashSet::new();
    for i in 0..links.length() {
        if let Some(href) =
            links.item(i).and_then(|n| n.dyn_into::<web_sys::Element>().ok()).and_then(|a| a.get_attribute("href"))
        {
            chunks.insert(Chunk::of(&Route::parse(&href)));
        }
    }
    for chunk in chunks {
        leptos::task::spawn_local(fetch_ahead(chunk));
    }
}

/// The page of the link under the pointer or the focus, if any (`mouseover` / `focusin` on the app's root).
pub fn link_target(ev: &web_sys::Event) {
    if let Some(href) = crate::browser::app_link(ev).and_then(|a| a.get_attribute("href")) {
        leptos::task::spawn_local(fetch_ahead(Chunk::of(&Route::parse(&href))));
    }
}

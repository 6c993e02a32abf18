pub mod activity;
pub mod billing;
pub mod cart;
pub mod catalog;
pub mod customer;
pub mod customer_form;
pub mod customers;
pub mod data;
pub mod invoice;
pub mod not_found;
pub mod policy;
pub mod price_lists;
pub mod renewals;
pub mod reservation;
pub mod settings;
pub mod software;
pub mod subscription;
pub mod subscriptions;

use crate::ctx::AppCtx;
use crate::route::Route;
use crate::LoadError;
use leptos::prelude::*;

/// The pages' code: the first page in the first-load module, the others in three chunks loaded on demand in the
/// split build (feature `split`, `make dist`; see `on_demand!`): grouped, not one per page, because every
/// combination of pages sharing code becomes one more shared chunk (18 chunks made ≈ 270 files, 907 KB in all).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Chunk {
    /// The first page (and the not-found page): in the first-load module, not a chunk.
    Customers,
    /// A customer and everything under it: the form, the tabs, Add products, the cart, subscriptions,
    /// reservations, software.
    Book,
    /// Partner-wide lists: billing, invoices, renewals, subscriptions, logs.
    Reports,
    /// Settings, data, price lists, policy.
    Settings,
}

impl Chunk {
    /// The chunk that renders `route`. The one table of routes to chunks; each chunk's function below renders
    /// the routes mapped to it.
    pub fn of(route: &Route) -> Chunk {
        match route {
            Route::Customers(_) | Route::NotFound(_) => Chunk::Customers,
            Route::NewCustomer
            | Route::EditCustomer { .. }
            | Route::Customer { .. }
            | Route::AddProducts { .. }
            | Route::Cart { .. }
            | Route::Review { .. }
            | Route::Confirmation { .. }
            | Route::Subscription { .. }
            | Route::Reservation { .. }
            | Route::ReservationRequest { .. }
            | Route::SupportRequest { .. } => Chunk::Book,
            Route::Billing
            | Route::Invoice { .. }
            | Route::Renewals
            | Route::Subscriptions(_)
            | Route::SoftwareActivity
            | Route::ActivityLog => Chunk::Reports,
            Route::Settings | Route::Data | Route::PriceLists | Route::Policy => Chunk::Settings,
        }
    }
}

/// The first page is in the first-load module: a chunk of its own would be fetched after the main module
/// anyway, and the code it shares with other pages would be split into many small shared chunks.
fn customers_pages(route: Route) -> AnyView {
    match route {
        Route::Customers(query) => view! { <customers::CustomersPage query/> }.into_any(),
        _ => not_found(),
    }
}

on_demand! { book, preload preload_book;
    fn book_pages(route: Route) -> AnyView {
        match route {
            Route::NewCustomer => view! { <customer_form::CustomerFormPage id=None/> }.into_any(),
            Route::EditCustomer { id } => view! { <customer_form::CustomerFormPage id=Some(id)/> }.into_any(),
            Route::Customer { id, tab } => view! { <customer::CustomerPage id tab/> }.into_any(),
            Route::AddProducts { customer, query } => view! { <catalog::CatalogPage customer query/> }.into_any(),
            Route::Cart { customer } => view! { <cart::CartPage customer/> }.into_any(),
            Route::Review { customer } => view! { <cart::ReviewPage customer/> }.into_any(),
            Route::Confirmation { customer, cart } => view! { <cart::ConfirmationPage customer cart/> }.into_any(),
            Route::Subscription { customer, id } => view! { <subscription::SubscriptionPage customer id/> }.into_any(),
            Route::Reservation { customer, id } => view! { <reservation::ReservationPage customer id/> }.into_any(),
            Route::ReservationRequest { customer, kind, reservations } => {
                view! { <reservation::ReservationRequestPage customer kind reservations/> }.into_any()
            }
            Route::SupportRequest { customer, purchase } => {
                view! { <software::SupportRequestPage customer purchase/> }.into_any()
            }
            _ => not_found(),
        }
    }
}

on_demand! { reports, preload preload_reports;
    fn reports_pages(route: Route) -> AnyView {
        match route {
            Route::Billing => view! { <billing::BillingPage/> }.into_any(),
            Route::Invoice { year, month } => view! { <invoice::InvoicePage year month/> }.into_any(),
            Route::Renewals => view! { <renewals::RenewalsPage/> }.into_any(),
            Route::Subscriptions(_) => view! { <subscriptions::SubscriptionsPage/> }.into_any(),
            Route::SoftwareActivity => view! { <software::SoftwareActivityPage/> }.into_any(),
            Route::ActivityLog => view! { <activity::ActivityPage/> }.into_any(),
            _ => not_found(),
        }
    }
}

on_demand! { settings, preload preload_settings;
    fn settings_pages(route: Route) -> AnyView {
        match route {
            Route::Settings => view! { <settings::SettingsPage/> }.into_any(),
            Route::Data => view! { <data::DataPage/> }.into_any(),
            Route::PriceLists => view! { <price_lists::PriceListsPage/> }.into_any(),
            Route::Policy => view! { <policy::PolicyPage/> }.into_any(),
            _ => not_found(),
        }
    }
}

fn not_found() -> AnyView {
    view! { <not_found::NotFoundPage/> }.into_any()
}

/// The page a route shows, its chunk loaded first when it is not yet (split build). The Customers list shows
/// from the usual start's glance of the book and the first page's texts; every other page waits for the whole
/// saved state and every text of its language.
pub async fn page(app: AppCtx, route: Route) -> Result<AnyView, LoadError> {
    if !matches!(route, Route::Customers(_) | Route::NotFound(_)) {
        crate::engine_chunk::read_whole(app).await?;
        crate::i18n::load(app.i18n.locale.get_untracked()).await?;
    }
    match Chunk::of(&route) {
        Chunk::Customers => Ok(customers_pages(route)),
        Chunk::Book => book_pages(route).await,
        Chunk::Reports => reports_pages(route).await,
        Chunk::Settings => settings_pages(route).await,
    }
}

/// Fetch a chunk ahead (a link to one of its pages is shown or hovered); nothing in the development build.
pub async fn fetch_ahead(chunk: Chunk) {
    #[cfg(feature = "split")]
    {
        let _ = match chunk {
            Chunk::Customers => Ok(()),
            Chunk::Book => preload_book().await,
            Chunk::Reports => preload_reports().await,
            Chunk::Settings => preload_settings().await,
        };
    }
    #[cfg(not(feature = "split"))]
    let _ = chunk;
}

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

use crate::route::Route;
use crate::LoadError;
use leptos::prelude::*;

/// The code a page needs, loaded on demand in the split build (feature `split`, `make dist`): each chunk is a
/// `wasm_split` point (fallible, so a failed download is a message with Retry, never a panic under
/// `panic = "abort"`). Without the feature (development, wasm-bindgen tests, benchmarks) the same functions are
/// plain calls: a build that holds split points but skips the splitter cannot load.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Chunk {
    Customers,
    CustomerForm,
    Customer,
    Catalog,
    Cart,
    Subscription,
    Reservation,
    Software,
    Billing,
    Invoice,
    Renewals,
    Subscriptions,
    Activity,
    Settings,
    Data,
    PriceLists,
    Policy,
    NotFound,
}

impl Chunk {
    /// The chunk that renders `route`. The one table of routes to pages.
    pub fn of(route: &Route) -> Chunk {
        match route {
            Route::Customers(_) => Chunk::Customers,
            Route::NewCustomer | Route::EditCustomer { .. } => Chunk::CustomerForm,
            Route::Customer { .. } => Chunk::Customer,
            Route::AddProducts { .. } => Chunk::Catalog,
            Route::Cart { .. } | Route::Review { .. } | Route::Confirmation { .. } => Chunk::Cart,
            Route::Subscription { .. } => Chunk::Subscription,
            Route::Reservation { .. } | Route::ReservationRequest { .. } => Chunk::Reservation,
            Route::SupportRequest { .. } | Route::SoftwareActivity => Chunk::Software,
            Route::Billing => Chunk::Billing,
            Route::Invoice { .. } => Chunk::Invoice,
            Route::Renewals => Chunk::Renewals,
            Route::Subscriptions(_) => Chunk::Subscriptions,
            Route::ActivityLog => Chunk::Activity,
            Route::Settings => Chunk::Settings,
            Route::Data => Chunk::Data,
            Route::PriceLists => Chunk::PriceLists,
            Route::Policy => Chunk::Policy,
            Route::NotFound(_) => Chunk::NotFound,
        }
    }
}

/// Declares one page chunk: a function from the route to its view, loaded on demand (`on_demand!`).
macro_rules! page_chunk {
    ($split:ident, $preload:ident, fn $name:ident($route:ident) $body:block) => {
        on_demand! { $split, preload $preload; fn $name($route: Route) -> AnyView $body }
    };
}

page_chunk!(customers, preload_customers, fn customers_chunk(route) {
    match route {
        Route::Customers(query) => view! { <customers::CustomersPage query/> }.into_any(),
        _ => not_found(),
    }
});
page_chunk!(book, preload_customer_form, fn customer_form_chunk(route) {
    match route {
        Route::NewCustomer => view! { <customer_form::CustomerFormPage id=None/> }.into_any(),
        Route::EditCustomer { id } => view! { <customer_form::CustomerFormPage id=Some(id)/> }.into_any(),
        _ => not_found(),
    }
});
page_chunk!(book, preload_customer, fn customer_chunk(route) {
    match route {
        Route::Customer { id, tab } => view! { <customer::CustomerPage id tab/> }.into_any(),
        _ => not_found(),
    }
});
page_chunk!(book, preload_catalog, fn catalog_chunk(route) {
    match route {
        Route::AddProducts { customer, query } => view! { <catalog::CatalogPage customer query/> }.into_any(),
        _ => not_found(),
    }
});
page_chunk!(book, preload_cart, fn cart_chunk(route) {
    match route {
        Route::Cart { customer } => view! { <cart::CartPage customer/> }.into_any(),
        Route::Review { customer } => view! { <cart::ReviewPage customer/> }.into_any(),
        Route::Confirmation { customer, cart } => view! { <cart::ConfirmationPage customer cart/> }.into_any(),
        _ => not_found(),
    }
});
page_chunk!(book, preload_subscription, fn subscription_chunk(route) {
    match route {
        Route::Subscription { customer, id } => view! { <subscription::SubscriptionPage customer id/> }.into_any(),
        _ => not_found(),
    }
});
page_chunk!(book, preload_reservation, fn reservation_chunk(route) {
    match route {
        Route::Reservation { customer, id } => view! { <reservation::ReservationPage customer id/> }.into_any(),
        Route::ReservationRequest { customer, kind, reservations } => {
            view! { <reservation::ReservationRequestPage customer kind reservations/> }.into_any()
        }
        _ => not_found(),
    }
});
page_chunk!(book, preload_software, fn software_chunk(route) {
    match route {
        Route::SupportRequest { customer, purchase } => {
            view! { <software::SupportRequestPage customer purchase/> }.into_any()
        }
        Route::SoftwareActivity => view! { <software::SoftwareActivityPage/> }.into_any(),
        _ => not_found(),
    }
});
page_chunk!(reports, preload_billing, fn billing_chunk(_route) {
    view! { <billing::BillingPage/> }.into_any()
});
page_chunk!(reports, preload_invoice, fn invoice_chunk(route) {
    match route {
        Route::Invoice { year, month } => view! { <invoice::InvoicePage year month/> }.into_any(),
        _ => not_found(),
    }
});
page_chunk!(reports, preload_renewals, fn renewals_chunk(_route) {
    view! { <renewals::RenewalsPage/> }.into_any()
});
page_chunk!(reports, preload_subscriptions, fn subscriptions_chunk(_route) {
    view! { <subscriptions::SubscriptionsPage/> }.into_any()
});
page_chunk!(reports, preload_activity, fn activity_chunk(_route) {
    view! { <activity::ActivityPage/> }.into_any()
});
page_chunk!(settings, preload_settings, fn settings_chunk(_route) {
    view! { <settings::SettingsPage/> }.into_any()
});
page_chunk!(settings, preload_data, fn data_chunk(_route) {
    view! { <data::DataPage/> }.into_any()
});
page_chunk!(settings, preload_price_lists, fn price_lists_chunk(_route) {
    view! { <price_lists::PriceListsPage/> }.into_any()
});
page_chunk!(settings, preload_policy, fn policy_chunk(_route) {
    view! { <policy::PolicyPage/> }.into_any()
});
page_chunk!(customers, preload_not_found, fn not_found_chunk(_route) {
    not_found()
});

fn not_found() -> AnyView {
    view! { <not_found::NotFoundPage/> }.into_any()
}

/// Calls the chunk function of `route`'s page; `$call` wraps each call (`.await?` in the split build).
macro_rules! dispatch_chunk {
    ($route:ident, |$f:ident| $call:expr) => {
        match Chunk::of(&$route) {
            Chunk::Customers => {
                let $f = customers_chunk;
                $call
            }
            Chunk::CustomerForm => {
                let $f = customer_form_chunk;
                $call
            }
            Chunk::Customer => {
                let $f = customer_chunk;
                $call
            }
            Chunk::Catalog => {
                let $f = catalog_chunk;
                $call
            }
            Chunk::Cart => {
                let $f = cart_chunk;
                $call
            }
            Chunk::Subscription => {
                let $f = subscription_chunk;
                $call
            }
            Chunk::Reservation => {
                let $f = reservation_chunk;
                $call
            }
            Chunk::Software => {
                let $f = software_chunk;
                $call
            }
            Chunk::Billing => {
                let $f = billing_chunk;
                $call
            }
            Chunk::Invoice => {
                let $f = invoice_chunk;
                $call
            }
            Chunk::Renewals => {
                let $f = renewals_chunk;
                $call
            }
            Chunk::Subscriptions => {
                let $f = subscriptions_chunk;
                $call
            }
            Chunk::Activity => {
                let $f = activity_chunk;
                $call
            }
            Chunk::Settings => {
                let $f = settings_chunk;
                $call
            }
            Chunk::Data => {
                let $f = data_chunk;
                $call
            }
            Chunk::PriceLists => {
                let $f = price_lists_chunk;
                $call
            }
            Chunk::Policy => {
                let $f = policy_chunk;
                $call
            }
            Chunk::NotFound => {
                let $f = not_found_chunk;
                $call
            }
        }
    };
}

/// The page a route shows, its code loaded first when it is not yet (split build).
pub async fn page(route: Route) -> Result<AnyView, LoadError> {
    dispatch_chunk!(route, |f| f(route).await)
}

/// Fetch a page's code ahead (a link to it is shown or hovered); nothing in the development build.
pub async fn fetch_ahead(chunk: Chunk) {
    #[cfg(feature = "split")]
    {
        let _ = match chunk {
            Chunk::Customers => preload_customers().await,
            Chunk::CustomerForm => preload_customer_form().await,
            Chunk::Customer => preload_customer().await,
            Chunk::Catalog => preload_catalog().await,
            Chunk::Cart => preload_cart().await,
            Chunk::Subscription => preload_subscription().await,
            Chunk::Reservation => preload_reservation().await,
            Chunk::Software => preload_software().await,
            Chunk::Billing => preload_billing().await,
            Chunk::Invoice => preload_invoice().await,
            Chunk::Renewals => preload_renewals().await,
            Chunk::Subscriptions => preload_subscriptions().await,
            Chunk::Activity => preload_activity().await,
            Chunk::Settings => preload_settings().await,
            Chunk::Data => preload_data().await,
            Chunk::PriceLists => preload_price_lists().await,
            Chunk::Policy => preload_policy().await,
            Chunk::NotFound => preload_not_found().await,
        };
    }
    #[cfg(not(feature = "split"))]
    let _ = chunk;
}

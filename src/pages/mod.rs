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
use leptos::prelude::*;

/// The page a route shows. The one table of routes to pages.
pub fn page(route: Route) -> AnyView {
    match route {
        Route::Customers(query) => view! { <customers::CustomersPage query/> }.into_any(),
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
        Route::Billing => view! { <billing::BillingPage/> }.into_any(),
        Route::Invoice { year, month } => view! { <invoice::InvoicePage year month/> }.into_any(),
        Route::Renewals => view! { <renewals::RenewalsPage/> }.into_any(),
        Route::Subscriptions(_) => view! { <subscriptions::SubscriptionsPage/> }.into_any(),
        Route::SoftwareActivity => view! { <software::SoftwareActivityPage/> }.into_any(),
        Route::ActivityLog => view! { <activity::ActivityPage/> }.into_any(),
        Route::Settings => view! { <settings::SettingsPage/> }.into_any(),
        Route::Data => view! { <data::DataPage/> }.into_any(),
        Route::PriceLists => view! { <price_lists::PriceListsPage/> }.into_any(),
        Route::Policy => view! { <policy::PolicyPage/> }.into_any(),
        Route::NotFound(_) => view! { <not_found::NotFoundPage/> }.into_any(),
    }
}

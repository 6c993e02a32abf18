pub mod activity;
pub mod billing;
pub mod customers;
pub mod not_found;
pub mod settings;

pub mod badge;
pub mod choices;
pub mod country_select;
pub mod dialog;
pub mod empty;
pub mod errors;
pub mod shell;
pub mod table;

pub mod choices;
pub mod country_select;
pub mod date_field;
pub mod dialog;
pub mod errors;
pub mod shell;
pub mod table;

pub mod choices;
pub mod country_select;
pub mod dialog;
pub mod errors;
pub mod quote_day;
pub mod shell;
pub mod step_chart;
pub mod table;

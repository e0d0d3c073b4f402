//! Everything that reads or writes outside text: share links ([`link`]), scenario JSON ([`scenario_json`]),
//! saved-library entries ([`library`]), widget URL specs ([`link::parse_widget_spec`]) and CSV/JSON exports
//! ([`output`]), the lever notes ([`notes`]) and the data download ([`download`]: projection, assumptions with sources, citation). Every decoder is total: it never panics and reports what it could not take as given.
//!
//! Depends on the model and (for its id) the chart table; in the browser, decimal digits are converted by
//! JavaScript's `parseFloat` ([`num`]), the only web dependency here.

pub mod compare;
pub mod download;
pub mod json;
pub mod library;
pub mod link;
pub mod notes;
pub mod num;
pub mod output;
pub mod scenario_json;
pub mod stamp;
pub mod widget;
pub mod worker;

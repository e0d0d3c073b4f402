//! App state beyond the scenario signal, one concern per file: undoable edits ([`edit`]), notices and their
//! texts ([`notices`]), the saved library over storage ([`storage`]), compared scenarios and presenter mode
//! ([`compare`]), page routing ([`view`]) and browser helpers ([`browser`]).

mod browser;
mod compare;
mod edit;
mod notices;
mod storage;
mod view;

pub use browser::*;
pub use compare::*;
pub use edit::*;
pub use notices::*;
pub use storage::*;
pub use view::*;

//! App state beyond the scenario signal, one concern per file: undoable edits ([`edit`]), notices and their
//! texts ([`notices`]), the saved library over storage ([`storage`]), compared scenarios and presenter mode
//! ([`compare`]), page routing ([`view`]), browser helpers ([`browser`]), ensembles ([`ensemble`]), the
//! share link's QR code ([`qr`]), the bridge to the analysis worker ([`worker`]) and to the drawing worker
//! ([`draw`]).

mod browser;
mod compare;
mod context;
pub mod draw;
mod edit;
mod ensemble;
mod notices;
mod qr;
mod storage;
mod view;
pub mod worker;

pub use browser::*;
pub use compare::*;
pub use context::*;
pub use edit::*;
pub use ensemble::*;
pub use notices::*;
pub use qr::*;
pub use storage::*;
pub use view::*;

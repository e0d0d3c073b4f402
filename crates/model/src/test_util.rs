//! Helpers shared by the model's unit tests (one copy, not one per module).

use crate::levers::LeverId;
use crate::params::{spec, ParamId};
use crate::scenario::Scenario;

/// A parameter's CSV value.
pub(crate) fn p(id: ParamId) -> f64 {
    spec(id).value
}

/// `got` equals `want` to 1e-9, relative (absolute below 1).
pub(crate) fn assert_close(got: f64, want: f64, what: &str) {
    assert!(
        (got - want).abs() <= 1e-9 * want.abs().max(1.0),
        "{what}: got {got}, want {want}"
    );
}

/// The reference scenario with some levers set.
pub(crate) fn with(pairs: &[(LeverId, f64)]) -> Scenario {
    let mut s = Scenario::reference();
    for &(id, v) in pairs {
        s.set(id, v);
    }
    s
}

//! Analysis commands (ensembles, target probabilities, sensitivity, goal-seek, contributions).
//! `run` answers `None` for commands it does not own, so `main` falls through to the others.

/// Runs an analysis command, or `None` when `cmd` is not one.
pub fn run(_cmd: &str, _rest: &[String]) -> Option<Result<String, String>> {
    None
}

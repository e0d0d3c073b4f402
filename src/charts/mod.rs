//! Chart drawing (plotters, any backend).

//! `cargo bench --bench simulate`: one full 2020–2035 run of the model, reference and all-max scenarios.
//! Goal: ≤ 50 µs per run natively in release.

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
use criterion::{black_box, criterion_group, criterion_main, Criterion};
#[cfg(not(target_arch = "wasm32"))]
use vtre_model::{simulate, Scenario, LEVERS};

#[cfg(not(target_arch = "wasm32"))]
fn bench(c: &mut Criterion) {
    let reference = Scenario::reference();
    let mut all_max = Scenario::reference();
    for l in LEVERS {
        all_max.set(l.id, l.max);
    }
    c.bench_function("simulate/reference", |b| {
        b.iter(|| simulate(black_box(&reference)))
    });
    c.bench_function("simulate/all_max", |b| {
        b.iter(|| simulate(black_box(&all_max)))
    });
}

#[cfg(not(target_arch = "wasm32"))]
criterion_group!(benches, bench);
#[cfg(not(target_arch = "wasm32"))]
criterion_main!(benches);

//! `cargo bench --bench simulate`: one full 2020–2035 run of the model, reference and all-max scenarios.
//! Goal: ≤ 50 µs per run natively in release.

use criterion::{black_box, criterion_group, criterion_main, Criterion};
use vtre::model::{simulate, Scenario, LEVERS};

fn bench(c: &mut Criterion) {
    let reference = Scenario::reference();
    let mut all_max = Scenario::reference();
    for l in LEVERS {
        all_max.set(l.id, l.max);
    }
    c.bench_function("simulate/reference", |b| b.iter(|| simulate(black_box(&reference))));
    c.bench_function("simulate/all_max", |b| b.iter(|| simulate(black_box(&all_max))));
}

criterion_group!(benches, bench);
criterion_main!(benches);

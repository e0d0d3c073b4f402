//! Sorting with little code. The standard library's sorts are fast, but each instantiation brings several KB
//! of sorting code into a wasm build (this crate runs in the browser too). Results are exactly those of the
//! standard sorts: [`sort_f64`] orders by `f64::total_cmp`, a total order in which equal elements are
//! bit-identical, so stability cannot show; stable sorts of short lists use the model's insertion sort
//! (`vtre_model::small_sort`).

use std::cmp::Ordering;

/// Sorts `v` ascending by `f64::total_cmp` (heapsort: O(n log n), in place, a few hundred bytes of wasm).
pub fn sort_f64(v: &mut [f64]) {
    let less = |a: f64, b: f64| a.total_cmp(&b) == Ordering::Less;
    // Sift `v[root]` down the max-heap `v[..end]`.
    let sift = |v: &mut [f64], mut root: usize, end: usize| loop {
        let mut child = 2 * root + 1;
        if child >= end {
            break;
        }
        if child + 1 < end && less(v[child], v[child + 1]) {
            child += 1;
        }
        if !less(v[root], v[child]) {
            break;
        }
        v.swap(root, child);
        root = child;
    };
    let n = v.len();
    for i in (0..n / 2).rev() {
        sift(v, i, n);
    }
    for end in (1..n).rev() {
        v.swap(0, end);
        sift(v, 0, end);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rng::SplitMix64;

    #[test]
    fn sorts_exactly_like_the_standard_sort() {
        let mut rng = SplitMix64::new(5);
        for n in [0, 1, 2, 3, 10, 999, 1000, 1001] {
            let mut v: Vec<f64> = (0..n)
                .map(|i| match i % 7 {
                    0 => -0.0,
                    1 => 0.0,
                    2 => (rng.below(5) as f64) - 2.0,
                    _ => rng.next_f64() * 1e3 - 500.0,
                })
                .collect();
            if n > 5 {
                v[3] = f64::NAN;
                v[4] = f64::INFINITY;
                v[5] = f64::NEG_INFINITY;
            }
            let mut want = v.clone();
            want.sort_by(f64::total_cmp);
            sort_f64(&mut v);
            let bits = |x: &[f64]| x.iter().map(|f| f.to_bits()).collect::<Vec<_>>();
            assert_eq!(bits(&v), bits(&want), "n = {n}");
        }
    }
}

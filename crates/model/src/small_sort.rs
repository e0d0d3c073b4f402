//! A stable insertion sort for the short lists the app sorts (a dozen products, 82 assumption rows, the
//! saved scenarios). The standard library's sorts are faster on long slices, but every call site with its
//! own comparator instantiates several KB of sorting code in the wasm.

use std::cmp::Ordering;

/// Sorts `v` by `cmp`, keeping equal elements in their order. O(n²): for short slices only.
pub fn sort_by<T>(v: &mut [T], mut cmp: impl FnMut(&T, &T) -> Ordering) {
    for i in 1..v.len() {
        let mut j = i;
        while j > 0 && cmp(&v[j - 1], &v[j]) == Ordering::Greater {
            v.swap(j - 1, j);
            j -= 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::sort_by;

    #[test]
    fn sorts_and_keeps_equal_elements_in_order() {
        let mut v = vec![(3, 'a'), (1, 'b'), (2, 'c'), (1, 'd'), (0, 'e'), (3, 'f')];
        sort_by(&mut v, |a, b| a.0.cmp(&b.0));
        assert_eq!(
            v,
            vec![(0, 'e'), (1, 'b'), (1, 'd'), (2, 'c'), (3, 'a'), (3, 'f')]
        );
        let mut empty: Vec<u8> = vec![];
        sort_by(&mut empty, u8::cmp);
        assert!(empty.is_empty());
    }
}

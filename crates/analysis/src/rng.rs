//! A small seeded pseudo-random generator: SplitMix64 (Steele, Lea & Flood, "Fast splittable pseudorandom
//! number generators", OOPSLA 2014; the version of `java.util.SplittableRandom` and of Vigna's reference C).
//!
//! Why our own: analyses must be reproducible bit for bit from a seed, natively and in the browser, and must
//! not change when a dependency changes its algorithm. SplitMix64 is 64 bits of state, one addition and three
//! xor-shift-multiply rounds per output, passes BigCrush, and uses only integer arithmetic, so every platform
//! produces the same stream. It is not cryptographic, and need not be.

/// The SplitMix64 generator. The same seed always gives the same stream.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SplitMix64 {
    state: u64,
}

impl SplitMix64 {
    /// A generator seeded with `seed` (any value, 0 included).
    pub fn new(seed: u64) -> Self {
        SplitMix64 { state: seed }
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.state = self.state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A uniform number in `[0, 1)`: the top 53 bits of [`Self::next_u64`], exactly representable.
    pub fn next_f64(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 * (1.0 / (1u64 << 53) as f64)
    }

    /// A uniform integer in `0..n` without modulo bias (Lemire's multiply-shift with rejection). `n == 0`
    /// gives 0.
    pub fn below(&mut self, n: u64) -> u64 {
        if n == 0 {
            return 0;
        }
        let mut m = u128::from(self.next_u64()) * u128::from(n);
        if (m as u64) < n {
            let threshold = n.wrapping_neg() % n;
            while (m as u64) < threshold {
                m = u128::from(self.next_u64()) * u128::from(n);
            }
        }
        (m >> 64) as u64
    }

    /// Shuffles in place (Fisher–Yates): every permutation equally likely.
    pub fn shuffle<T>(&mut self, v: &mut [T]) {
        for i in (1..v.len()).rev() {
            let j = self.below(i as u64 + 1) as usize;
            v.swap(i, j);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_stream_is_the_published_splitmix64() {
        // First outputs of the reference C implementation (Vigna, splitmix64.c) seeded with 0.
        let mut r = SplitMix64::new(0);
        assert_eq!(r.next_u64(), 0xE220_A839_7B1D_CDAF);
        assert_eq!(r.next_u64(), 0x6E78_9E6A_A1B9_65F4);
        assert_eq!(r.next_u64(), 0x06C4_5D18_8009_454F);
    }

    #[test]
    fn same_seed_same_stream_other_seed_other_stream() {
        let a: Vec<u64> = {
            let mut r = SplitMix64::new(42);
            (0..8).map(|_| r.next_u64()).collect()
        };
        let b: Vec<u64> = {
            let mut r = SplitMix64::new(42);
            (0..8).map(|_| r.next_u64()).collect()
        };
        let c: Vec<u64> = {
            let mut r = SplitMix64::new(43);
            (0..8).map(|_| r.next_u64()).collect()
        };
        assert_eq!(a, b);
        assert_ne!(a, c);
    }

    #[test]
    fn uniforms_stay_in_the_unit_interval_and_fill_it_evenly() {
        let mut r = SplitMix64::new(7);
        let mut bins = [0usize; 10];
        let n = 100_000;
        for _ in 0..n {
            let u = r.next_f64();
            assert!((0.0..1.0).contains(&u), "{u}");
            bins[(u * 10.0) as usize] += 1;
        }
        for b in bins {
            // each bin expects 10 000; 5 standard deviations is about ±475
            assert!((9_500..=10_500).contains(&b), "{bins:?}");
        }
    }

    #[test]
    fn below_is_in_range_and_unbiased_and_shuffle_permutes() {
        let mut r = SplitMix64::new(3);
        let mut counts = [0usize; 3];
        for _ in 0..30_000 {
            let k = r.below(3) as usize;
            counts[k] += 1;
        }
        for c in counts {
            assert!((9_600..=10_400).contains(&c), "{counts:?}");
        }
        assert_eq!(r.below(0), 0);
        assert_eq!(r.below(1), 0);
        let mut v: Vec<usize> = (0..50).collect();
        r.shuffle(&mut v);
        assert_ne!(v, (0..50).collect::<Vec<_>>(), "shuffled");
        v.sort_unstable();
        assert_eq!(v, (0..50).collect::<Vec<_>>(), "a permutation");
    }

    /// Lemire's method as published ("Fast random integer generation in an interval", 2019, algorithm 5):
    /// draw x, take the product x·n; reject it while its low 64 bits are below 2^64 mod n; the answer is the
    /// product's high 64 bits. Restated with 128-bit arithmetic: (answer, draws used).
    fn lemire(stream: &mut SplitMix64, n: u64) -> (u64, usize) {
        let threshold = ((1u128 << 64) % u128::from(n)) as u64;
        let mut draws = 0;
        loop {
            let product = u128::from(stream.next_u64()) * u128::from(n);
            draws += 1;
            if (product & u128::from(u64::MAX)) as u64 >= threshold {
                return ((product >> 64) as u64, draws);
            }
        }
    }

    #[test]
    fn below_rejects_exactly_the_biased_draws_of_lemires_method() {
        // For a bound just above 2^63 about half of all draws are rejected, so the rejection path runs many
        // times; small bounds check the accepting path. The answer and the number of draws consumed (the
        // state afterwards) both match the published method.
        let mut rejected = 0;
        for n in [
            (1u64 << 63) + 1,
            (1u64 << 63) + 12_345,
            u64::MAX,
            3 * (1u64 << 62),
            3,
            10,
            1 << 40,
        ] {
            for seed in 0..200u64 {
                let mut ours = SplitMix64::new(seed);
                let mut reference = SplitMix64::new(seed);
                let (want, draws) = lemire(&mut reference, n);
                assert_eq!(ours.below(n), want, "n = {n}, seed = {seed}");
                assert!(want < n);
                assert_eq!(ours, reference, "n = {n}, seed = {seed}: {draws} draws");
                rejected += draws - 1;
            }
        }
        assert!(rejected > 100, "the rejection path ran {rejected} times");
    }

    #[test]
    fn shuffle_makes_every_order_equally_likely() {
        // 60 000 shuffles of three items: each of the six orders about 10 000 times (σ ≈ 91). A shuffle that
        // never leaves an item in place (Sattolo's) or skips a position gives some orders never.
        let mut r = SplitMix64::new(11);
        let mut counts = std::collections::BTreeMap::new();
        for _ in 0..60_000 {
            let mut v = [0u8, 1, 2];
            r.shuffle(&mut v);
            *counts.entry(v).or_insert(0usize) += 1;
        }
        assert_eq!(counts.len(), 6, "{counts:?}");
        for c in counts.values() {
            assert!((9_500..=10_500).contains(c), "{counts:?}");
        }
    }
}

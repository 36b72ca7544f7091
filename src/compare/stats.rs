//! Cohort statistics: the summary of a column (mean, quartiles) and percentile ranks, by the
//! methods the comparison documents, so that a spreadsheet gives the same figures.

/// The value at fraction `p` (0 to 1) of ascending `sorted` values, by linear interpolation
/// between closest ranks, the method of Excel's `QUARTILE.INC` and `PERCENTILE.INC` (R's
/// type 7): with h = (n − 1)·p, it is x[⌊h⌋] + (h − ⌊h⌋)·(x[⌊h⌋ + 1] − x[⌊h⌋]). None when
/// there are no values.
pub fn quantile(sorted: &[f64], p: f64) -> Option<f64> {
    let last = sorted.len().checked_sub(1)?;
    let h = last as f64 * p.clamp(0.0, 1.0);
    let lo = h.floor() as usize;
    let hi = (lo + 1).min(last);
    Some(sorted[lo] + (h - lo as f64) * (sorted[hi] - sorted[lo]))
}

/// How one column of scores is spread over the cohort.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Summary {
    /// How many firms have a value.
    pub n: usize,
    pub mean: f64,
    pub min: f64,
    /// First quartile, median and third quartile, by [`quantile`].
    pub q1: f64,
    pub median: f64,
    pub q3: f64,
    pub max: f64,
}

impl Summary {
    /// The summary of some values; none when there are none.
    pub fn of(values: impl IntoIterator<Item = f64>) -> Option<Summary> {
        let mut v: Vec<f64> = values.into_iter().filter(|x| x.is_finite()).collect();
        v.sort_by(f64::total_cmp);
        let n = v.len();
        let q = |p| quantile(&v, p);
        Some(Summary {
            n,
            mean: v.iter().sum::<f64>() / n.max(1) as f64,
            min: *v.first()?,
            q1: q(0.25)?,
            median: q(0.5)?,
            q3: q(0.75)?,
            max: *v.last()?,
        })
    }
}

/// The percentile rank of each value in the cohort: 100 × the number of *other* values that
/// are strictly lower, divided by the number of other values. The highest value ranks 100,
/// the lowest 0, equal values rank alike. None for a missing value, and for the only value.
pub fn percentile_ranks(values: &[Option<f64>]) -> Vec<Option<f64>> {
    let mut sorted: Vec<f64> = values.iter().flatten().copied().collect();
    sorted.sort_by(f64::total_cmp);
    let others = sorted.len().saturating_sub(1);
    values
        .iter()
        .map(|v| {
            let x = (*v)?;
            if others == 0 {
                return None;
            }
            let lower = sorted.partition_point(|y| *y < x);
            Some(100.0 * lower as f64 / others as f64)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    #[test]
    fn quartiles_interpolate_between_closest_ranks_like_excel() {
        // Excel: QUARTILE.INC({1,2,3,4},1) = 1.75, median 2.5, Q3 = 3.25.
        let v = [1.0, 2.0, 3.0, 4.0];
        assert!(close(quantile(&v, 0.25).unwrap(), 1.75));
        assert!(close(quantile(&v, 0.5).unwrap(), 2.5));
        assert!(close(quantile(&v, 0.75).unwrap(), 3.25));
        // Odd count: the median is the middle value; h = 4·0.25 = 1 lands on a value.
        let v = [2.0, 2.5, 3.0, 3.5, 4.0];
        assert!(close(quantile(&v, 0.25).unwrap(), 2.5));
        assert!(close(quantile(&v, 0.5).unwrap(), 3.0));
        assert!(close(quantile(&v, 0.75).unwrap(), 3.5));
        assert!(close(quantile(&[3.0], 0.25).unwrap(), 3.0));
        assert_eq!(quantile(&[], 0.5), None);
    }

    #[test]
    fn summary_by_hand() {
        // Sorted: 2.0 2.25 2.5 3.5 ; mean 10.25 / 4 = 2.5625;
        // Q1: h = 0.75 → 2.0 + 0.75·0.25 = 2.1875; median 2.375; Q3: h = 2.25 → 2.5 + 0.25·1 = 2.75.
        let s = Summary::of([3.5, 2.0, 2.5, 2.25]).unwrap();
        assert_eq!(s.n, 4);
        assert!(close(s.mean, 2.5625));
        assert!(close(s.min, 2.0) && close(s.max, 3.5));
        assert!(close(s.q1, 2.1875));
        assert!(close(s.median, 2.375));
        assert!(close(s.q3, 2.75));
        assert_eq!(Summary::of([]), None);
    }

    #[test]
    fn percentile_is_the_share_of_other_firms_strictly_lower() {
        let ranks = percentile_ranks(&[Some(3.0), Some(2.0), None, Some(3.0), Some(4.0)]);
        // Four values; three others each. 3.0: one lower (2.0) → 33.3; 2.0: none → 0;
        // 4.0: three lower → 100; the missing one has none.
        let want = [
            Some(100.0 / 3.0),
            Some(0.0),
            None,
            Some(100.0 / 3.0),
            Some(100.0),
        ];
        for (got, want) in ranks.iter().zip(want) {
            match (got, want) {
                (Some(g), Some(w)) => assert!(close(*g, w), "{g} != {w}"),
                (g, w) => assert_eq!(*g, w),
            }
        }
        assert_eq!(percentile_ranks(&[Some(2.0), None]), vec![None, None]);
    }
}

//! How a score is shown (scoring rule 7): rounded half away from zero to two decimals, or a
//! dash where there is none. Every output prints scores through [`Score`].

use std::fmt;

use super::round2;

/// What text, Markdown and the screen show where a score (or another figure) is missing.
pub const NO_SCORE: &str = "–";

/// A score as dmat prints and exports it: rounded to two decimals (rule 7), or none.
#[derive(Debug, Clone, Copy, Default, PartialEq, PartialOrd)]
pub struct Score(Option<f64>);

impl Score {
    /// The score of `x`, rounded; none when there is no score.
    pub fn new(x: Option<f64>) -> Self {
        // -0.004 rounds to -0.00: shown as 0.00.
        Score(x.map(|x| round2(x) + 0.0))
    }

    /// The rounded value, as exported (CSV, JSON, workbooks) and as statistics use it.
    pub fn value(self) -> Option<f64> {
        self.0
    }

    /// A change between two scores with its sign: `+0.50`, `-0.25`, `0.00`; [`NO_SCORE`]
    /// when there is none.
    pub fn signed(self) -> String {
        match self.0 {
            Some(v) if v > 0.0 => format!("+{v:.2}"),
            Some(v) => format!("{v:.2}"),
            None => NO_SCORE.to_string(),
        }
    }
}

impl From<Option<f64>> for Score {
    fn from(x: Option<f64>) -> Self {
        Score::new(x)
    }
}

impl From<f64> for Score {
    fn from(x: f64) -> Self {
        Score::new(Some(x))
    }
}

impl fmt::Display for Score {
    /// Two decimals, or [`NO_SCORE`]; widths and alignment (`{:>6}`) apply.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            Some(v) => f.pad(&format!("{v:.2}")),
            None => f.pad(NO_SCORE),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn two_decimals_rounded_half_away_from_zero_or_a_dash() {
        assert_eq!(Score::from(2.125).to_string(), "2.13");
        assert_eq!(Score::from(3.0).to_string(), "3.00");
        assert_eq!(Score::from(2.0 / 3.0).to_string(), "0.67");
        assert_eq!(Score::new(None).to_string(), "–");
        assert_eq!(format!("{:>6}", Score::from(2.5)), "  2.50");
        assert_eq!(format!("{:>3}", Score::new(None)), "  –");
        assert_eq!(Score::from(2.125).value(), Some(2.13));
    }

    #[test]
    fn changes_carry_their_sign_and_never_show_minus_zero() {
        assert_eq!(Score::from(0.5).signed(), "+0.50");
        assert_eq!(Score::from(-0.25).signed(), "-0.25");
        assert_eq!(Score::from(-0.001).signed(), "0.00");
        assert_eq!(Score::from(-0.001).to_string(), "0.00");
        assert_eq!(Score::new(None).signed(), "–");
    }
}

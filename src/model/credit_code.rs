//! The unified social credit code (统一社会信用代码) of a firm: 18 characters whose last is a
//! check digit computed from the first 17, as GB 32100-2015 defines it.

use std::fmt;

/// The 31 characters a credit code is written in, in the order of their values 0–30
/// (I, O, S, V and Z are never used).
const ALPHABET: &str = "0123456789ABCDEFGHJKLMNPQRTUWXY";

/// The length of a credit code.
pub const LENGTH: usize = 18;

/// Why a text is not a valid credit code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CodeError {
    /// It does not have 18 characters.
    Length(usize),
    /// A character (at a 1-based position) that credit codes never use.
    Character { position: usize, found: char },
    /// A lower-case letter (at a 1-based position): codes are written in capitals.
    LowerCase { position: usize, found: char },
    /// Characters 3–8, the administrative division, are not all digits (the first that is not).
    Division { position: usize, found: char },
    /// The last character is not the check digit the first 17 give.
    CheckDigit { found: char, expected: char },
}

impl fmt::Display for CodeError {
    /// The reason in the language chosen for the run (see [`crate::i18n::choose`]).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let w = crate::i18n::VisitCheckWords::chosen();
        f.write_str(&super::visit_checks::code_reason(self, w))
    }
}

/// Whether `code` is a valid unified social credit code, and if not, why.
pub fn check(code: &str) -> Result<(), CodeError> {
    let chars: Vec<char> = code.chars().collect();
    if chars.len() != LENGTH {
        return Err(CodeError::Length(chars.len()));
    }
    let mut values = [0u32; LENGTH];
    for (i, &c) in chars.iter().enumerate() {
        let position = i + 1;
        values[i] = match value(c) {
            Some(v) => v,
            None if c.is_ascii_lowercase() && value(c.to_ascii_uppercase()).is_some() => {
                return Err(CodeError::LowerCase { position, found: c });
            }
            None => return Err(CodeError::Character { position, found: c }),
        };
    }
    if let Some((i, &c)) = chars
        .iter()
        .enumerate()
        .skip(2)
        .take(6)
        .find(|(_, c)| !c.is_ascii_digit())
    {
        return Err(CodeError::Division {
            position: i + 1,
            found: c,
        });
    }
    let expected = check_digit(&values[..LENGTH - 1]);
    let found = chars[LENGTH - 1];
    if value(found) != Some(value(expected).unwrap_or(u32::MAX)) {
        return Err(CodeError::CheckDigit { found, expected });
    }
    Ok(())
}

/// The check digit of the first 17 characters' values: 31 − (Σ value × 3^(i) mod 31) mod 31,
/// with 31 written as 0.
fn check_digit(values: &[u32]) -> char {
    let mut weight = 1;
    let mut sum = 0;
    for v in values {
        sum += v * weight;
        weight = weight * 3 % 31;
    }
    let digit = (31 - sum % 31) % 31;
    ALPHABET.chars().nth(digit as usize).unwrap_or('0')
}

/// The value 0–30 of a character of the alphabet.
fn value(c: char) -> Option<u32> {
    ALPHABET.find(c).map(|i| i as u32)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A code with its check digit computed from its first 17 characters.
    fn complete(first17: &str) -> String {
        let values: Vec<u32> = first17.chars().map(|c| value(c).unwrap()).collect();
        format!("{first17}{}", check_digit(&values))
    }

    #[test]
    fn published_codes_pass() {
        // Codes as printed on business licences.
        for code in [
            "91350100M000100Y43",
            "91110108551385082Q",
            "91110000600037341L",
        ] {
            assert_eq!(check(code), Ok(()), "{code}");
        }
    }

    #[test]
    fn the_check_digit_is_the_weighted_sum_mod_31() {
        // Weights 1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28:
        // 9×1 + 1×3 + 3×9 + 5×27 + 1×26 + M(21)×20 + 1×8 + Y(30)×30 + 4×28 = 1640,
        // 1640 mod 31 = 28, 31 − 28 = 3.
        assert_eq!(complete("91350100M000100Y4"), "91350100M000100Y43");
        // A sum that is a multiple of 31 has check digit 0.
        let zero = complete("00000000000000000");
        assert_eq!(zero, "000000000000000000");
        assert_eq!(check(&zero), Ok(()));
    }

    #[test]
    fn a_wrong_length_is_refused_with_its_count() {
        assert_eq!(check("9135010"), Err(CodeError::Length(7)));
        assert_eq!(check(""), Err(CodeError::Length(0)));
        assert_eq!(
            check("91350100M000100Y431"),
            Err(CodeError::Length(19)),
            "one too many"
        );
        assert!(
            check("9135010")
                .unwrap_err()
                .to_string()
                .contains("7 characters")
        );
    }

    #[test]
    fn letters_never_used_are_refused_with_their_place() {
        assert_eq!(
            check("91350100I000100Y43"),
            Err(CodeError::Character {
                position: 9,
                found: 'I'
            })
        );
        assert_eq!(
            check("9135010０M000100Y43"),
            Err(CodeError::Character {
                position: 8,
                found: '０'
            }),
            "a full-width digit"
        );
        assert_eq!(
            check("91350100m000100Y43"),
            Err(CodeError::LowerCase {
                position: 9,
                found: 'm'
            })
        );
    }

    #[test]
    fn the_division_code_is_six_digits() {
        let code = complete("913501A0M000100Y4");
        assert_eq!(
            check(&code),
            Err(CodeError::Division {
                position: 7,
                found: 'A'
            })
        );
    }

    #[test]
    fn a_mistyped_character_is_caught_by_the_check_digit() {
        assert_eq!(
            check("91350100M000100Y44"),
            Err(CodeError::CheckDigit {
                found: '4',
                expected: '3'
            })
        );
        // Two neighbours swapped.
        let err = check("91351000M000100Y43").unwrap_err();
        assert!(matches!(err, CodeError::CheckDigit { .. }), "{err}");
        assert!(err.to_string().contains("mistyped"));
    }
}

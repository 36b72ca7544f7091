//! CSV writing shared by every export: the delimiter, the optional byte-order mark, and the
//! guards against formula injection: a cell that starts like a formula is prefixed with `'`,
//! and a cell holding either list separator (`,` or `;`) is quoted whatever the delimiter, so
//! that a spreadsheet splitting at the other one (Excel where `;` is the list separator) still
//! reads one cell and never a formula after the separator.

use std::borrow::Cow;

use super::Field;

/// How a CSV file is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CsvOptions {
    /// An ASCII field delimiter; `,` by default, `;` where Excel expects it.
    pub delimiter: u8,
    /// Start with a UTF-8 byte-order mark, so that Excel and WPS read Chinese correctly.
    pub bom: bool,
}

impl Default for CsvOptions {
    fn default() -> Self {
        Self {
            delimiter: b',',
            bom: false,
        }
    }
}

/// A text cell made harmless for spreadsheets: one that begins with `=`, `+`, `-`, `@`, a tab
/// or a carriage return is prefixed with `'`, so it is not read as a formula.
pub fn guard(s: &str) -> Cow<'_, str> {
    if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        Cow::Owned(format!("'{s}"))
    } else {
        Cow::Borrowed(s)
    }
}

/// How a field is written in CSV.
pub fn cell(f: &Field) -> Cow<'_, str> {
    match f {
        Field::Text(s) => guard(s),
        Field::Fixed2(x) | Field::Share(x) => Cow::Owned(format!("{x:.2}")),
        Field::Number(x) => Cow::Owned(x.to_string()),
        Field::Empty => Cow::Borrowed(""),
    }
}

/// A cell as written: in quotes (inner quotes doubled) where it holds the delimiter, a quote,
/// a line break or either list separator, else as it is.
fn quoted(s: &str, delimiter: u8) -> Cow<'_, str> {
    let special = |b: u8| matches!(b, b'"' | b'\n' | b'\r' | b',' | b';') || b == delimiter;
    if s.bytes().any(special) {
        Cow::Owned(format!("\"{}\"", s.replace('"', "\"\"")))
    } else {
        Cow::Borrowed(s)
    }
}

/// Writes a header and rows as CSV bytes.
pub fn write_csv<I>(header: &[String], rows: I, opts: CsvOptions) -> Result<Vec<u8>, ::csv::Error>
where
    I: IntoIterator<Item = Vec<Field>>,
{
    let mut buf = header_bytes(header, opts)?;
    buf.extend(row_bytes(rows, opts.delimiter)?);
    Ok(buf)
}

/// The first line of a CSV file: the byte-order mark if asked, and the header.
pub fn header_bytes(header: &[String], opts: CsvOptions) -> Result<Vec<u8>, ::csv::Error> {
    let mut buf = Vec::new();
    if opts.bom {
        buf.extend_from_slice("\u{feff}".as_bytes());
    }
    let mut w = writer(buf, opts.delimiter);
    w.write_record(
        header
            .iter()
            .map(|h| quoted(&guard(h), opts.delimiter).into_owned()),
    )?;
    w.into_inner().map_err(|e| e.into_error().into())
}

/// Rows as CSV lines, to follow a header (so that parts of a file can be made apart).
pub fn row_bytes<I>(rows: I, delimiter: u8) -> Result<Vec<u8>, ::csv::Error>
where
    I: IntoIterator<Item = Vec<Field>>,
{
    let mut w = writer(Vec::new(), delimiter);
    for row in rows {
        for f in &row {
            w.write_field(quoted(&cell(f), delimiter).as_bytes())?;
        }
        w.write_record(std::iter::empty::<&[u8]>())?;
    }
    w.into_inner().map_err(|e| e.into_error().into())
}

/// A CSV writer that leaves quoting to [`quoted`].
fn writer(buf: Vec<u8>, delimiter: u8) -> ::csv::Writer<Vec<u8>> {
    ::csv::WriterBuilder::new()
        .delimiter(delimiter)
        .quote_style(::csv::QuoteStyle::Never)
        .from_writer(buf)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_starts_are_guarded_and_others_kept() {
        for s in ["=1+1", "+86 533", "-3", "@SUM(A1)", "\tx", "\rx"] {
            assert_eq!(guard(s), format!("'{s}"));
        }
        for s in ["淄博", "3-4", "a=b", ""] {
            assert_eq!(guard(s), s);
        }
    }

    #[test]
    fn a_cell_holding_either_separator_is_quoted_whatever_the_delimiter() {
        let rows = || {
            vec![vec![
                Field::Text("Firm;=1+1".into()),
                Field::Text("a,b".into()),
                Field::Text("say \"hi\"\nthere".into()),
                Field::Text("plain".into()),
                Field::Fixed2(2.5),
            ]]
        };
        for delimiter in [b',', b';', b'\t'] {
            let out = row_bytes(rows(), delimiter).unwrap();
            let d = delimiter as char;
            assert_eq!(
                String::from_utf8(out).unwrap(),
                format!("\"Firm;=1+1\"{d}\"a,b\"{d}\"say \"\"hi\"\"\nthere\"{d}plain{d}2.50\n")
            );
        }
        // Read back by a CSV reader, every cell is whole.
        let out = write_csv(&["a".into(), "b;c".into()], rows(), CsvOptions::default()).unwrap();
        let mut r = ::csv::ReaderBuilder::new()
            .flexible(true)
            .from_reader(out.as_slice());
        assert_eq!(&r.headers().unwrap()[1], "b;c");
        let row = r.records().next().unwrap().unwrap();
        assert_eq!(&row[0], "Firm;=1+1");
        assert_eq!(&row[2], "say \"hi\"\nthere");
    }

    #[test]
    fn numbers_are_not_guarded_and_scores_have_two_decimals() {
        assert_eq!(cell(&Field::Fixed2(-2.5)), "-2.50");
        assert_eq!(cell(&Field::Number(56.0)), "56");
        assert_eq!(cell(&Field::Number(0.5)), "0.5");
        assert_eq!(cell(&Field::Text("-2".into())), "'-2");
    }
}

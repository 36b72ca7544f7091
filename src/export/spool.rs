//! Rows put aside in a temporary file until what completes them is known — the columns of
//! every questionnaire version read, the follow-ups of every visit — so that an export holds
//! a batch of assessments in memory, never the whole cohort's rows.

use std::fs::File;
use std::io::{self, BufReader, BufWriter, Read, Seek, Write};

use super::Field;

/// Rows, each with a number saying what it belongs to, written to a temporary file (removed
/// when the spool is dropped) and read back in the order written.
pub struct Spool {
    out: BufWriter<File>,
    rows: u64,
}

impl Spool {
    pub fn new() -> io::Result<Spool> {
        Ok(Spool {
            out: BufWriter::new(tempfile::tempfile()?),
            rows: 0,
        })
    }

    /// How many rows were put aside.
    pub fn len(&self) -> u64 {
        self.rows
    }

    pub fn is_empty(&self) -> bool {
        self.rows == 0
    }

    /// Puts a row aside, with its `tag`.
    pub fn push(&mut self, tag: u32, row: &[Field]) -> io::Result<()> {
        let w = &mut self.out;
        w.write_all(&tag.to_le_bytes())?;
        w.write_all(&(row.len() as u32).to_le_bytes())?;
        for field in row {
            match field {
                Field::Text(s) => {
                    w.write_all(&[0])?;
                    w.write_all(&(s.len() as u64).to_le_bytes())?;
                    w.write_all(s.as_bytes())?;
                }
                Field::Fixed2(x) => number(w, 1, *x)?,
                Field::Share(x) => number(w, 2, *x)?,
                Field::Number(x) => number(w, 3, *x)?,
                Field::Empty => w.write_all(&[4])?,
            }
        }
        self.rows += 1;
        Ok(())
    }

    /// The rows put aside, in the order written, each with its tag.
    pub fn rows(self) -> io::Result<Rows> {
        let mut file = self.out.into_inner().map_err(|e| e.into_error())?;
        file.rewind()?;
        Ok(Rows {
            input: BufReader::new(file),
            left: self.rows,
        })
    }
}

fn number(w: &mut impl Write, kind: u8, x: f64) -> io::Result<()> {
    w.write_all(&[kind])?;
    w.write_all(&x.to_le_bytes())
}

/// The rows of a [`Spool`], read back.
pub struct Rows {
    input: BufReader<File>,
    left: u64,
}

impl Rows {
    fn bytes<const N: usize>(&mut self) -> io::Result<[u8; N]> {
        let mut b = [0; N];
        self.input.read_exact(&mut b)?;
        Ok(b)
    }

    fn row(&mut self) -> io::Result<(u32, Vec<Field>)> {
        let tag = u32::from_le_bytes(self.bytes()?);
        let n = u32::from_le_bytes(self.bytes()?) as usize;
        let mut row = Vec::with_capacity(n);
        for _ in 0..n {
            let [kind] = self.bytes()?;
            let field = match kind {
                0 => {
                    let len = u64::from_le_bytes(self.bytes()?) as usize;
                    let mut text = vec![0; len];
                    self.input.read_exact(&mut text)?;
                    Field::Text(String::from_utf8(text).map_err(io::Error::other)?)
                }
                1 => Field::Fixed2(f64::from_le_bytes(self.bytes()?)),
                2 => Field::Share(f64::from_le_bytes(self.bytes()?)),
                3 => Field::Number(f64::from_le_bytes(self.bytes()?)),
                _ => Field::Empty,
            };
            row.push(field);
        }
        Ok((tag, row))
    }
}

impl Iterator for Rows {
    type Item = io::Result<(u32, Vec<Field>)>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.left == 0 {
            return None;
        }
        self.left -= 1;
        Some(self.row())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_come_back_as_they_were_put_aside() {
        let rows = [
            (
                7,
                vec![
                    Field::Text("企业 \"a\"\n".into()),
                    Field::Fixed2(2.5),
                    Field::Share(0.25),
                    Field::Number(-3.0),
                    Field::Empty,
                ],
            ),
            (0, vec![]),
            (u32::MAX, vec![Field::Text(String::new())]),
        ];
        let mut spool = Spool::new().unwrap();
        for (tag, row) in &rows {
            spool.push(*tag, row).unwrap();
        }
        assert_eq!(spool.len(), 3);
        let back: Vec<(u32, Vec<Field>)> = spool.rows().unwrap().map(Result::unwrap).collect();
        assert_eq!(back, rows);
    }
}

//! Bytes → text, shared by the readers and by `validate`.
//!
//! colloquy reads text, and says so precisely when it is handed something else: UTF-8
//! (a byte-order mark is dropped) is the norm; UTF-16 with a byte-order mark (what
//! Windows editors save as "Unicode") is decoded, because refusing a file whose
//! encoding is stated in its first two bytes would only cost the user a round trip;
//! images, PDFs and office documents are named by their magic numbers so the error can
//! say what the file is, and any other file with NUL bytes is binary. Everything else
//! that is not UTF-8 is an error at the first bad byte — the encoding is never guessed.

use std::borrow::Cow;

/// Why bytes are not text colloquy can read. Offsets are byte offsets into the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DecodeError {
    /// A known binary format (`kind` names it, e.g. "a PNG image"), or binary data with
    /// a NUL byte at `offset`.
    Binary { kind: &'static str, offset: usize },
    /// Not valid UTF-8 from this byte on.
    NotUtf8 { offset: usize },
    /// A UTF-16 file (by its byte-order mark) with an unpaired surrogate here.
    BadUtf16 { offset: usize },
}

impl DecodeError {
    /// The byte offset the error points at.
    pub fn offset(&self) -> usize {
        match self {
            DecodeError::Binary { offset, .. }
            | DecodeError::NotUtf8 { offset }
            | DecodeError::BadUtf16 { offset } => *offset,
        }
    }
}

/// Magic numbers of the binary files users most often hand a text tool by mistake.
const MAGIC: &[(&[u8], &str)] = &[
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xFF\xD8\xFF", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"%PDF-", "a PDF document"),
    (
        b"PK\x03\x04",
        "a ZIP archive (as .docx, .odt and .epub files are)",
    ),
    (
        b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1",
        "a legacy Microsoft Office document (.doc)",
    ),
    (b"{\\rtf", "an RTF document"),
    (b"\x1F\x8B", "a gzip archive"),
];

/// Decodes a file's bytes into text, or says why they are not text.
pub fn decode(bytes: &[u8]) -> Result<Cow<'_, str>, DecodeError> {
    if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        return utf16(rest, 2, u16::from_le_bytes);
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        return utf16(rest, 2, u16::from_be_bytes);
    }
    if let Some((_, kind)) = MAGIC.iter().find(|(m, _)| bytes.starts_with(m)) {
        return Err(DecodeError::Binary { kind, offset: 0 });
    }
    if let Some(offset) = bytes.iter().position(|&b| b == 0) {
        return Err(DecodeError::Binary {
            kind: "binary data",
            offset,
        });
    }
    let bom = if bytes.starts_with(b"\xEF\xBB\xBF") {
        3
    } else {
        0
    };
    std::str::from_utf8(&bytes[bom..])
        .map(Cow::Borrowed)
        .map_err(|e| DecodeError::NotUtf8 {
            offset: bom + e.valid_up_to(),
        })
}

fn utf16(rest: &[u8], bom: usize, unit: fn([u8; 2]) -> u16) -> Result<Cow<'_, str>, DecodeError> {
    let units = rest
        .chunks(2)
        .map(|c| unit([c[0], *c.get(1).unwrap_or(&0)]));
    let mut out = String::with_capacity(rest.len() / 2);
    let mut at = bom;
    for c in char::decode_utf16(units) {
        match c {
            Ok(c) => {
                out.push(c);
                at += 2 * c.len_utf16();
            }
            Err(_) => return Err(DecodeError::BadUtf16 { offset: at }),
        }
    }
    if rest.len() % 2 == 1 {
        return Err(DecodeError::BadUtf16 {
            offset: bom + rest.len() - 1,
        });
    }
    Ok(Cow::Owned(out))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_with_or_without_bom() {
        assert_eq!(decode(b"Q: Hi?").unwrap(), "Q: Hi?");
        assert_eq!(decode(b"\xEF\xBB\xBFQ: Hi?").unwrap(), "Q: Hi?");
        assert_eq!(
            decode(b"\xEF\xBB\xBFab\xFFc"),
            Err(DecodeError::NotUtf8 { offset: 5 })
        );
    }

    #[test]
    fn utf16_by_its_byte_order_mark() {
        let le: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("Hỏi: Vì sao? 🐝".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        assert_eq!(decode(&le).unwrap(), "Hỏi: Vì sao? 🐝");
        let be: Vec<u8> = [0xFE, 0xFF]
            .into_iter()
            .chain("Frage: Warum?".encode_utf16().flat_map(u16::to_be_bytes))
            .collect();
        assert_eq!(decode(&be).unwrap(), "Frage: Warum?");
        // An unpaired high surrogate after "A".
        assert_eq!(
            decode(&[0xFF, 0xFE, b'A', 0, 0x00, 0xD8, b'B', 0]),
            Err(DecodeError::BadUtf16 { offset: 4 })
        );
        assert_eq!(
            decode(&[0xFF, 0xFE, b'A', 0, b'B']),
            Err(DecodeError::BadUtf16 { offset: 4 })
        );
    }

    #[test]
    fn binary_files_are_named() {
        let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
        assert_eq!(
            decode(png),
            Err(DecodeError::Binary {
                kind: "a PNG image",
                offset: 0
            })
        );
        assert!(matches!(
            decode(b"PK\x03\x04\x14\0"),
            Err(DecodeError::Binary { kind, .. }) if kind.contains(".docx")
        ));
        assert_eq!(
            decode(b"text\0more"),
            Err(DecodeError::Binary {
                kind: "binary data",
                offset: 4
            })
        );
    }
}

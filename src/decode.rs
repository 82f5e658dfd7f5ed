//! Bytes → text, shared by the readers and by `validate`.
//!
//! colloquy reads text, and says so precisely when it is handed something else: UTF-8
//! (a byte-order mark is dropped) is the norm; UTF-16 with a byte-order mark (what
//! Windows editors save as "Unicode") is decoded, because refusing a file whose
//! encoding is stated in its first two bytes would only cost the user a round trip;
//! images, PDFs and office documents are named by their magic numbers so the error can
//! say what the file is. UTF-16 saved without a byte-order mark is told by the NUL
//! bytes of its ASCII (a fact of the bytes, not a guess among 8-bit code pages); any
//! other file with NUL bytes is binary. Everything else that is not UTF-8 is an error at
//! the first bad byte — an 8-bit encoding is never guessed.

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
    if let Some(unit) = utf16_without_bom(bytes) {
        if let Ok(text) = utf16(bytes, 0, unit) {
            if !text
                .chars()
                .any(|c| c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\x0c'))
            {
                return Ok(text);
            }
        }
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

/// UTF-16 saved without a byte-order mark, told by the NUL pattern of its ASCII: in the
/// first 1 024 code units (at least four), nearly every unit has a zero high byte and a
/// non-zero low byte, and no unit is NUL. Text in a non-Latin script has few ASCII units
/// and is not detected (it stays a "binary data" error); the decoded text must also be
/// free of control characters, so binary data with the same pattern stays binary.
fn utf16_without_bom(bytes: &[u8]) -> Option<fn([u8; 2]) -> u16> {
    if bytes.len() < 8 || bytes.len() % 2 == 1 {
        return None;
    }
    let units = bytes.chunks_exact(2).take(1024);
    let n = units.len();
    let (mut le, mut be) = (0, 0);
    for c in units {
        if c == [0, 0] {
            return None;
        }
        le += usize::from(c[1] == 0 && c[0] != 0);
        be += usize::from(c[0] == 0 && c[1] != 0);
    }
    // 90 % of units: ASCII text with some accented letters or punctuation.
    if le * 10 >= n * 9 {
        Some(u16::from_le_bytes)
    } else if be * 10 >= n * 9 {
        Some(u16::from_be_bytes)
    } else {
        None
    }
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
    relabel_xml_declaration(&mut out);
    Ok(Cow::Owned(out))
}

/// An XML file saved as UTF-16 says so in its declaration (`encoding="UTF-16"`); once
/// decoded, the text is UTF-8, and an XML parser handed it would call the file
/// mislabelled. The label is rewritten to `UTF-8`, padded with spaces inside the
/// declaration so no column after it moves.
fn relabel_xml_declaration(text: &mut String) {
    if !text.starts_with("<?xml") {
        return;
    }
    let Some(end) = text.find("?>") else { return };
    let decl = &text[..end];
    let Some(at) = decl.find("encoding") else {
        return;
    };
    let after = &decl[at + "encoding".len()..];
    let Some(eq) = after.find('=') else { return };
    let value = after[eq + 1..].trim_start();
    let Some(q) = value.chars().next().filter(|c| matches!(c, '"' | '\'')) else {
        return;
    };
    let Some(len) = value[1..].find(q) else {
        return;
    };
    let label = &value[1..1 + len];
    if !label.to_ascii_uppercase().starts_with("UTF-16") {
        return;
    }
    let start = decl.len() - value.len() + 1;
    let replacement = format!("UTF-8{q}{}", " ".repeat(label.len() - "UTF-8".len()));
    text.replace_range(start..start + len + 1, &replacement);
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
    fn a_utf16_xml_declaration_says_utf8_once_decoded() {
        let xml = "<?xml version=\"1.0\" encoding=\"UTF-16\"?>\n<a/>";
        let bytes: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain(xml.encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        assert_eq!(
            decode(&bytes).unwrap(),
            "<?xml version=\"1.0\" encoding=\"UTF-8\" ?>\n<a/>"
        );
    }

    #[test]
    fn utf16_without_bom_by_the_nul_pattern_of_its_ascii() {
        let text = "Q: Warum gerade Köln?\nA: Wegen des Doms.\n";
        let le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
        let be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
        assert_eq!(decode(&le).unwrap(), text);
        assert_eq!(decode(&be).unwrap(), text);
        // Binary data with NULs in every other byte but control characters stays binary.
        assert!(matches!(
            decode(&[1, 0, 2, 0, 3, 0, 4, 0, 5, 0]),
            Err(DecodeError::Binary { .. })
        ));
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

//! CSV manifests: one row per input, BOM, quoted multi-line cells, `;` lists, lookup by
//! input path, and every way a manifest can be wrong, with row and column.

use colloquy::meta::{Manifest, MetaError};
use colloquy::model::PubDate;
use std::path::Path;

const DIR: &str = "tests/fixtures/meta/collection";

#[test]
fn a_manifest_with_bom_and_multiline_cells_loads_and_rows_are_found_by_input() {
    let m = Manifest::load(&Path::new(DIR).join("manifest.csv")).unwrap();
    assert_eq!(m.rows.len(), 2);
    let row = m
        .row_for(&Path::new(DIR).join("texts/mekong.txt"))
        .expect("row for mekong");
    // The header is row 1; this row starts on line 2 and its description spans two lines.
    assert_eq!((row.row, row.line), (2, 2));
    let r = &row.record;
    assert_eq!(r.file, "texts/mekong.txt");
    assert_eq!(r.headline.as_deref(), Some("Mekong, nadi kami"));
    assert_eq!(
        r.description.as_deref(),
        Some("Baris pertama.\nBaris kedua, dengan \"kutipan\".")
    );
    assert_eq!(
        r.date_published.as_ref().unwrap().0,
        PubDate::DateTime("2026-05-12T09:30:00+07:00".into())
    );
    // The second row starts on line 4 because the first row's cell spans two lines.
    let knapper = m
        .row_for(&Path::new(DIR).join("texts/../texts/knapper.txt"))
        .expect("path spelled differently");
    assert_eq!((knapper.row, knapper.line), (3, 4));
    assert_eq!(knapper.record.language, None, "an empty cell is not given");
    assert!(m.row_for(Path::new("elsewhere.txt")).is_none());
    // The first column is found although the file starts with a BOM.
    let inputs = vec![Path::new(DIR).join("texts/mekong.txt")];
    let missing: Vec<usize> = m.rows_not_in(&inputs).iter().map(|r| r.row).collect();
    assert_eq!(missing, vec![3]);
}

fn err(csv: &str) -> String {
    match Manifest::parse("m.csv", Path::new("."), csv.as_bytes()) {
        Ok(m) => panic!("accepted: {:?}", m.rows),
        Err(e) => e.to_string(),
    }
}

#[test]
fn bad_quoting_is_an_error_at_its_line_and_column() {
    let m = err("file,headline\na.txt,Kata \"kunci\" di sini\n");
    assert_eq!(
        m,
        "m.csv:2:12: a quote inside an unquoted cell; put the whole cell in quotes and double the quote (\"\")"
    );
    let m = err("file,headline\na.txt,\"Judul\" lagi\n");
    assert!(
        m.starts_with("m.csv:2:14: text after the closing quote"),
        "{m}"
    );
    let m = err("file,headline\na.txt,\"Judul\nb.txt,x\n");
    assert!(
        m.starts_with("m.csv:2:7: this quoted cell is never closed"),
        "{m}"
    );
}

#[test]
fn unknown_and_missing_columns_are_errors_that_list_the_known_ones() {
    let m = err("file,headlne\na.txt,x\n");
    assert!(
        m.starts_with("m.csv:1: unknown column 'headlne' (header field 2) (did you mean 'headline'?); the known columns are: file, headline, alternative_headline,"),
        "{m}"
    );
    assert!(
        m.contains("image_urls, image_credits, image_photographers"),
        "{m}"
    );
    let m = err("file,image_photographer\na.txt,x\n");
    assert!(
        m.contains("unknown column 'image_photographer' (header field 2) (did you mean 'image_photographers'?)"),
        "{m}"
    );
    let m = err("name,headline\na.txt,x\n");
    assert!(m.contains("unknown column 'name'"), "{m}");
    let m = err("headline\nx\n");
    assert_eq!(
        m,
        "m.csv:1: no 'file' column; the header needs a column named 'file' giving each row's input, relative to the manifest (header has: headline)"
    );
}

#[test]
fn bad_values_name_the_row_and_column() {
    let m = err("file,headline,date_published\na.txt,x,2026-05-12\nb.txt,y,2026-05-12 09:30\n");
    assert!(
        m.starts_with("m.csv: row 3 (line 3), column 'date_published': '2026-05-12 09:30' has a time but no UTC offset"),
        "{m}"
    );
    let m = err("file,language\na.txt,Bahasa Indonesia\n");
    assert!(
        m.starts_with(
            "m.csv: row 2 (line 2), column 'language': 'Bahasa Indonesia' is not a BCP 47"
        ),
        "{m}"
    );
    let m = err("file,identifiers\na.txt,doi=10.1/x;isbn\n");
    assert!(m.starts_with("m.csv: row 2 (line 2), column 'identifiers': 'isbn' is not an identifier; write it as scheme=value"), "{m}");
    let m = err("file,interviewees,interviewee_job_titles\na.txt,A,T1;T2\n");
    assert!(
        m.contains("column 'interviewee_job_titles': 2 items for 1 name(s)"),
        "{m}"
    );
    let m = err("file,headline\na.txt,x\n./a.txt,y\n");
    assert!(
        m.contains("row 3 (line 3), column 'file': './a.txt' is already described by row 2"),
        "{m}"
    );
    let m = err("file,headline\n,x\n");
    assert!(
        m.contains("row 2 (line 2), column 'file': the file cell is empty"),
        "{m}"
    );
    let m = err("file,headline\na.txt,x,extra\n");
    assert!(
        m.starts_with("m.csv:2:1: this row has 3 fields but the header has 2"),
        "{m}"
    );
}

#[test]
fn image_photographers_are_a_list_by_photo_position() {
    let csv = "file,image_credits,image_photographers\na.txt,Reuters;AFP,\"Jane Roe ; \"\n";
    let m = Manifest::parse("m.csv", Path::new("."), csv.as_bytes()).unwrap();
    let r = &m.rows[0].record;
    assert_eq!(
        colloquy::meta::manifest::split_list(r.image_photographers.as_deref().unwrap()),
        ["Jane Roe", ""]
    );
}

#[test]
fn a_manifest_that_is_not_utf8_says_so() {
    let e =
        Manifest::parse("m.csv", Path::new("."), b"file,headline\na.txt,caf\xe9\n").unwrap_err();
    assert!(matches!(e, MetaError::Csv { line: 2, .. }), "{e}");
    assert!(e.to_string().contains("not valid UTF-8"));
}

#[test]
fn crlf_line_ends_are_read_and_dropped_from_multiline_cells() {
    let csv = "file,headline,description\r\na.txt,\"Satu, dua\",\"Baris 1\r\nBaris 2\"\r\nb.txt,Tiga,\r\n";
    let m = Manifest::parse("m.csv", Path::new("/data"), csv.as_bytes()).unwrap();
    assert_eq!(m.rows.len(), 2);
    assert_eq!(m.rows[0].record.headline.as_deref(), Some("Satu, dua"));
    assert_eq!(
        m.rows[0].record.description.as_deref(),
        Some("Baris 1\nBaris 2")
    );
    assert_eq!((m.rows[1].row, m.rows[1].line), (3, 4));
    assert!(m.row_for(Path::new("/data/b.txt")).is_some());
}

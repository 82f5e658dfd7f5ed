//! Does 10× the input cost ≤ 10× the time? Issue #10 found quadratic paths (a long
//! transcript, a deep document, a large manifest, a page of many JSON-LD blocks; later
//! a text of paragraphs with no question and `inspect` of a long transcript; issue #11 a
//! bar layout after a long head, and HTML pages of many lines); this
//! prints, for each, the time at 1× and 10× and their ratio. Measured, never asserted
//! (a noisy 2-core VM varies by up to 2×): a ratio near 10 is linear, near 100 quadratic.
//!
//! `cargo bench --bench scaling` (release build; `-- quick` for smaller sizes, `-- WORD`
//! for the cases whose label holds WORD).

use colloquy::check::Checker;
use colloquy::meta::Manifest;
use colloquy::pipeline;
use std::path::Path;
use std::time::Instant;

/// The best of `runs` timings of `f`, in seconds (the minimum is the least noisy).
fn best(runs: usize, mut f: impl FnMut()) -> f64 {
    (0..runs)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed().as_secs_f64()
        })
        .fold(f64::INFINITY, f64::min)
}

fn row(label: &str, n: usize, one: f64, ten: f64) {
    println!(
        "{label:<44} {n:>8} → {:>8}: {:>9.4} s → {:>9.4} s   ratio {:>6.1}",
        n * 10,
        one,
        ten,
        ten / one
    );
}

fn scale(label: &str, n: usize, runs: usize, make: impl Fn(usize) -> Vec<u8>, run: impl Fn(&[u8])) {
    // `cargo bench --bench scaling -- manifest` runs the cases whose label holds a word.
    let filters: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with('-') && a != "quick")
        .collect();
    if !filters.is_empty() && !filters.iter().any(|f| label.contains(f.as_str())) {
        return;
    }
    let (small, large) = (make(n), make(n * 10));
    let one = best(runs, || run(&small));
    let ten = best(runs, || run(&large));
    row(label, n, one, ten);
}

fn main() {
    let quick = std::env::args().any(|a| a == "quick");
    let k = if quick { 1 } else { 2 };
    let checker = Checker::new(None).expect("bundled schemas");

    println!(
        "{:<44} {:>8}   {:>8}  {:>11}   {:>11}",
        "case (size unit)", "1×", "10×", "time 1×", "time 10×"
    );
    scale(
        "transcript `Q: x?\\nA: y.\\n` (exchanges)",
        4000 * k,
        1,
        |n| "Q: x?\nA: y.\n".repeat(n).into_bytes(),
        |b| {
            let _ = std::hint::black_box(pipeline::read("t.txt", b));
        },
    );
    scale(
        // A bar layout's name-line rule searched the whole text once per line: a page
        // of many lines before the interview was quadratic (issue #11).
        "bar layout after a long head (lines)",
        2000 * k,
        1,
        |n| {
            let mut s = "Menu | News | About\n\n".repeat(n);
            s.push_str("──\nどうしてですか。\n松家\n松家仁之です。はい。\n");
            s.into_bytes()
        },
        |b| {
            let _ = std::hint::black_box(pipeline::read("t.txt", b));
        },
    );
    scale(
        "HTML page with lines of markup (lines)",
        2000 * k,
        1,
        |n| {
            let mut s = String::from("<!DOCTYPE html><html><body><nav><ul>\n");
            s.push_str(&"  <li class=\"menu\"><a href=\"/x\">Section</a></li>\n".repeat(n));
            s.push_str("</ul></nav><script>\n");
            s.push_str(&"  if (a < b) { x = \"<p>no</p>\"; }\n".repeat(n));
            s.push_str("</script><p>Q: Why?</p><p>A: Because.</p></body></html>\n");
            s.into_bytes()
        },
        |b| {
            let _ = std::hint::black_box(pipeline::read("p.html", b));
        },
    );
    scale(
        "1-line paragraphs (paragraphs)",
        10_000 * k,
        1,
        |n| {
            (0..n)
                .map(|i| format!("Line {i} of the talk.\n\n"))
                .collect::<String>()
                .into_bytes()
        },
        |b| {
            let _ = std::hint::black_box(pipeline::read("p.txt", b));
        },
    );
    scale(
        "inspect a transcript (exchanges)",
        4000 * k,
        1,
        |n| "Q: x?\nA: y.\n".repeat(n).into_bytes(),
        |b| {
            let (text, iv) = pipeline::read("t.txt", b).expect("a transcript reads");
            let _ = std::hint::black_box(colloquy::inspect::render_human(&iv, &text));
        },
    );
    scale(
        "validate XML nested deep (levels)",
        8000 * k,
        5,
        |n| {
            let mut s = String::from("<newsItem xmlns=\"http://iptc.org/std/nar/2006-10-01/\">");
            s.push_str(&"<a>".repeat(n));
            s.push_str(&"</a>".repeat(n));
            s.push_str("</newsItem>");
            s.into_bytes()
        },
        |b| {
            let _ = std::hint::black_box(checker.check("deep.xml", b));
        },
    );
    scale(
        "validate JSON nested deep (levels)",
        10_000 * k,
        5,
        |n| format!("{}{}", "[".repeat(n), "]".repeat(n)).into_bytes(),
        |b| {
            let _ = std::hint::black_box(checker.check("deep.jsonld", b));
        },
    );
    scale(
        "manifest (rows)",
        2000 * k,
        5,
        |n| {
            let mut s = String::from("file,headline,date_published\n");
            for i in 0..n {
                s.push_str(&format!("i{i}.txt,\"Headline {i}\",2024-05-12\n"));
            }
            s.into_bytes()
        },
        |b| {
            let _ = std::hint::black_box(Manifest::parse("m.csv", Path::new(""), b));
        },
    );
    scale(
        "validate HTML with ld+json blocks (blocks)",
        1000 * k,
        3,
        |n| {
            let block = r#"<script type="application/ld+json">{"@context":"https://schema.org","@type":"Thing","name":"x"}</script>"#;
            format!(
                "<!DOCTYPE html><html><head><title>t</title>{}</head><body></body></html>",
                block.repeat(n)
            )
            .into_bytes()
        },
        |b| {
            let _ = std::hint::black_box(checker.check("p.html", b));
        },
    );
}

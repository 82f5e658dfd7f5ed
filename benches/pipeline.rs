//! Throughput of each stage on the bundled samples and the seed, measured, not asserted.
//!
//! `cargo bench --bench pipeline` prints microseconds per document for each stage:
//! decoding; reading (decode + recognize + infer) and reading with the language given,
//! so not detected (read − given = language detection, given − decode = recognizing);
//! writing and checking JSON-LD and NewsML-G2 apart; then writing + checking each output:
//! JSON-LD, NewsML-G2 (the libxml2 XSD validation dominates), the HTML page (its JSON-LD
//! is written and checked too), Dublin Core and OHMS (XSD-checked), and reading the OHMS
//! samples of ../shared when present. Then reading long generated transcripts (labelled
//! `Q:`/`A:` lines, and unlabelled question/answer paragraphs) at 1×, 2×, 4× and 10× a
//! base length, in µs per KB: a reader linear in its input prints about the same number
//! at every size. Numbers on a noisy 2-core VM vary by up to 2×; compare runs on one
//! machine only.

use colloquy::check::Checker;
use colloquy::pipeline::{self, ConvertOptions, OutputFormat, VersionCreated};
use colloquy::write::{self, WriteContext};
use std::time::{Duration, Instant};

fn inputs() -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    let mut paths: Vec<_> = std::fs::read_dir("samples")
        .expect("run from the crate root")
        .map(|e| e.unwrap().path())
        .collect();
    paths.sort();
    // The seed lives in ../shared (reference material beside the repository): without
    // it the benchmark runs on the samples alone, and says so.
    let seed = std::path::PathBuf::from("../shared/seeds/000_197680a15b8fd6ec.txt");
    if seed.is_file() {
        paths.push(seed);
    } else {
        eprintln!("note: ../shared/seeds absent; benchmarking the samples only");
    }
    for p in paths {
        let bytes = std::fs::read(&p).expect("a listed input is readable");
        out.push((p.display().to_string(), bytes));
    }
    out
}

fn measure(label: &str, docs: usize, mut f: impl FnMut()) {
    // Warm up, then run for at least a second.
    f();
    let start = Instant::now();
    let mut rounds = 0u32;
    while start.elapsed() < Duration::from_secs(1) {
        f();
        rounds += 1;
    }
    let per_doc = start.elapsed().as_secs_f64() * 1e6 / f64::from(rounds) / docs as f64;
    println!("{label:<34} {per_doc:>10.1} µs/doc  ({rounds} rounds × {docs} docs)");
}

fn main() {
    let inputs = inputs();
    let n = inputs.len();
    let checker = Checker::new(None).expect("bundled schemas");
    let read: Vec<_> = inputs
        .iter()
        .filter_map(|(name, bytes)| pipeline::read(name, bytes).ok().map(|r| (name, r)))
        .collect();
    println!("{} inputs, {} readable", n, read.len());

    measure("decode (bytes → text)", n, || {
        for (name, bytes) in &inputs {
            let _ = std::hint::black_box(colloquy::read::decode(name, bytes));
        }
    });
    measure("read (decode + recognize + infer)", n, || {
        for (name, bytes) in &inputs {
            let _ = std::hint::black_box(pipeline::read(name, bytes));
        }
    });
    // The same with the language given (as --lang, a sidecar or a manifest row give it):
    // the difference is what detecting the language costs.
    let given = colloquy::read::Known { language: true };
    measure("read, the language given", n, || {
        for (name, bytes) in &inputs {
            let text = colloquy::read::decode(name, bytes);
            let _ = std::hint::black_box(
                text.map(|text| colloquy::read::read_knowing(name, &text, given)),
            );
        }
    });
    // Writing and checking apart, for the two formats a batch writes by default.
    let written: Vec<_> = read
        .iter()
        .map(|(_, (text, iv))| {
            let ctx = WriteContext::new(write::guid(iv, text), "2025-01-01T00:00:00Z");
            let jsonld = write::jsonld::render(iv, &ctx);
            let newsml = write::newsml::news_item(iv, &ctx);
            (iv, ctx, jsonld, newsml)
        })
        .collect();
    let docs = written.len();
    measure("write JSON-LD", docs, || {
        for (iv, ctx, _, _) in &written {
            std::hint::black_box(write::jsonld::render(iv, ctx));
        }
    });
    measure("check JSON-LD", docs, || {
        for (_, _, jsonld, _) in &written {
            std::hint::black_box(checker.check_jsonld(jsonld));
        }
    });
    measure("write NewsML-G2", docs, || {
        for (iv, ctx, _, _) in &written {
            std::hint::black_box(write::newsml::news_item(iv, ctx));
        }
    });
    measure("check NewsML-G2", docs, || {
        for (_, _, _, newsml) in &written {
            std::hint::black_box(checker.check_newsml(newsml));
        }
    });
    for (label, format) in [
        ("write + check JSON-LD", OutputFormat::JsonLd),
        ("write + check NewsML-G2", OutputFormat::NewsMl),
        ("write + check HTML page", OutputFormat::Html),
        ("write + check Dublin Core", OutputFormat::DublinCore),
        ("write + check OHMS", OutputFormat::Ohms),
    ] {
        let options = ConvertOptions {
            formats: vec![format],
            version_created: VersionCreated::Fixed("2025-01-01T00:00:00Z".into()),
            ..Default::default()
        };
        measure(label, read.len(), || {
            for (name, (text, interview)) in &read {
                let r = pipeline::write_checked(name, text, interview.clone(), &options, &checker);
                std::hint::black_box(r.ok());
            }
        });
    }
    // OHMS records (../shared/ohms/samples): read includes the XSD validation of each.
    let mut ohms: Vec<(String, Vec<u8>)> = std::fs::read_dir("../shared/ohms/samples")
        .map(|d| {
            d.filter_map(|e| e.ok().map(|e| e.path()))
                .filter_map(|p| Some((p.display().to_string(), std::fs::read(&p).ok()?)))
                .collect()
        })
        .unwrap_or_default();
    ohms.sort();
    if !ohms.is_empty() {
        measure("read OHMS (XSD check + map)", ohms.len(), || {
            for (name, bytes) in &ohms {
                let _ = std::hint::black_box(pipeline::read(name, bytes));
            }
        });
    }
    scaling();
}

/// Reading time per KB of two long transcript shapes at growing sizes.
fn scaling() {
    let labelled = |n: usize| -> String {
        (0..n)
            .map(|i| {
                format!(
                    "Q: What happened in year {i}?\nA: Much happened in {i}, and more after it.\n"
                )
            })
            .collect()
    };
    let paragraphs = |n: usize| -> String {
        let mut s = String::from("A talk with Bob Stone\n\n");
        for i in 0..n {
            s.push_str(&format!(
                "Why is number {i} here?\n\nBecause {i} came after the one before it.\n\n"
            ));
        }
        s
    };
    let shapes: [(&str, &dyn Fn(usize) -> String); 2] = [
        ("Q:/A: lines", &labelled),
        ("question/answer paragraphs", &paragraphs),
    ];
    for (shape, make) in shapes {
        for times in [1, 2, 4, 10] {
            let text = make(500 * times);
            let kb = text.len() as f64 / 1024.0;
            let start = Instant::now();
            let mut rounds = 0u32;
            while rounds < 2 || start.elapsed() < Duration::from_millis(500) {
                std::hint::black_box(pipeline::read("long.txt", text.as_bytes()).ok());
                rounds += 1;
            }
            let per_kb = start.elapsed().as_secs_f64() * 1e6 / f64::from(rounds) / kb;
            println!(
                "read {shape:<27} {times:>2}× ({kb:>6.0} KB) {per_kb:>8.1} µs/KB  ({rounds} rounds)"
            );
        }
    }
}

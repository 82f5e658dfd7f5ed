//! colloquy's integration tests, in one test binary.
//!
//! Each integration-test file used to be its own binary, and each binary links the whole
//! crate with libxml2 and every dependency: thirty of them took 6 GB of disk and most of
//! CI's link time (a CI machine ran out of disk mid-link). One binary, one module per
//! former file; run one part with `cargo test --test suite <module>`.

mod blind;
mod common;
mod reading;
mod shared;

mod accuracy;
mod archive;
mod batch;
mod batch_scale;
mod bench_script;
mod catalogue;
mod cli;
mod cli_paths;
mod cli_validate;
mod conformance;
mod fuzz_findings;
mod hostile;
mod html_nu;
mod json_schema_generated;
mod meta_apply;
mod meta_end_to_end;
mod meta_manifest;
mod meta_schema;
mod meta_sidecar;
mod newsml_agreement;
mod newsml_official;
mod ohms;
mod read_blind6;
mod read_blind7;
mod read_blind8;
mod read_blind9;
mod read_blind_formats;
mod read_formats;
mod read_inspect;
mod read_longer;
mod read_normalize;
mod read_people;
mod read_real_figures;
mod read_real_head;
mod read_real_people;
mod read_real_turns;
mod read_robust;
mod read_samples;
mod read_shapes;
mod read_variants;
mod readme;
mod report_formats;
mod schema_fresh;
mod validate_html;
mod validate_jsonld;
mod validate_newsml;
mod validate_schemaorg;
mod validate_terms;
mod write_dublin_core;
mod write_html;
mod write_jsonld;
mod write_newsml;
mod xsd_compact;

//! Batches: input discovery, parallel conversion, atomic writes, naming, summary.

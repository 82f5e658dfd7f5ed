//! One input through the whole pipeline: read → infer → meta → write → check.

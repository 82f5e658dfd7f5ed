//! Metadata the text does not carry: sidecars, CSV manifests and command-line flags,
//! merged into the model with precedence flag > sidecar > manifest > text > inference.

//! `colloquy inspect`: the model with where each value came from.

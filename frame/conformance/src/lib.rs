//! Replays the conformance vectors of frame/vectors (format: frame/vectors/README.md) on the
//! FRAME pallets in a native mock runtime, and names the first divergent step with both values.

pub mod mock;
pub mod runner;
mod vector;

pub use runner::{run_vector, vectors_dir, Divergence, Summary};

//! Weights of the Providers calls.
//!
//! The values are the spec's (runtime-specs/dinfra.md), which the TypeScript runtime charges
//! too, so fees are equal on both implementations. `benchmarking.rs` measures the calls
//! (run with `frame-omni-bencher` or `cargo test --features runtime-benchmarks`); every
//! measured ref_time must stay below these values.

use frame_support::weights::Weight;

pub trait WeightInfo {
	fn register() -> Weight;
	fn set_offering() -> Weight;
	fn close_offering() -> Weight;
	fn set_operator() -> Weight;
	fn pause() -> Weight;
	fn resume() -> Weight;
	fn deregister() -> Weight;
	fn register_type() -> Weight;
}

/// The spec's weights (ref_time in picoseconds, no proof size, as the TypeScript runtime).
pub struct SpecWeights;
impl WeightInfo for SpecWeights {
	fn register() -> Weight {
		Weight::from_parts(300_000_000, 0)
	}
	fn set_offering() -> Weight {
		Weight::from_parts(300_000_000, 0)
	}
	fn close_offering() -> Weight {
		Weight::from_parts(200_000_000, 0)
	}
	fn set_operator() -> Weight {
		Weight::from_parts(100_000_000, 0)
	}
	fn pause() -> Weight {
		Weight::from_parts(100_000_000, 0)
	}
	fn resume() -> Weight {
		Weight::from_parts(100_000_000, 0)
	}
	fn deregister() -> Weight {
		Weight::from_parts(500_000_000, 0)
	}
	fn register_type() -> Weight {
		Weight::from_parts(300_000_000, 0)
	}
}

impl WeightInfo for () {
	fn register() -> Weight {
		SpecWeights::register()
	}
	fn set_offering() -> Weight {
		SpecWeights::set_offering()
	}
	fn close_offering() -> Weight {
		SpecWeights::close_offering()
	}
	fn set_operator() -> Weight {
		SpecWeights::set_operator()
	}
	fn pause() -> Weight {
		SpecWeights::pause()
	}
	fn resume() -> Weight {
		SpecWeights::resume()
	}
	fn deregister() -> Weight {
		SpecWeights::deregister()
	}
	fn register_type() -> Weight {
		SpecWeights::register_type()
	}
}

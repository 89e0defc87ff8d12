//! Weights of the Subscriptions calls and hook.
//!
//! The values are the spec's (runtime-specs/dinfra.md), which the TypeScript runtime charges
//! too, so fees are equal on both implementations; `benchmarking.rs` measures the calls.

use crate::types::Target;
use frame_support::weights::Weight;
use pallet_dinfra_providers::types::MAX_OFFERINGS_PER_TYPE;

pub trait WeightInfo {
	/// `n`: offerings the award may read in the worst case.
	fn subscribe(n: u32) -> Weight;
	fn report_status() -> Weight;
	fn top_up() -> Weight;
	fn terminate() -> Weight;
	fn settle() -> Weight;
	/// `n`: agenda entries of the block.
	fn on_initialize(n: u32) -> Weight;
}

/// Offerings `subscribe` may read: 1 for a named provider, the allow-list length for a
/// selector with one, else MaxOfferingsPerType.
pub fn offerings_read(target: &Target) -> u32 {
	match target {
		Target::Provider { .. } => 1,
		Target::Selector { providers: Some(allow), .. } => allow.len() as u32,
		Target::Selector { providers: None, .. } => MAX_OFFERINGS_PER_TYPE,
	}
}

/// The spec's weights (ref_time in picoseconds, no proof size, as the TypeScript runtime).
pub struct SpecWeights;
impl WeightInfo for SpecWeights {
	fn subscribe(n: u32) -> Weight {
		Weight::from_parts(2_000_000_000 + 25_000_000 * n as u64, 0)
	}
	fn report_status() -> Weight {
		Weight::from_parts(1_000_000_000, 0)
	}
	fn top_up() -> Weight {
		Weight::from_parts(500_000_000, 0)
	}
	fn terminate() -> Weight {
		Weight::from_parts(800_000_000, 0)
	}
	fn settle() -> Weight {
		Weight::from_parts(400_000_000, 0)
	}
	fn on_initialize(n: u32) -> Weight {
		// As much as a termination per entry (the costliest entry: Expire, or an AckTimeout
		// that re-awards), plus reading the block's agenda prefix.
		Weight::from_parts(10_000_000 + 2_800_000_000 * n as u64, 0)
	}
}

impl WeightInfo for () {
	fn subscribe(n: u32) -> Weight {
		SpecWeights::subscribe(n)
	}
	fn report_status() -> Weight {
		SpecWeights::report_status()
	}
	fn top_up() -> Weight {
		SpecWeights::top_up()
	}
	fn terminate() -> Weight {
		SpecWeights::terminate()
	}
	fn settle() -> Weight {
		SpecWeights::settle()
	}
	fn on_initialize(n: u32) -> Weight {
		SpecWeights::on_initialize(n)
	}
}

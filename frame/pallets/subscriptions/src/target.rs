//! `Target`, in its own module so that its `providers` and `region` fields are written (and
//! named in the metadata) `BoundedVec` while they decode without the bound (lenient.rs).

use crate::lenient::BoundedVec;
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use pallet_dinfra_providers::types::{AccountId, MaxRegionLen, TypeId};
use scale_info::TypeInfo;

use crate::types::MaxAllowList;

// `providers` and `region` decode without their bound, so `subscribe` can refuse them with its
// own errors (see lenient.rs); in the metadata they are `BoundedVec`s.
#[derive(Encode, Decode, DecodeWithMemTracking, Clone, PartialEq, Eq, Debug, TypeInfo, MaxEncodedLen)]
#[scale_info(replace_segment("target", "types"))]
#[scale_info(capture_docs = "always")]
pub enum Target {
	/// One named provider's offering of a type.
	Provider { provider: AccountId, type_id: TypeId },
	/// Any offering of the type, optionally only from the allow-listed providers, optionally only in a region.
	Selector {
		type_id: TypeId,
		providers: Option<BoundedVec<AccountId, MaxAllowList>>,
		region: Option<BoundedVec<u8, MaxRegionLen>>,
	},
}

impl Target {
	pub fn type_id(&self) -> TypeId {
		match self {
			Target::Provider { type_id, .. } | Target::Selector { type_id, .. } => *type_id,
		}
	}
}


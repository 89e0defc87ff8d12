//! Types of the Providers pallet (runtime-specs/dinfra.md, "Pallet Providers / Types").
//!
//! The types are concrete (AccountId32, u128, u32) and carry exactly the scale-info docs of
//! the TypeScript runtime's descriptions, so the two runtimes' metadata are equal. Rust
//! comments that must not reach the metadata are `//`, not `///`.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{traits::ConstU32, BoundedVec};
use scale_info::TypeInfo;

pub type AccountId = sp_runtime::AccountId32;
pub type Balance = u128;
pub type BlockNumber = u32;
pub type TypeId = u32;

pub const DIN: Balance = 1_000_000_000_000;
pub const PROVIDER_DEPOSIT: Balance = 100 * DIN;
pub const TYPE_DEPOSIT: Balance = 10 * DIN;
pub const MAX_NAME_LEN: u32 = 64;
pub const MAX_URL_LEN: u32 = 256;
pub const MAX_REGIONS: u32 = 16;
pub const MAX_REGION_LEN: u32 = 32;
pub const MAX_CID_LEN: u32 = 128;
pub const MAX_OFFERINGS_PER_TYPE: u32 = 1024;

pub type MaxNameLen = ConstU32<MAX_NAME_LEN>;
pub type MaxUrlLen = ConstU32<MAX_URL_LEN>;
pub type MaxRegions = ConstU32<MAX_REGIONS>;
pub type MaxRegionLen = ConstU32<MAX_REGION_LEN>;
pub type MaxCidLen = ConstU32<MAX_CID_LEN>;
pub type MaxOfferingsPerType = ConstU32<MAX_OFFERINGS_PER_TYPE>;

pub type Name = BoundedVec<u8, MaxNameLen>;
pub type Cid = BoundedVec<u8, MaxCidLen>;
pub type Region = BoundedVec<u8, MaxRegionLen>;
pub type Regions = BoundedVec<Region, MaxRegions>;

#[derive(
	Encode, Decode, DecodeWithMemTracking, Clone, Copy, PartialEq, Eq, Debug, TypeInfo, MaxEncodedLen,
)]
#[scale_info(capture_docs = "always")]
pub enum ProviderStatus {
	/// Receives new awards.
	Active,
	/// Receives no new awards; existing subscriptions continue.
	Paused,
}

#[derive(Encode, Decode, DecodeWithMemTracking, Clone, PartialEq, Eq, Debug, TypeInfo, MaxEncodedLen)]
pub struct ProviderInfo {
	pub name: BoundedVec<u8, MaxNameLen>,
	pub api_url: BoundedVec<u8, MaxUrlLen>,
	pub operator: AccountId,
	pub deposit: Balance,
	pub status: ProviderStatus,
	pub live_subscriptions: u32,
	pub registered_at: BlockNumber,
}

#[derive(Encode, Decode, DecodeWithMemTracking, Clone, PartialEq, Eq, Debug, TypeInfo, MaxEncodedLen)]
pub struct Offering {
	pub capacity: u32,
	pub used: u32,
	pub price_per_block: Balance,
	pub regions: BoundedVec<BoundedVec<u8, MaxRegionLen>, MaxRegions>,
	pub open: bool,
}

#[derive(Encode, Decode, DecodeWithMemTracking, Clone, PartialEq, Eq, Debug, TypeInfo, MaxEncodedLen)]
pub struct DeploymentType {
	pub name: BoundedVec<u8, MaxNameLen>,
	pub schema_cid: BoundedVec<u8, MaxCidLen>,
	pub owner: Option<AccountId>,
	pub deposit: Balance,
	pub registered_at: BlockNumber,
}

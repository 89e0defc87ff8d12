//! Types of the Subscriptions pallet (runtime-specs/dinfra.md, "Pallet Subscriptions / Types").
//! As in the Providers pallet, `///` docs are exactly the TypeScript runtime's; other notes are `//`.

use alloc::vec::Vec;
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{traits::ConstU32, BoundedVec};
pub use pallet_dinfra_providers::types::{AccountId, Balance, BlockNumber, MaxCidLen, MaxRegionLen, TypeId, DIN};
use scale_info::TypeInfo;

pub type SubscriptionId = u64;

pub const MINIMUM_DEPOSIT: Balance = DIN;
pub const ACK_TIMEOUT: u32 = 20;
pub const LOW_FUNDS_WARNING: u32 = 100;
pub const TERMINATED_RETENTION: u32 = 14_400;
pub const MAX_ALLOW_LIST: u32 = 16;
pub const MAX_ENDPOINTS: u32 = 8;
pub const MAX_ENDPOINT_LEN: u32 = 256;
pub const MAX_AWARD_ATTEMPTS: u32 = 8;
pub const MAX_REASON_LEN: u32 = 256;
/// Largest page a DinfraApi listing returns.
pub const MAX_PAGE: u32 = 1000;

pub type MaxAllowList = ConstU32<MAX_ALLOW_LIST>;
pub type MaxEndpoints = ConstU32<MAX_ENDPOINTS>;
pub type MaxEndpointLen = ConstU32<MAX_ENDPOINT_LEN>;
pub type MaxAwardAttempts = ConstU32<MAX_AWARD_ATTEMPTS>;
pub type MaxReasonLen = ConstU32<MAX_REASON_LEN>;
pub type Endpoints = BoundedVec<BoundedVec<u8, MaxEndpointLen>, MaxEndpoints>;

pub use crate::target::Target;

#[derive(
	Encode, Decode, DecodeWithMemTracking, Clone, Copy, PartialEq, Eq, Debug, TypeInfo, MaxEncodedLen,
)]
pub enum TerminationReason {
	BySubscriber,
	ByProvider,
	OutOfFunds,
	ProviderTimeout,
	ProviderFailed,
	NoProvider,
}

#[derive(Encode, Decode, DecodeWithMemTracking, Clone, PartialEq, Eq, Debug, TypeInfo, MaxEncodedLen)]
pub enum SubscriptionStatus {
	Awarded,
	Provisioning,
	Running { endpoints: BoundedVec<BoundedVec<u8, MaxEndpointLen>, MaxEndpoints> },
	Degraded { endpoints: BoundedVec<BoundedVec<u8, MaxEndpointLen>, MaxEndpoints> },
	Terminated { reason: TerminationReason },
}

#[derive(Encode, Decode, DecodeWithMemTracking, Clone, PartialEq, Eq, Debug, TypeInfo)]
#[scale_info(capture_docs = "always")]
pub enum StatusReport {
	Provisioning,
	Running { endpoints: Vec<Vec<u8>> },
	Degraded,
	/// The deployment cannot be served; `reason` (UTF-8, at most MaxReasonLen bytes) says why.
	Failed { reason: Vec<u8> },
}

#[derive(Encode, Decode, DecodeWithMemTracking, Clone, PartialEq, Eq, Debug, TypeInfo, MaxEncodedLen)]
#[scale_info(capture_docs = "always")]
pub enum LossCause {
	/// No Provisioning report before the ack deadline.
	AckTimeout,
	/// A Failed report, with its reason.
	Failed { reason: BoundedVec<u8, MaxReasonLen> },
}

// The last time a provider lost the award of a subscription (kept in the record, for clients).
#[derive(Encode, Decode, DecodeWithMemTracking, Clone, PartialEq, Eq, Debug, TypeInfo, MaxEncodedLen)]
pub struct AwardLoss {
	pub provider: AccountId,
	pub at: BlockNumber,
	pub cause: LossCause,
}

#[derive(
	Encode, Decode, DecodeWithMemTracking, Clone, Copy, PartialEq, Eq, Debug, TypeInfo, MaxEncodedLen,
)]
pub enum AgendaKind {
	AckTimeout,
	FundsLow,
	Expire,
	Purge,
}

#[derive(Encode, Decode, DecodeWithMemTracking, Clone, PartialEq, Eq, Debug, TypeInfo, MaxEncodedLen)]
pub struct Subscription {
	pub subscriber: AccountId,
	pub target: Target,
	pub descriptor_cid: BoundedVec<u8, MaxCidLen>,
	pub max_price_per_block: Balance,
	pub provider: AccountId,
	pub price_per_block: Balance,
	pub deposit: Balance,
	pub status: SubscriptionStatus,
	pub created_at: BlockNumber,
	pub awarded_at: BlockNumber,
	pub ack_deadline: Option<BlockNumber>,
	pub settled_to: Option<BlockNumber>,
	pub expires_at: Option<BlockNumber>,
	pub funds_low_at: Option<BlockNumber>,
	pub excluded: BoundedVec<AccountId, MaxAwardAttempts>,
	pub terminated_at: Option<BlockNumber>,
	pub last_loss: Option<AwardLoss>,
}

impl Subscription {
	pub fn is_live(&self) -> bool {
		!matches!(self.status, SubscriptionStatus::Terminated { .. })
	}
}

// What `quote` answers: the provider `subscribe` would award now and its price.
#[derive(Encode, Decode, Clone, PartialEq, Eq, Debug, TypeInfo)]
#[scale_info(replace_segment("pallet_dinfra_subscriptions", "dinfra_runtime"), replace_segment("types", "apis"))]
pub struct Quote {
	pub provider: AccountId,
	pub price_per_block: Balance,
}

// What `billing` answers, as of the block it is called at.
#[derive(Encode, Decode, Clone, PartialEq, Eq, Debug, TypeInfo)]
#[scale_info(replace_segment("pallet_dinfra_subscriptions", "dinfra_runtime"), replace_segment("types", "apis"))]
pub struct BillingInfo {
	pub owed: Balance,
	pub remaining: Balance,
	pub settled_to: Option<BlockNumber>,
	pub expires_at: Option<BlockNumber>,
}

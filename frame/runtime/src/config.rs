//! Pallet configurations of the DINFRA runtime.

use crate::*;
use frame_support::{
	derive_impl, parameter_types,
	traits::{ConstBool, ConstU128, ConstU32, ConstU64, ConstU8, VariantCountOf},
	weights::{constants::RocksDbWeight, Weight, WeightToFee},
};
use frame_system::limits::{BlockLength, BlockWeights};
use pallet_transaction_payment::{ConstFeeMultiplier, FungibleAdapter, Multiplier};
use sp_runtime::{traits::One, DispatchError, Perbill};

/// 1 DIN = 10^12 planck; the existential deposit is 0.001 DIN (as dinfra-node's).
pub const DIN: Balance = 1_000_000_000_000;
pub const EXISTENTIAL_DEPOSIT: Balance = DIN / 1000;
/// Blocks every 6 s (Aura slots); the timestamp's minimum period is half of it.
pub const SLOT_DURATION: u64 = 6000;

const NORMAL_DISPATCH_RATIO: Perbill = Perbill::from_percent(75);
/// 2 s of ref_time per block, as dinfra-node (no proof-size limit beyond the default).
const MAX_BLOCK_WEIGHT: Weight = Weight::from_parts(2_000_000_000_000, u64::MAX);

parameter_types! {
	pub const Version: RuntimeVersion = VERSION;
	pub RuntimeBlockWeights: BlockWeights =
		BlockWeights::with_sensible_defaults(MAX_BLOCK_WEIGHT, NORMAL_DISPATCH_RATIO);
	pub RuntimeBlockLength: BlockLength = BlockLength::builder()
		.max_length(5 * 1024 * 1024)
		.modify_max_length_for_class(frame_support::dispatch::DispatchClass::Normal, |m| {
			*m = NORMAL_DISPATCH_RATIO * *m
		})
		.build();
	pub FeeMultiplier: Multiplier = Multiplier::one();
	pub InsufficientBalance: DispatchError = pallet_balances::Error::<Runtime>::InsufficientBalance.into();
}

#[derive_impl(frame_system::config_preludes::SolochainDefaultConfig)]
impl frame_system::Config for Runtime {
	type Block = Block;
	type BlockWeights = RuntimeBlockWeights;
	type BlockLength = RuntimeBlockLength;
	type AccountId = AccountId;
	type Nonce = Nonce;
	type Hash = Hash;
	type BlockHashCount = ConstU32<4096>;
	type DbWeight = RocksDbWeight;
	type Version = Version;
	type AccountData = pallet_balances::AccountData<Balance>;
	type SS58Prefix = frame_support::traits::ConstU16<42>;
	type MaxConsumers = ConstU32<16>;
}

impl pallet_timestamp::Config for Runtime {
	type Moment = u64;
	type OnTimestampSet = Aura;
	type MinimumPeriod = ConstU64<{ SLOT_DURATION / 2 }>;
	type WeightInfo = ();
}

impl pallet_aura::Config for Runtime {
	type AuthorityId = sp_consensus_aura::sr25519::AuthorityId;
	type DisabledValidators = ();
	type MaxAuthorities = ConstU32<32>;
	type AllowMultipleBlocksPerSlot = ConstBool<false>;
	type SlotDuration = pallet_aura::MinimumPeriodTimesTwo<Runtime>;
}

impl pallet_balances::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeHoldReason = RuntimeHoldReason;
	type RuntimeFreezeReason = RuntimeFreezeReason;
	type WeightInfo = pallet_balances::weights::SubstrateWeight<Runtime>;
	type Balance = Balance;
	type DustRemoval = ();
	type ExistentialDeposit = ConstU128<EXISTENTIAL_DEPOSIT>;
	type AccountStore = System;
	type ReserveIdentifier = [u8; 8];
	type FreezeIdentifier = RuntimeFreezeReason;
	type MaxLocks = ConstU32<50>;
	type MaxReserves = ConstU32<50>;
	type MaxFreezes = VariantCountOf<RuntimeFreezeReason>;
	type DoneSlashHandler = ();
}

/// The weight part of the fee: ref_time / 10^4 planck (runtime-specs/dinfra.md, "Fees").
pub struct RefTimeToFee;
impl WeightToFee for RefTimeToFee {
	type Balance = Balance;
	fn weight_to_fee(weight: &Weight) -> Balance {
		Balance::from(weight.ref_time() / 10_000)
	}
}

/// The length part of the fee, with the spec's fixed 10^9 per extrinsic: 10^9 + 10^6 per byte.
/// (FRAME adds the weight fee of `base_extrinsic` on top, see README "FRAME runtime".)
pub struct LengthToFee;
impl WeightToFee for LengthToFee {
	type Balance = Balance;
	fn weight_to_fee(length: &Weight) -> Balance {
		1_000_000_000 + 1_000_000 * Balance::from(length.ref_time())
	}
}

impl pallet_transaction_payment::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	// Fees are burned (the credit is dropped), as on dinfra-node.
	type OnChargeTransaction = FungibleAdapter<Balances, ()>;
	type WeightToFee = RefTimeToFee;
	type LengthToFee = LengthToFee;
	type FeeMultiplierUpdate = ConstFeeMultiplier<FeeMultiplier>;
	type OperationalFeeMultiplier = ConstU8<5>;
	type WeightInfo = ();
}

impl pallet_sudo::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeCall = RuntimeCall;
	type WeightInfo = pallet_sudo::weights::SubstrateWeight<Runtime>;
}

impl pallet_utility::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeCall = RuntimeCall;
	type PalletsOrigin = OriginCaller;
	type WeightInfo = pallet_utility::weights::SubstrateWeight<Runtime>;
}

impl pallet_dinfra_providers::Config for Runtime {
	type Currency = Balances;
	type InsufficientBalance = InsufficientBalance;
	type WeightInfo = pallet_dinfra_providers::weights::SpecWeights;
}

impl pallet_dinfra_subscriptions::Config for Runtime {
	type WeightInfo = pallet_dinfra_subscriptions::weights::SpecWeights;
}

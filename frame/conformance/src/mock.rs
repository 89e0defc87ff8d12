//! The mock runtime of the vectors: System (0), Balances (5), Providers (20) and
//! Subscriptions (21) at the real runtime's indices, u32 block numbers, AccountId32 and the
//! DINFRA existential deposit, so call, event and error encodings are the real runtime's.

use frame_support::{derive_impl, parameter_types, traits::ConstU128};
use sp_runtime::{traits::IdentityLookup, AccountId32, DispatchError};

pub const EXISTENTIAL_DEPOSIT: u128 = 1_000_000_000;

type Block = frame_system::mocking::MockBlockU32<Runtime>;

frame_support::construct_runtime!(
	pub enum Runtime {
		System: frame_system = 0,
		Balances: pallet_balances = 5,
		Providers: pallet_dinfra_providers = 20,
		Subscriptions: pallet_dinfra_subscriptions = 21,
	}
);

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Runtime {
	type Block = Block;
	type AccountId = AccountId32;
	type Lookup = IdentityLookup<AccountId32>;
	type AccountData = pallet_balances::AccountData<u128>;
}

#[derive_impl(pallet_balances::config_preludes::TestDefaultConfig)]
impl pallet_balances::Config for Runtime {
	type Balance = u128;
	type ExistentialDeposit = ConstU128<EXISTENTIAL_DEPOSIT>;
	type AccountStore = System;
	type MaxReserves = frame_support::traits::ConstU32<50>;
}

parameter_types! {
	pub InsufficientBalance: DispatchError = pallet_balances::Error::<Runtime>::InsufficientBalance.into();
}

impl pallet_dinfra_providers::Config for Runtime {
	type Currency = Balances;
	type InsufficientBalance = InsufficientBalance;
	type WeightInfo = ();
}

impl pallet_dinfra_subscriptions::Config for Runtime {
	type WeightInfo = ();
}

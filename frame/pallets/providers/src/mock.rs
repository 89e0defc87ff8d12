//! A mock runtime for the unit tests: System, Balances (ED 0.001 DIN, as the DINFRA runtime)
//! and Providers.

use crate as pallet_dinfra_providers;
use frame_support::{derive_impl, parameter_types, traits::ConstU128};
use sp_runtime::{traits::IdentityLookup, AccountId32, BuildStorage, DispatchError};

type Block = frame_system::mocking::MockBlock<Test>;

pub const ED: u128 = 1_000_000_000;
use crate::types::DIN;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system = 0,
		Balances: pallet_balances = 10,
		Providers: pallet_dinfra_providers = 20,
	}
);

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
	type AccountId = AccountId32;
	type Lookup = IdentityLookup<AccountId32>;
	type AccountData = pallet_balances::AccountData<u128>;
}

#[derive_impl(pallet_balances::config_preludes::TestDefaultConfig)]
impl pallet_balances::Config for Test {
	type Balance = u128;
	type ExistentialDeposit = ConstU128<ED>;
	type AccountStore = System;
}

parameter_types! {
	pub InsufficientBalance: DispatchError = pallet_balances::Error::<Test>::InsufficientBalance.into();
}

impl crate::Config for Test {
	type Currency = Balances;
	type InsufficientBalance = InsufficientBalance;
	type WeightInfo = ();
}

pub fn account(n: u8) -> AccountId32 {
	AccountId32::new([n; 32])
}

/// Accounts 1..=5 hold 1000 DIN each; account 9 holds exactly the provider deposit + ED - 1.
pub fn new_test_ext() -> sp_io::TestExternalities {
	let mut t = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	let mut balances: Vec<(AccountId32, u128)> = (1..=5).map(|n| (account(n), 1000 * DIN)).collect();
	balances.push((account(9), 100 * DIN + ED - 1));
	pallet_balances::GenesisConfig::<Test> { balances, ..Default::default() }.assimilate_storage(&mut t).unwrap();
	pallet_dinfra_providers::GenesisConfig::<Test>::default().assimilate_storage(&mut t).unwrap();
	let mut ext = sp_io::TestExternalities::new(t);
	ext.execute_with(|| System::set_block_number(1));
	ext
}

pub fn last_event() -> RuntimeEvent {
	System::events().pop().expect("an event").event
}

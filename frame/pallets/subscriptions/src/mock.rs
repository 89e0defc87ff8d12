//! A mock runtime for the unit tests: System, Balances (ED 0.001 DIN), Providers, Subscriptions.

use crate as pallet_dinfra_subscriptions;
use crate::types::*;
use frame_support::{
	assert_ok, derive_impl, parameter_types,
	traits::{ConstU128, OnInitialize},
};
use sp_runtime::{traits::IdentityLookup, BuildStorage, DispatchError};

type Block = frame_system::mocking::MockBlock<Test>;

pub const ED: u128 = 1_000_000_000;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system = 0,
		Balances: pallet_balances = 10,
		Providers: pallet_dinfra_providers = 20,
		Subscriptions: pallet_dinfra_subscriptions = 21,
	}
);

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
	type AccountId = AccountId;
	type Lookup = IdentityLookup<AccountId>;
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

impl pallet_dinfra_providers::Config for Test {
	type Currency = Balances;
	type InsufficientBalance = InsufficientBalance;
	type WeightInfo = ();
}

impl crate::Config for Test {
	type WeightInfo = ();
}

pub fn account(n: u8) -> AccountId {
	AccountId::new([n; 32])
}

/// Accounts 1..=9 hold 1000 DIN each.
pub fn new_test_ext() -> sp_io::TestExternalities {
	let mut t = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	let balances = (1..=9).map(|n| (account(n), 1000 * DIN)).collect();
	pallet_balances::GenesisConfig::<Test> { balances, ..Default::default() }.assimilate_storage(&mut t).unwrap();
	pallet_dinfra_providers::GenesisConfig::<Test>::default().assimilate_storage(&mut t).unwrap();
	let mut ext = sp_io::TestExternalities::new(t);
	ext.execute_with(|| System::set_block_number(1));
	ext
}

/// Moves to block `n`, running the Subscriptions agenda of every block on the way.
pub fn run_to(n: u32) {
	while System::block_number() < n as u64 {
		let next = System::block_number() + 1;
		System::set_block_number(next);
		Subscriptions::on_initialize(next);
	}
}

/// Registers provider `n` (operator `n + 100`) with an open offering of type 0.
pub fn provider(n: u8, capacity: u32, price: Balance, regions: &[&[u8]]) {
	let o = RuntimeOrigin::signed(account(n));
	let name = alloc::vec![b'p', b'0' + n];
	assert_ok!(Providers::register(o.clone(), name, b"https://p".to_vec(), account(n + 100)));
	let regions = regions.iter().map(|r| r.to_vec()).collect();
	assert_ok!(Providers::set_offering(o, 0, capacity, price, regions, true));
}

pub fn subscription_events() -> alloc::vec::Vec<crate::Event<Test>> {
	System::events()
		.into_iter()
		.filter_map(|r| if let RuntimeEvent::Subscriptions(e) = r.event { Some(e) } else { None })
		.collect()
}

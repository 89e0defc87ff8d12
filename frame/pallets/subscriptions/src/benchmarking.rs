//! Benchmarks of the Subscriptions calls and hook (frame-benchmarking v2), each in its worst
//! case. `cargo test --features runtime-benchmarks` runs each once against the mock runtime.

use super::{types::*, *};
use alloc::{vec, vec::Vec};
use frame_benchmarking::v2::*;
use frame_support::traits::{Currency, Hooks};
use frame_system::RawOrigin;
use pallet_dinfra_providers::{types::MAX_REGIONS, Pallet as Providers};

const CID: &[u8] = b"bafkreibzd7i342fzej6rqfz3ezjmcs6kjukcyydn7uhdgzxwqqs2noxos4";
const PRICE: Balance = 1_000_000;

fn funded<T: Config>(name: &'static str, i: u32) -> AccountId {
	let who: AccountId = account(name, i, 0);
	let _ = <T as pallet_dinfra_providers::Config>::Currency::deposit_creating(&who, 1_000_000 * DIN);
	who
}

/// `n` providers with an open offering of type 0 (each in MaxRegions regions, "r0" last).
fn providers<T: Config>(n: u32) -> Vec<AccountId> {
	providers_from::<T>(0, n)
}

/// Providers `from..from + n`.
fn providers_from<T: Config>(from: u32, n: u32) -> Vec<AccountId> {
	(from..from + n)
		.map(|i| {
			let who = funded::<T>("provider", i);
			let o: T::RuntimeOrigin = RawOrigin::Signed(who.clone()).into();
			let name = alloc::format!("provider-{i}").into_bytes();
			Providers::<T>::register(o.clone(), name, vec![b'u'; 64], who.clone()).unwrap();
			let mut regions: Vec<Vec<u8>> = (1..MAX_REGIONS as u8).map(|r| vec![b'a' + r; 32]).collect();
			regions.push(b"r0".to_vec());
			Providers::<T>::set_offering(o, 0, 1_000, PRICE, regions, true).unwrap();
			who
		})
		.collect()
}

fn subscribed<T: Config>() -> (AccountId, AccountId, SubscriptionId) {
	let p = providers::<T>(1).remove(0);
	let who = funded::<T>("subscriber", 0);
	// A selector, so that a lost award can go to another provider.
	let target = Target::Selector { type_id: 0, providers: None, region: None };
	Pallet::<T>::subscribe(RawOrigin::Signed(who.clone()).into(), target, CID.to_vec(), 10 * DIN, PRICE).unwrap();
	(who, p, NextSubscriptionId::<T>::get() - 1)
}

fn running<T: Config>() -> (AccountId, AccountId, SubscriptionId) {
	let (who, p, id) = subscribed::<T>();
	let o: T::RuntimeOrigin = RawOrigin::Signed(p.clone()).into();
	Pallet::<T>::report_status(o.clone(), id, StatusReport::Provisioning).unwrap();
	Pallet::<T>::report_status(o, id, StatusReport::Running { endpoints: vec![vec![b'e'; 256]; 8] }).unwrap();
	(who, p, id)
}

#[benchmarks]
mod benchmarks {
	use super::*;

	/// `n` offerings of the type, all read by a selector with a region.
	#[benchmark]
	fn subscribe(n: Linear<1, 64>) {
		providers::<T>(n);
		let who = funded::<T>("subscriber", 0);
		let target = Target::Selector { type_id: 0, providers: None, region: Some(lenient::BoundedVec::new(b"r0".to_vec())) };
		#[extrinsic_call]
		_(RawOrigin::Signed(who), target, CID.to_vec(), 10 * DIN, PRICE);
		assert_eq!(NextSubscriptionId::<T>::get(), 1);
	}

	/// A Failed report that re-awards (the costliest report).
	#[benchmark]
	fn report_status() {
		let (_, p, id) = running::<T>();
		providers_from::<T>(1, 3);
		#[extrinsic_call]
		_(RawOrigin::Signed(p), id, StatusReport::Failed { reason: vec![b'r'; 256] });
		assert!(Subscriptions::<T>::get(id).unwrap().is_live());
	}

	#[benchmark]
	fn top_up() {
		let (who, _, id) = running::<T>();
		#[extrinsic_call]
		_(RawOrigin::Signed(who), id, DIN);
		assert_eq!(Subscriptions::<T>::get(id).unwrap().deposit, 11 * DIN);
	}

	#[benchmark]
	fn terminate() {
		let (who, _, id) = running::<T>();
		#[extrinsic_call]
		_(RawOrigin::Signed(who), id);
		assert!(!Subscriptions::<T>::get(id).unwrap().is_live());
	}

	#[benchmark]
	fn settle() {
		let (who, _, id) = running::<T>();
		#[extrinsic_call]
		_(RawOrigin::Signed(who), id);
		assert!(Subscriptions::<T>::get(id).unwrap().settled_to.is_some());
	}

	/// `n` ack timeouts in one block, each re-awarding.
	#[benchmark]
	fn on_initialize(n: Linear<0, 32>) {
		let ps = providers::<T>(2);
		let who = funded::<T>("subscriber", 0);
		for _ in 0..n {
			let target = Target::Selector { type_id: 0, providers: None, region: None };
			Pallet::<T>::subscribe(RawOrigin::Signed(who.clone()).into(), target, CID.to_vec(), DIN, PRICE).unwrap();
		}
		let _ = ps;
		let at = Pallet::<T>::now() + ACK_TIMEOUT;
		#[block]
		{
			Pallet::<T>::on_initialize(at.into());
		}
		assert_eq!(Agenda::<T>::iter_prefix(at).count(), 0);
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}

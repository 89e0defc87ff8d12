//! Benchmarks of the Providers calls (frame-benchmarking v2). `cargo test --features
//! runtime-benchmarks` runs each once against the mock runtime.

use super::{types::*, *};
use alloc::vec;
use frame_benchmarking::v2::*;
use frame_support::traits::Currency;
use frame_system::RawOrigin;

const CID: &[u8] = b"bafkreibzd7i342fzej6rqfz3ezjmcs6kjukcyydn7uhdgzxwqqs2noxos4";

fn funded<T: Config>(name: &'static str, i: u32) -> AccountId {
	let who: AccountId = account(name, i, 0);
	let _ = T::Currency::deposit_creating(&who, 1_000_000 * DIN);
	who
}

fn provider<T: Config>(i: u32) -> AccountId {
	let who = funded::<T>("provider", i);
	let mut name = b"provider-".to_vec();
	name.extend_from_slice(&i.to_le_bytes().map(|b| b'a' + b % 26));
	Pallet::<T>::register(RawOrigin::Signed(who.clone()).into(), name, vec![b'u'; 256], who.clone())
		.expect("register");
	who
}

fn regions() -> Vec<Vec<u8>> {
	(0..MAX_REGIONS as u8).map(|i| vec![b'a' + i; MAX_REGION_LEN as usize]).collect()
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn register() {
		let who = funded::<T>("caller", 0);
		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()), vec![b'n'; 64], vec![b'u'; 256], who.clone());
		assert!(Providers::<T>::contains_key(&who));
	}

	#[benchmark]
	fn set_offering() {
		let who = provider::<T>(0);
		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()), 0, 10, DIN, regions(), true);
		assert!(Offerings::<T>::contains_key(&who, 0));
	}

	#[benchmark]
	fn close_offering() {
		let who = provider::<T>(0);
		Pallet::<T>::set_offering(RawOrigin::Signed(who.clone()).into(), 0, 10, DIN, regions(), true).unwrap();
		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()), 0);
		assert!(!Offerings::<T>::contains_key(&who, 0));
	}

	#[benchmark]
	fn set_operator() {
		let who = provider::<T>(0);
		let op: AccountId = account("operator", 0, 0);
		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()), op.clone());
		assert_eq!(Providers::<T>::get(&who).unwrap().operator, op);
	}

	#[benchmark]
	fn pause() {
		let who = provider::<T>(0);
		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()));
		assert_eq!(Providers::<T>::get(&who).unwrap().status, ProviderStatus::Paused);
	}

	#[benchmark]
	fn resume() {
		let who = provider::<T>(0);
		Pallet::<T>::pause(RawOrigin::Signed(who.clone()).into()).unwrap();
		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()));
		assert_eq!(Providers::<T>::get(&who).unwrap().status, ProviderStatus::Active);
	}

	#[benchmark]
	fn deregister() {
		let who = provider::<T>(0);
		// Offerings of every built-in type, each in a long per-type list.
		for t in 0..4 {
			for i in 1..32 {
				let other: AccountId = account("other", i, t);
				OfferingsByType::<T>::mutate(t, |l| l.try_push(other).unwrap());
			}
			Pallet::<T>::set_offering(RawOrigin::Signed(who.clone()).into(), t, 10, DIN, regions(), true).unwrap();
		}
		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()));
		assert!(!Providers::<T>::contains_key(&who));
	}

	#[benchmark]
	fn register_type() {
		let who = provider::<T>(0);
		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()), vec![b't'; 64], CID.to_vec());
		assert_eq!(NextTypeId::<T>::get(), 5);
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}

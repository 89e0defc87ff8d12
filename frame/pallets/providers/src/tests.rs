//! One test per call and per error path of the Providers pallet.

use crate::{mock::*, types::*, Error, Event};
use crate::{DeploymentTypes, NextTypeId, Offerings, OfferingsByType, ProviderByName, Providers as ProvidersStore, TypeByName};
use frame_support::BoundedVec;
use frame_support::{assert_noop, assert_ok};
use sp_runtime::DispatchError;

const CID: &[u8] = b"bafkreibzd7i342fzej6rqfz3ezjmcs6kjukcyydn7uhdgzxwqqs2noxos4";

fn signed(n: u8) -> RuntimeOrigin {
	RuntimeOrigin::signed(account(n))
}

fn register(n: u8, name: &[u8]) {
	assert_ok!(Providers::register(signed(n), name.to_vec(), b"https://p.example".to_vec(), account(n + 100)));
}

fn offer(n: u8, type_id: TypeId, capacity: u32) {
	assert_ok!(Providers::set_offering(signed(n), type_id, capacity, 7, vec![b"eu".to_vec()], true));
}

#[test]
fn genesis_creates_the_four_builtin_types() {
	new_test_ext().execute_with(|| {
		assert_eq!(NextTypeId::<Test>::get(), 4);
		assert_eq!(TypeByName::<Test>::get(Name::truncate_from(b"cloud-init".to_vec())), Some(3));
		let t = DeploymentTypes::<Test>::get(0).unwrap();
		assert_eq!(t.name.to_vec(), b"substrate-node".to_vec());
		assert_eq!((t.owner, t.deposit, t.registered_at), (None, 0, 0));
	});
}

#[test]
fn register_reserves_the_deposit() {
	new_test_ext().execute_with(|| {
		register(1, b"alpha");
		let p = ProvidersStore::<Test>::get(account(1)).unwrap();
		assert_eq!((p.deposit, p.status, p.live_subscriptions, p.registered_at), (PROVIDER_DEPOSIT, ProviderStatus::Active, 0, 1));
		assert_eq!(p.operator, account(101));
		assert_eq!(ProviderByName::<Test>::get(Name::truncate_from(b"alpha".to_vec())), Some(account(1)));
		assert_eq!(Balances::reserved_balance(account(1)), PROVIDER_DEPOSIT);
		assert_eq!(
			last_event(),
			RuntimeEvent::Providers(Event::ProviderRegistered {
				provider: account(1),
				name: Name::truncate_from(b"alpha".to_vec()),
				operator: account(101),
				deposit: PROVIDER_DEPOSIT
			})
		);
	});
}

#[test]
fn register_errors_in_order() {
	new_test_ext().execute_with(|| {
		register(1, b"alpha");
		let url = b"https://x".to_vec();
		assert_noop!(Providers::register(signed(1), vec![], vec![], account(1)), Error::<Test>::AlreadyRegistered);
		assert_noop!(Providers::register(signed(2), vec![], vec![], account(2)), Error::<Test>::BadName);
		assert_noop!(Providers::register(signed(2), vec![b'a'; 65], url.clone(), account(2)), Error::<Test>::BadName);
		assert_noop!(Providers::register(signed(2), b"b".to_vec(), vec![], account(2)), Error::<Test>::UrlTooLong);
		assert_noop!(Providers::register(signed(2), b"b".to_vec(), vec![b'u'; 257], account(2)), Error::<Test>::UrlTooLong);
		assert_noop!(Providers::register(signed(2), b"alpha".to_vec(), url.clone(), account(2)), Error::<Test>::NameTaken);
		// The free balance must stay at or above the ED after the reserve.
		let insufficient: DispatchError = pallet_balances::Error::<Test>::InsufficientBalance.into();
		assert_noop!(Providers::register(signed(9), b"nine".to_vec(), url.clone(), account(9)), insufficient);
		assert_ok!(Balances::transfer_allow_death(signed(1), account(9), 1));
		assert_ok!(Providers::register(signed(9), b"nine".to_vec(), url, account(9)));
		assert_eq!(Balances::free_balance(account(9)), ED);
	});
}

#[test]
fn set_offering_creates_and_changes_keeping_used() {
	new_test_ext().execute_with(|| {
		register(1, b"alpha");
		register(2, b"beta");
		offer(2, 0, 3);
		offer(1, 0, 3);
		assert_eq!(OfferingsByType::<Test>::get(0).to_vec(), vec![account(2), account(1)]);
		Offerings::<Test>::mutate(account(1), 0, |o| o.as_mut().unwrap().used = 2);
		assert_ok!(Providers::set_offering(signed(1), 0, 1, 9, vec![], false));
		let o = Offerings::<Test>::get(account(1), 0).unwrap();
		assert_eq!((o.capacity, o.used, o.price_per_block, o.open), (1, 2, 9, false));
		assert_eq!(OfferingsByType::<Test>::get(0).len(), 2);
		assert_eq!(
			last_event(),
			RuntimeEvent::Providers(Event::OfferingSet { provider: account(1), type_id: 0, capacity: 1, price_per_block: 9, open: false })
		);
	});
}

#[test]
fn set_offering_errors_in_order() {
	new_test_ext().execute_with(|| {
		let eu = vec![b"eu".to_vec()];
		assert_noop!(Providers::set_offering(signed(1), 9, 0, 1, vec![], true), Error::<Test>::NotProvider);
		register(1, b"alpha");
		assert_noop!(Providers::set_offering(signed(1), 9, 0, 1, vec![], true), Error::<Test>::UnknownDeploymentType);
		assert_noop!(Providers::set_offering(signed(1), 0, 0, 1, vec![vec![]; 17], true), Error::<Test>::ZeroCapacity);
		assert_noop!(Providers::set_offering(signed(1), 0, 1, 1, vec![vec![]; 17], true), Error::<Test>::TooManyRegions);
		assert_noop!(Providers::set_offering(signed(1), 0, 1, 1, vec![vec![]], true), Error::<Test>::BadRegion);
		assert_noop!(Providers::set_offering(signed(1), 0, 1, 1, vec![vec![b'r'; 33]], true), Error::<Test>::BadRegion);
		assert_noop!(Providers::set_offering(signed(1), 0, 1, 1, vec![eu[0].clone(), eu[0].clone()], true), Error::<Test>::BadRegion);
		let full: Vec<AccountId> = (0..MAX_OFFERINGS_PER_TYPE).map(|i| AccountId::new([200; 32]).tap(i)).collect();
		OfferingsByType::<Test>::insert(1, BoundedVec::truncate_from(full));
		assert_noop!(Providers::set_offering(signed(1), 1, 1, 1, eu, true), Error::<Test>::TooManyOfferings);
	});
}

trait Tap {
	fn tap(self, i: u32) -> Self;
}
impl Tap for AccountId {
	fn tap(self, i: u32) -> Self {
		let mut b: [u8; 32] = self.into();
		b[..4].copy_from_slice(&i.to_le_bytes());
		AccountId::new(b)
	}
}

#[test]
fn close_offering_removes_unused_and_closes_used() {
	new_test_ext().execute_with(|| {
		register(1, b"alpha");
		offer(1, 0, 3);
		offer(1, 1, 3);
		Offerings::<Test>::mutate(account(1), 1, |o| o.as_mut().unwrap().used = 1);
		assert_ok!(Providers::close_offering(signed(1), 0));
		assert!(Offerings::<Test>::get(account(1), 0).is_none());
		assert!(!OfferingsByType::<Test>::contains_key(0));
		assert_ok!(Providers::close_offering(signed(1), 1));
		assert!(!Offerings::<Test>::get(account(1), 1).unwrap().open);
		assert_eq!(last_event(), RuntimeEvent::Providers(Event::OfferingClosed { provider: account(1), type_id: 1, removed: false }));
		assert_noop!(Providers::close_offering(signed(2), 0), Error::<Test>::NotProvider);
		assert_noop!(Providers::close_offering(signed(1), 0), Error::<Test>::NoSuchOffering);
	});
}

#[test]
fn set_operator_pause_resume() {
	new_test_ext().execute_with(|| {
		assert_noop!(Providers::set_operator(signed(1), account(7)), Error::<Test>::NotProvider);
		assert_noop!(Providers::pause(signed(1)), Error::<Test>::NotProvider);
		assert_noop!(Providers::resume(signed(1)), Error::<Test>::NotProvider);
		register(1, b"alpha");
		assert_ok!(Providers::set_operator(signed(1), account(7)));
		assert!(Providers::acts_for(&account(7), &account(1)));
		assert!(!Providers::acts_for(&account(101), &account(1)));
		assert_noop!(Providers::resume(signed(1)), Error::<Test>::NotPaused);
		assert_ok!(Providers::pause(signed(1)));
		assert_eq!(last_event(), RuntimeEvent::Providers(Event::ProviderPaused { provider: account(1) }));
		assert_noop!(Providers::pause(signed(1)), Error::<Test>::AlreadyPaused);
		assert_ok!(Providers::resume(signed(1)));
		assert_eq!(ProvidersStore::<Test>::get(account(1)).unwrap().status, ProviderStatus::Active);
	});
}

#[test]
fn deregister_removes_everything_and_unreserves() {
	new_test_ext().execute_with(|| {
		assert_noop!(Providers::deregister(signed(1)), Error::<Test>::NotProvider);
		register(1, b"alpha");
		register(2, b"beta");
		offer(1, 0, 1);
		offer(2, 0, 1);
		offer(1, 2, 1);
		ProvidersStore::<Test>::mutate(account(1), |p| p.as_mut().unwrap().live_subscriptions = 1);
		assert_noop!(Providers::deregister(signed(1)), Error::<Test>::HasLiveSubscriptions);
		ProvidersStore::<Test>::mutate(account(1), |p| p.as_mut().unwrap().live_subscriptions = 0);
		assert_ok!(Providers::deregister(signed(1)));
		assert!(ProvidersStore::<Test>::get(account(1)).is_none());
		assert!(ProviderByName::<Test>::get(Name::truncate_from(b"alpha".to_vec())).is_none());
		assert_eq!(OfferingsByType::<Test>::get(0).to_vec(), vec![account(2)]);
		assert!(!OfferingsByType::<Test>::contains_key(2));
		assert_eq!(Balances::reserved_balance(account(1)), 0);
		assert_eq!(last_event(), RuntimeEvent::Providers(Event::ProviderDeregistered { provider: account(1), deposit: PROVIDER_DEPOSIT }));
	});
}

#[test]
fn register_type_by_root_and_by_provider() {
	new_test_ext().execute_with(|| {
		assert_ok!(Providers::register_type(RuntimeOrigin::root(), b"vm".to_vec(), CID.to_vec()));
		assert_eq!(DeploymentTypes::<Test>::get(4).unwrap().owner, None);
		register(1, b"alpha");
		assert_ok!(Providers::register_type(signed(1), b"gpu".to_vec(), CID.to_vec()));
		let t = DeploymentTypes::<Test>::get(5).unwrap();
		assert_eq!((t.owner, t.deposit), (Some(account(1)), TYPE_DEPOSIT));
		assert_eq!(Balances::reserved_balance(account(1)), PROVIDER_DEPOSIT + TYPE_DEPOSIT);
		assert_eq!(NextTypeId::<Test>::get(), 6);
		// The type deposit stays reserved after deregistering.
		assert_ok!(Providers::deregister(signed(1)));
		assert_eq!(Balances::reserved_balance(account(1)), TYPE_DEPOSIT);
	});
}

#[test]
fn register_type_errors_in_order() {
	new_test_ext().execute_with(|| {
		assert_noop!(Providers::register_type(RuntimeOrigin::none(), vec![], vec![]), DispatchError::BadOrigin);
		assert_noop!(Providers::register_type(signed(1), vec![], vec![]), Error::<Test>::NotAllowed);
		let root = || RuntimeOrigin::root();
		assert_noop!(Providers::register_type(root(), vec![], vec![]), Error::<Test>::BadName);
		assert_noop!(Providers::register_type(root(), vec![b'n'; 65], CID.to_vec()), Error::<Test>::BadName);
		assert_noop!(Providers::register_type(root(), b"vm".to_vec(), b"notacid!".to_vec()), Error::<Test>::InvalidCid);
		assert_noop!(Providers::register_type(root(), b"cloud-init".to_vec(), CID.to_vec()), Error::<Test>::NameTaken);
		register(1, b"alpha");
		// Leave the provider exactly TypeDeposit + ED - 1 free.
		let free = Balances::free_balance(account(1));
		assert_ok!(Balances::transfer_allow_death(signed(1), account(2), free - (TYPE_DEPOSIT + ED - 1)));
		let insufficient: DispatchError = pallet_balances::Error::<Test>::InsufficientBalance.into();
		assert_noop!(Providers::register_type(signed(1), b"vm".to_vec(), CID.to_vec()), insufficient);
	});
}

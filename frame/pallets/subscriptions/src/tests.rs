//! Unit tests of the Subscriptions pallet: each call, each error path, the hooks, the spec's
//! worked example.

use crate::{mock::*, types::*, Agenda, Error, Event, Subscriptions as SubsStore};
use crate::{lenient, NextSubscriptionId, SubscriptionsByProvider, SubscriptionsBySubscriber};
use frame_support::BoundedVec;
use frame_support::{assert_noop, assert_ok, dispatch::Pays, traits::Currency};
use sp_runtime::DispatchError;

const CID: &[u8] = b"bafkreibzd7i342fzej6rqfz3ezjmcs6kjukcyydn7uhdgzxwqqs2noxos4";
const PRICE: Balance = 3_000_000_000;

fn signed(n: u8) -> RuntimeOrigin {
	RuntimeOrigin::signed(account(n))
}
fn to(n: u8) -> Target {
	Target::Provider { provider: account(n), type_id: 0 }
}
fn any() -> Target {
	Target::Selector { type_id: 0, providers: None, region: None }
}
fn subscribe(who: u8, target: Target, deposit: Balance) -> SubscriptionId {
	let id = NextSubscriptionId::<Test>::get();
	assert_ok!(Subscriptions::subscribe(signed(who), target, CID.to_vec(), deposit, Balance::MAX));
	id
}
fn report(who: u8, id: SubscriptionId, r: StatusReport) -> frame_support::dispatch::DispatchResultWithPostInfo {
	Subscriptions::report_status(signed(who), id, r)
}
fn running(eps: &[&[u8]]) -> StatusReport {
	StatusReport::Running { endpoints: eps.iter().map(|e| e.to_vec()).collect() }
}
fn sub(id: SubscriptionId) -> Subscription {
	SubsStore::<Test>::get(id).unwrap()
}
/// Subscribes 1 to provider 5 at PRICE and brings it to Running at block `at`.
fn running_sub(deposit: Balance, at: u32) -> SubscriptionId {
	provider(5, 10, PRICE, &[b"eu"]);
	let id = subscribe(1, to(5), deposit);
	assert_ok!(report(5, id, StatusReport::Provisioning));
	run_to(at);
	assert_ok!(report(5, id, running(&[b"wss://a"])));
	id
}

#[test]
fn subscribe_awards_and_reserves() {
	new_test_ext().execute_with(|| {
		provider(5, 2, PRICE, &[]);
		let id = subscribe(1, to(5), 2 * DIN);
		let s = sub(id);
		assert_eq!((s.provider.clone(), s.price_per_block, s.deposit, s.status.clone()), (account(5), PRICE, 2 * DIN, SubscriptionStatus::Awarded));
		assert_eq!((s.created_at, s.awarded_at, s.ack_deadline), (1, 1, Some(21)));
		assert_eq!(Balances::reserved_balance(account(1)), 2 * DIN);
		assert_eq!(Agenda::<Test>::get(21, id), Some(AgendaKind::AckTimeout));
		assert!(SubscriptionsByProvider::<Test>::contains_key(account(5), id));
		assert!(SubscriptionsBySubscriber::<Test>::contains_key(account(1), id));
		assert_eq!(pallet_dinfra_providers::Offerings::<Test>::get(account(5), 0).unwrap().used, 1);
		assert_eq!(pallet_dinfra_providers::Providers::<Test>::get(account(5)).unwrap().live_subscriptions, 1);
		assert_eq!(
			subscription_events(),
			vec![
				Event::Subscribed { id, subscriber: account(1), type_id: 0, deposit: 2 * DIN },
				Event::Awarded { id, provider: account(5), price_per_block: PRICE, ack_deadline: 21 },
			]
		);
	});
}

#[test]
fn subscribe_errors_in_order() {
	new_test_ext().execute_with(|| {
		let sel = |providers: Option<Vec<AccountId>>, region: Option<Vec<u8>>| Target::Selector {
			type_id: 0,
			providers: providers.map(lenient::BoundedVec::new),
			region: region.map(lenient::BoundedVec::new),
		};
		let s = |t: Target, cid: &[u8], dep: Balance, max: Balance| Subscriptions::subscribe(signed(1), t, cid.to_vec(), dep, max);
		assert_noop!(s(any(), b"nocid", 0, 0), Error::<Test>::InvalidCid);
		assert_noop!(s(any(), CID, DIN - 1, 0), Error::<Test>::DepositBelowMinimum);
		assert_noop!(s(sel(Some(vec![account(1); 17]), Some(vec![])), CID, DIN, 0), Error::<Test>::TooManyAllowedProviders);
		assert_noop!(s(sel(None, Some(vec![])), CID, DIN, 0), Error::<Test>::BadRegion);
		assert_noop!(s(sel(None, Some(vec![b'r'; 33])), CID, DIN, 0), Error::<Test>::BadRegion);
		let unknown_type = Target::Selector { type_id: 99, providers: None, region: None };
		assert_noop!(s(unknown_type, CID, DIN, 0), Error::<Test>::UnknownDeploymentType);
		assert_noop!(s(to(5), CID, DIN, 0), Error::<Test>::UnknownProvider);
		assert_noop!(s(any(), CID, DIN, 0), Error::<Test>::NoOfferingOfType);
		provider(5, 1, PRICE, &[b"eu"]);
		assert_noop!(s(sel(Some(vec![account(6)]), None), CID, DIN, PRICE), Error::<Test>::NoOfferingOfType);
		assert_noop!(s(sel(None, Some(b"us".to_vec())), CID, DIN, PRICE), Error::<Test>::NoOfferingInRegion);
		assert_noop!(s(any(), CID, DIN, PRICE - 1), Error::<Test>::AllOfferingsTooExpensive);
		subscribe(2, any(), DIN);
		assert_noop!(s(any(), CID, DIN, PRICE), Error::<Test>::AllOfferingsFull);
		assert_ok!(Providers::set_offering(signed(5), 0, 2, PRICE, vec![], true));
		// The free balance must stay at or above the ED after the reserve.
		let free = Balances::free_balance(account(1));
		let insufficient: DispatchError = pallet_balances::Error::<Test>::InsufficientBalance.into();
		assert_noop!(s(any(), CID, free - ED + 1, PRICE), insufficient);
		assert_ok!(s(any(), CID, free - ED, PRICE));
	});
}

#[test]
fn award_prefers_utilization_then_price_then_load_then_account() {
	new_test_ext().execute_with(|| {
		provider(5, 4, 10, &[]);
		provider(6, 4, 9, &[]);
		provider(7, 4, 9, &[]);
		// Equal utilization (0): the cheaper wins; 6 and 7 tie on price and load: 6 (smaller bytes).
		assert_eq!(Subscriptions::quote(any(), 100).unwrap().provider, account(6));
		subscribe(1, any(), DIN); // to 6
		// 6 is at 1/4, 7 at 0/4, 5 at 0/4: 7 (cheaper than 5).
		assert_eq!(sub(subscribe(1, any(), DIN)).provider, account(7));
		assert_eq!(sub(subscribe(1, any(), DIN)).provider, account(5));
		// All at 1/4: the cheapest with the fewest live subscriptions.
		assert_ok!(Providers::pause(signed(6)));
		assert_eq!(Subscriptions::quote(any(), 100).unwrap().provider, account(7));
		assert_eq!(Subscriptions::quote(any(), 9).unwrap().provider, account(7));
		assert_eq!(Subscriptions::quote(to(6), 100), Err(Error::<Test>::NoOfferingOfType.into()));
	});
}

#[test]
fn report_status_life_cycle_and_billing_start() {
	new_test_ext().execute_with(|| {
		provider(5, 10, PRICE, &[]);
		let id = subscribe(1, to(5), 10 * DIN);
		let post = report(105, id, StatusReport::Provisioning).unwrap();
		assert_eq!(post.pays_fee, Pays::No);
		assert_eq!((sub(id).status, sub(id).ack_deadline), (SubscriptionStatus::Provisioning, None));
		assert_eq!(Agenda::<Test>::get(21, id), None);
		run_to(10);
		assert_ok!(report(5, id, running(&[b"wss://a"])));
		let s = sub(id);
		assert_eq!((s.settled_to, s.expires_at, s.funds_low_at), (Some(10), Some(10 + 3334), Some(10 + 3334 - 100)));
		let eps: Endpoints = BoundedVec::truncate_from(vec![BoundedVec::truncate_from(b"wss://a".to_vec())]);
		let evs = subscription_events();
		assert_eq!(evs[evs.len() - 2], Event::StatusChanged { id, provider: account(5), status: SubscriptionStatus::Running { endpoints: eps.clone() } });
		assert_eq!(evs[evs.len() - 1], Event::BillingStarted { id, from: 10, expires_at: Some(3344) });
		assert_ok!(report(5, id, StatusReport::Degraded));
		assert_eq!(sub(id).status, SubscriptionStatus::Degraded { endpoints: eps });
		assert_ok!(report(5, id, running(&[b"wss://b"])));
		assert_ok!(report(5, id, running(&[b"wss://c"])));
		// Billing did not restart.
		assert_eq!(sub(id).settled_to, Some(10));
	});
}

#[test]
fn report_status_errors_in_order_and_pay_fees() {
	new_test_ext().execute_with(|| {
		provider(5, 10, PRICE, &[]);
		let id = subscribe(1, to(5), 10 * DIN);
		assert_noop!(report(5, 9, StatusReport::Provisioning), Error::<Test>::UnknownSubscription);
		assert_noop!(report(6, id, StatusReport::Provisioning), Error::<Test>::NotAssignedProvider);
		assert_noop!(report(5, id, running(&[])), Error::<Test>::TooManyEndpoints);
		assert_noop!(report(5, id, running(&[&b"e"[..]; 9])), Error::<Test>::TooManyEndpoints);
		assert_noop!(report(5, id, running(&[b""])), Error::<Test>::BadEndpoint);
		assert_noop!(report(5, id, StatusReport::Running { endpoints: vec![vec![b'e'; 257]] }), Error::<Test>::BadEndpoint);
		assert_noop!(report(5, id, running(&[b"wss://a"])), Error::<Test>::IllegalTransition);
		assert_noop!(report(5, id, StatusReport::Degraded), Error::<Test>::IllegalTransition);
		let bad = |r: Vec<u8>| report(5, id, StatusReport::Failed { reason: r });
		assert_noop!(bad(vec![b'x'; 257]), Error::<Test>::BadReason);
		assert_noop!(bad(vec![0xc0, 0x80]), Error::<Test>::BadReason); // overlong
		assert_noop!(bad(vec![0xed, 0xa0, 0x80]), Error::<Test>::BadReason); // surrogate
		assert_noop!(bad(vec![0xe2, 0x82]), Error::<Test>::BadReason); // truncated
		let err = report(6, id, StatusReport::Provisioning).unwrap_err();
		assert_eq!(err.post_info.pays_fee, Pays::Yes);
		assert_ok!(report(5, id, StatusReport::Provisioning));
		assert_noop!(report(5, id, StatusReport::Provisioning), Error::<Test>::IllegalTransition);
		assert_ok!(report(5, id, running(&[b"wss://a"])));
		assert_noop!(report(5, id, running(&[b"wss://a"])), Error::<Test>::IllegalTransition);
		assert_ok!(Subscriptions::terminate(signed(1), id));
		assert_noop!(report(5, id, StatusReport::Provisioning), Error::<Test>::AlreadyTerminated);
	});
}

#[test]
fn the_spec_worked_example_runs_out_of_funds() {
	new_test_ext().execute_with(|| {
		let deposit = DIN + 1;
		let id = running_sub(deposit, 10);
		assert_eq!(sub(id).expires_at, Some(344));
		assert_eq!(sub(id).funds_low_at, Some(244));
		run_to(244);
		let remaining = DIN + 1 - PRICE * 234;
		assert_eq!(subscription_events().last(), Some(&Event::FundsLow { id, remaining, expires_at: 344 }));
		let provider_free = Balances::free_balance(account(5));
		run_to(344);
		let evs = subscription_events();
		assert_eq!(evs[evs.len() - 2], Event::Settled { id, provider: account(5), amount: deposit, settled_to: 344 });
		assert_eq!(evs[evs.len() - 1], Event::Terminated { id, provider: account(5), reason: TerminationReason::OutOfFunds, refund: 0 });
		assert_eq!(Balances::free_balance(account(5)), provider_free + deposit);
		assert_eq!(Balances::reserved_balance(account(1)), 0);
		assert_eq!(sub(id).terminated_at, Some(344));
		assert_eq!(Agenda::<Test>::get(344 + TERMINATED_RETENTION, id), Some(AgendaKind::Purge));
		run_to(344 + TERMINATED_RETENTION);
		assert!(SubsStore::<Test>::get(id).is_none());
		assert_eq!(subscription_events().last(), Some(&Event::Purged { id }));
	});
}

#[test]
fn terminate_settles_and_refunds() {
	new_test_ext().execute_with(|| {
		let deposit = DIN + 1;
		let id = running_sub(deposit, 10);
		let before = Balances::free_balance(account(1));
		run_to(50);
		assert_noop!(Subscriptions::terminate(signed(7), id), Error::<Test>::NotAllowed);
		assert_ok!(Subscriptions::terminate(signed(1), id));
		let paid = PRICE * 40;
		assert_eq!(Balances::free_balance(account(1)), before + deposit - paid);
		assert_eq!(
			subscription_events().last(),
			Some(&Event::Terminated { id, provider: account(5), reason: TerminationReason::BySubscriber, refund: deposit - paid })
		);
		assert_eq!(pallet_dinfra_providers::Offerings::<Test>::get(account(5), 0).unwrap().used, 0);
		assert!(!SubscriptionsByProvider::<Test>::contains_key(account(5), id));
		assert!(!SubscriptionsBySubscriber::<Test>::contains_key(account(1), id));
		assert_eq!(Agenda::<Test>::iter().count(), 1); // the purge only
		assert_noop!(Subscriptions::terminate(signed(1), id), Error::<Test>::AlreadyTerminated);
		assert_noop!(Subscriptions::terminate(signed(1), 42), Error::<Test>::UnknownSubscription);
		// The operator terminates ByProvider.
		let id2 = subscribe(2, to(5), DIN);
		assert_ok!(Subscriptions::terminate(signed(105), id2));
		assert_eq!(sub(id2).status, SubscriptionStatus::Terminated { reason: TerminationReason::ByProvider });
	});
}

#[test]
fn top_up_settles_and_reschedules() {
	new_test_ext().execute_with(|| {
		let id = running_sub(DIN, 10);
		run_to(20);
		assert_noop!(Subscriptions::top_up(signed(2), id, DIN), Error::<Test>::NotSubscriber);
		assert_noop!(Subscriptions::top_up(signed(1), id, 0), Error::<Test>::ZeroAmount);
		assert_noop!(Subscriptions::top_up(signed(1), 42, 1), Error::<Test>::UnknownSubscription);
		let insufficient: DispatchError = pallet_balances::Error::<Test>::InsufficientBalance.into();
		let free = Balances::free_balance(account(1));
		assert_noop!(Subscriptions::top_up(signed(1), id, free), insufficient);
		assert_ok!(Subscriptions::top_up(signed(1), id, DIN));
		let deposit = 2 * DIN - PRICE * 10;
		let e = 20 + (deposit + PRICE - 1) / PRICE;
		let s = sub(id);
		assert_eq!((s.deposit, s.settled_to, s.expires_at), (deposit, Some(20), Some(e as u32)));
		let evs = subscription_events();
		assert_eq!(evs[evs.len() - 2], Event::Settled { id, provider: account(5), amount: PRICE * 10, settled_to: 20 });
		assert_eq!(evs[evs.len() - 1], Event::ToppedUp { id, amount: DIN, deposit, expires_at: Some(e as u32) });
		assert_eq!(Agenda::<Test>::get(344, id), None);
		assert_eq!(Agenda::<Test>::get(e as u32, id), Some(AgendaKind::Expire));
		assert_ok!(Subscriptions::terminate(signed(1), id));
		assert_noop!(Subscriptions::top_up(signed(1), id, 1), Error::<Test>::AlreadyTerminated);
	});
}

#[test]
fn top_up_near_expiry_emits_funds_low_at_once() {
	new_test_ext().execute_with(|| {
		provider(5, 10, DIN / 100, &[]);
		let id = subscribe(1, to(5), DIN);
		assert_ok!(report(5, id, StatusReport::Provisioning));
		assert_ok!(report(5, id, running(&[b"e"])));
		// E = 1 + 100 blocks: FundsLow at once, no FundsLow entry.
		assert_eq!(subscription_events().last(), Some(&Event::FundsLow { id, remaining: DIN, expires_at: 101 }));
		assert_eq!(sub(id).funds_low_at, None);
	});
}

#[test]
fn settle_pays_what_is_owed() {
	new_test_ext().execute_with(|| {
		provider(5, 10, PRICE, &[]);
		let id = subscribe(1, to(5), DIN);
		assert_noop!(Subscriptions::settle(signed(3), id), Error::<Test>::NotBilling);
		assert_noop!(Subscriptions::settle(signed(3), 7), Error::<Test>::UnknownSubscription);
		assert_ok!(report(5, id, StatusReport::Provisioning));
		assert_ok!(report(5, id, running(&[b"e"])));
		run_to(5);
		assert_ok!(Subscriptions::settle(signed(3), id));
		assert_eq!(subscription_events().last(), Some(&Event::Settled { id, provider: account(5), amount: PRICE * 4, settled_to: 5 }));
		assert_ok!(Subscriptions::settle(signed(3), id));
		assert_eq!(subscription_events().last(), Some(&Event::Settled { id, provider: account(5), amount: 0, settled_to: 5 }));
		assert_eq!(Subscriptions::billing(id).unwrap().owed, 0);
		assert_ok!(Subscriptions::terminate(signed(1), id));
		assert_noop!(Subscriptions::settle(signed(3), id), Error::<Test>::AlreadyTerminated);
	});
}

#[test]
fn ack_timeout_re_awards_then_terminates() {
	new_test_ext().execute_with(|| {
		provider(5, 10, PRICE, &[]);
		provider(6, 10, PRICE + 1, &[]);
		let id = subscribe(1, any(), DIN);
		assert_eq!(sub(id).provider, account(5));
		run_to(21);
		let s = sub(id);
		assert_eq!((s.provider.clone(), s.awarded_at, s.ack_deadline), (account(6), 21, Some(41)));
		assert_eq!(s.excluded.to_vec(), vec![account(5)]);
		assert_eq!(s.last_loss, Some(AwardLoss { provider: account(5), at: 21, cause: LossCause::AckTimeout }));
		run_to(41);
		let s = sub(id);
		assert_eq!(s.status, SubscriptionStatus::Terminated { reason: TerminationReason::NoProvider });
		assert_eq!(Balances::reserved_balance(account(1)), 0);
		// A named provider that times out: ProviderTimeout.
		let id = subscribe(1, to(5), DIN);
		run_to(61);
		assert_eq!(sub(id).status, SubscriptionStatus::Terminated { reason: TerminationReason::ProviderTimeout });
	});
}

#[test]
fn failed_report_loses_the_award_with_its_reason() {
	new_test_ext().execute_with(|| {
		let id = running_sub(DIN, 10);
		run_to(12);
		let reason = "descriptor schema error: é".as_bytes().to_vec();
		assert_ok!(report(5, id, StatusReport::Failed { reason: reason.clone() }));
		let cause = LossCause::Failed { reason: BoundedVec::truncate_from(reason) };
		let s = sub(id);
		assert_eq!(s.status, SubscriptionStatus::Terminated { reason: TerminationReason::ProviderFailed });
		assert_eq!(s.last_loss, Some(AwardLoss { provider: account(5), at: 12, cause: cause.clone() }));
		let evs = subscription_events();
		let n = evs.len();
		assert_eq!(evs[n - 3], Event::Settled { id, provider: account(5), amount: PRICE * 2, settled_to: 12 });
		assert_eq!(evs[n - 2], Event::AwardLost { id, provider: account(5), cause });
		assert_eq!(evs[n - 1], Event::Terminated { id, provider: account(5), reason: TerminationReason::ProviderFailed, refund: DIN - PRICE * 2 });
	});
}

#[test]
fn max_award_attempts_ends_the_re_awards() {
	new_test_ext().execute_with(|| {
		for p in 10..20u8 {
			let _ = Balances::deposit_creating(&account(p), 1000 * DIN);
			provider(p, 10, PRICE, &[]);
		}
		let id = subscribe(1, any(), DIN);
		for k in 0..MAX_AWARD_ATTEMPTS {
			let s = sub(id);
			assert!(s.is_live(), "attempt {k}");
			assert_ok!(report(AsRef::<[u8]>::as_ref(&s.provider)[0], id, StatusReport::Failed { reason: vec![] }));
		}
		let s = sub(id);
		assert_eq!(s.excluded.len() as u32, MAX_AWARD_ATTEMPTS);
		assert_eq!(s.status, SubscriptionStatus::Terminated { reason: TerminationReason::ProviderFailed });
	});
}

#[test]
fn free_offerings_never_expire_and_the_api_pages() {
	new_test_ext().execute_with(|| {
		provider(5, 10, 0, &[]);
		let ids: Vec<_> = (0..5).map(|_| subscribe(1, to(5), DIN)).collect();
		assert_ok!(report(5, ids[0], StatusReport::Provisioning));
		assert_ok!(report(5, ids[0], running(&[b"e"])));
		assert_eq!(sub(ids[0]).expires_at, None);
		assert_eq!(subscription_events().last(), Some(&Event::BillingStarted { id: ids[0], from: 1, expires_at: None }));
		assert_eq!(Subscriptions::subscriptions_of_provider(account(5), Some(1), 2), vec![2, 3]);
		assert_eq!(Subscriptions::subscriptions_of_subscriber(account(1), None, 100), ids);
		assert_eq!(Subscriptions::offerings_of_type(0).len(), 1);
		let b = Subscriptions::billing(ids[0]).unwrap();
		assert_eq!((b.owed, b.remaining, b.settled_to, b.expires_at), (0, DIN, Some(1), None));
	});
}

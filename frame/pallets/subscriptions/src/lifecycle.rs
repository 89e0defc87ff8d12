//! Subscribe, reports, top-up, termination, award loss and the agenda (runtime-specs/dinfra.md).

use crate::{billing::expiry_block, types::*, Agenda, Config, Error, Event, NextSubscriptionId, Pallet};
use crate::{Subscriptions, SubscriptionsByProvider, SubscriptionsBySubscriber};
use alloc::vec::Vec;
use frame_support::{ensure, traits::ReservableCurrency, BoundedVec};
use pallet_dinfra_providers::{
	cid::is_cid,
	types::{MAX_REGION_LEN},
	Offerings, Pallet as ProvidersPallet, Providers,
};
use sp_runtime::DispatchResult;

/// What a legal report leads to: the next status, or the loss of the award (a Failed reason).
enum Outcome {
	Status(SubscriptionStatus),
	Failed(BoundedVec<u8, MaxReasonLen>),
}

/// The outcome of `report` from `current`, or IllegalTransition / an endpoint or reason error.
fn next_status<T: Config>(current: &SubscriptionStatus, report: StatusReport) -> Result<Outcome, Error<T>> {
	use SubscriptionStatus as S;
	match report {
		StatusReport::Provisioning if matches!(current, S::Awarded) => Ok(Outcome::Status(S::Provisioning)),
		StatusReport::Running { endpoints } => {
			if endpoints.is_empty() || endpoints.len() > MAX_ENDPOINTS as usize {
				return Err(Error::<T>::TooManyEndpoints);
			}
			let mut eps = Endpoints::default();
			for e in endpoints {
				if e.is_empty() || e.len() > MAX_ENDPOINT_LEN as usize {
					return Err(Error::<T>::BadEndpoint);
				}
				eps.try_push(BoundedVec::truncate_from(e)).map_err(|_| Error::<T>::TooManyEndpoints)?;
			}
			match current {
				S::Provisioning | S::Degraded { .. } => Ok(Outcome::Status(S::Running { endpoints: eps })),
				S::Running { endpoints: old } if *old != eps => Ok(Outcome::Status(S::Running { endpoints: eps })),
				_ => Err(Error::<T>::IllegalTransition),
			}
		},
		StatusReport::Degraded => match current {
			S::Running { endpoints } => Ok(Outcome::Status(S::Degraded { endpoints: endpoints.clone() })),
			_ => Err(Error::<T>::IllegalTransition),
		},
		StatusReport::Failed { reason } => {
			if reason.len() > MAX_REASON_LEN as usize || core::str::from_utf8(&reason).is_err() {
				return Err(Error::<T>::BadReason);
			}
			Ok(Outcome::Failed(BoundedVec::truncate_from(reason)))
		},
		_ => Err(Error::<T>::IllegalTransition),
	}
}

impl<T: Config> Pallet<T> {
	pub(crate) fn do_subscribe(
		who: AccountId,
		target: Target,
		descriptor_cid: Vec<u8>,
		deposit: Balance,
		max_price_per_block: Balance,
	) -> DispatchResult {
		ensure!(is_cid(&descriptor_cid), Error::<T>::InvalidCid);
		ensure!(deposit >= MINIMUM_DEPOSIT, Error::<T>::DepositBelowMinimum);
		if let Target::Selector { providers, region, .. } = &target {
			if let Some(allow) = providers {
				ensure!(allow.len() <= MAX_ALLOW_LIST as usize, Error::<T>::TooManyAllowedProviders);
			}
			if let Some(r) = region {
				ensure!(!r.is_empty() && r.len() <= MAX_REGION_LEN as usize, Error::<T>::BadRegion);
			}
		}
		let award = Self::choose(&target, max_price_per_block, &[])?;
		ProvidersPallet::<T>::reserve(&who, deposit)?;
		let id = NextSubscriptionId::<T>::get();
		NextSubscriptionId::<T>::put(id + 1);
		let now = Self::now();
		let type_id = target.type_id();
		let mut sub = Subscription {
			subscriber: who.clone(),
			target,
			descriptor_cid: BoundedVec::truncate_from(descriptor_cid),
			max_price_per_block,
			provider: award.0.clone(),
			price_per_block: award.1,
			deposit,
			status: SubscriptionStatus::Awarded,
			created_at: now,
			awarded_at: now,
			ack_deadline: None,
			settled_to: None,
			expires_at: None,
			funds_low_at: None,
			excluded: BoundedVec::default(),
			terminated_at: None,
			last_loss: None,
		};
		SubscriptionsBySubscriber::<T>::insert(&who, id, ());
		Self::deposit_event(Event::Subscribed { id, subscriber: who, type_id, deposit });
		Self::assign(id, &mut sub, award);
		Subscriptions::<T>::insert(id, sub);
		Ok(())
	}

	pub(crate) fn do_report_status(who: AccountId, id: SubscriptionId, report: StatusReport) -> DispatchResult {
		let mut sub = Self::must_live(id)?;
		ensure!(ProvidersPallet::<T>::acts_for(&who, &sub.provider), Error::<T>::NotAssignedProvider);
		let next = match next_status::<T>(&sub.status, report)? {
			Outcome::Failed(reason) => {
				Self::lose_award(id, &mut sub, LossCause::Failed { reason });
				return Ok(());
			},
			Outcome::Status(s) => s,
		};
		if next == SubscriptionStatus::Provisioning {
			Self::unschedule(sub.ack_deadline, id);
			sub.ack_deadline = None;
		}
		sub.status = next.clone();
		let running = matches!(next, SubscriptionStatus::Running { .. });
		Self::deposit_event(Event::StatusChanged { id, provider: sub.provider.clone(), status: next });
		if running && sub.settled_to.is_none() {
			Self::start_billing(id, &mut sub, Self::now());
		}
		Subscriptions::<T>::insert(id, sub);
		Ok(())
	}

	pub(crate) fn do_top_up(who: AccountId, id: SubscriptionId, amount: Balance) -> DispatchResult {
		let mut sub = Self::must_live(id)?;
		ensure!(sub.subscriber == who, Error::<T>::NotSubscriber);
		ensure!(amount > 0, Error::<T>::ZeroAmount);
		ProvidersPallet::<T>::reserve(&who, amount)?;
		let now = Self::now();
		let billing = sub.settled_to.is_some();
		if billing {
			Self::do_settle(id, &mut sub, now);
		}
		sub.deposit += amount;
		Self::deposit_event(Event::ToppedUp { id, amount, deposit: sub.deposit, expires_at: expiry_block(&sub) });
		if billing {
			Self::schedule_expiry(id, &mut sub, now);
		}
		Subscriptions::<T>::insert(id, sub);
		Ok(())
	}

	/// Gives the award to `provider` at `price`: capacity and counters up, Awarded, ack deadline.
	pub(crate) fn assign(id: SubscriptionId, sub: &mut Subscription, (provider, price): (AccountId, Balance)) {
		let type_id = sub.target.type_id();
		Offerings::<T>::mutate(&provider, type_id, |o| {
			if let Some(o) = o {
				o.used += 1;
			}
		});
		Providers::<T>::mutate(&provider, |p| {
			if let Some(p) = p {
				p.live_subscriptions += 1;
			}
		});
		SubscriptionsByProvider::<T>::insert(&provider, id, ());
		let now = Self::now();
		let deadline = now + ACK_TIMEOUT;
		sub.provider = provider.clone();
		sub.price_per_block = price;
		sub.status = SubscriptionStatus::Awarded;
		sub.awarded_at = now;
		sub.ack_deadline = Some(deadline);
		Self::schedule(deadline, id, AgendaKind::AckTimeout);
		Self::deposit_event(Event::Awarded { id, provider, price_per_block: price, ack_deadline: deadline });
	}

	/// Takes the award back from the assigned provider: settles, frees capacity, clears the agenda.
	fn unassign(id: SubscriptionId, sub: &mut Subscription) {
		Self::stop_billing(id, sub, Self::now());
		Self::unschedule(sub.ack_deadline, id);
		Self::unschedule(sub.expires_at, id);
		Self::unschedule(sub.funds_low_at, id);
		sub.ack_deadline = None;
		sub.expires_at = None;
		sub.funds_low_at = None;
		let type_id = sub.target.type_id();
		Offerings::<T>::mutate(&sub.provider, type_id, |o| {
			if let Some(o) = o {
				o.used -= 1;
			}
		});
		Providers::<T>::mutate(&sub.provider, |p| {
			if let Some(p) = p {
				p.live_subscriptions -= 1;
			}
		});
		SubscriptionsByProvider::<T>::remove(&sub.provider, id);
	}

	/// Refunds the unspent deposit, marks the subscription Terminated, schedules its purge.
	fn finish(id: SubscriptionId, sub: &mut Subscription, reason: TerminationReason) {
		let refund = sub.deposit;
		if refund > 0 {
			T::Currency::unreserve(&sub.subscriber, refund);
		}
		let now = Self::now();
		sub.deposit = 0;
		sub.status = SubscriptionStatus::Terminated { reason };
		sub.terminated_at = Some(now);
		SubscriptionsBySubscriber::<T>::remove(&sub.subscriber, id);
		Self::schedule(now + TERMINATED_RETENTION, id, AgendaKind::Purge);
		Subscriptions::<T>::insert(id, sub.clone());
		Self::deposit_event(Event::Terminated { id, provider: sub.provider.clone(), reason, refund });
	}

	/// Terminates a live subscription: settle, free capacity, refund the rest.
	pub(crate) fn do_terminate(id: SubscriptionId, sub: &mut Subscription, reason: TerminationReason) {
		Self::unassign(id, sub);
		Self::finish(id, sub, reason);
	}

	/// The assigned provider loses the award: it is excluded, the loss is kept in `last_loss`,
	/// and the subscription goes to the next offering that fits, else it is terminated.
	pub(crate) fn lose_award(id: SubscriptionId, sub: &mut Subscription, cause: LossCause) {
		let lost = sub.provider.clone();
		Self::unassign(id, sub);
		Self::deposit_event(Event::AwardLost { id, provider: lost.clone(), cause: cause.clone() });
		// At most MaxAwardAttempts awards, so at most MaxAwardAttempts losses: the push fits.
		let _ = sub.excluded.try_push(lost.clone());
		sub.last_loss = Some(AwardLoss { provider: lost, at: Self::now(), cause: cause.clone() });
		let award = if (sub.excluded.len() as u32) < MAX_AWARD_ATTEMPTS {
			Self::choose(&sub.target, sub.max_price_per_block, &sub.excluded).ok()
		} else {
			None
		};
		if let Some(award) = award {
			Self::assign(id, sub, award);
			Subscriptions::<T>::insert(id, sub.clone());
			return;
		}
		let reason = match (&cause, &sub.target) {
			(LossCause::Failed { .. }, _) => TerminationReason::ProviderFailed,
			(LossCause::AckTimeout, Target::Provider { .. }) => TerminationReason::ProviderTimeout,
			(LossCause::AckTimeout, Target::Selector { .. }) => TerminationReason::NoProvider,
		};
		Self::finish(id, sub, reason);
	}

	/// on_initialize: runs and removes the agenda entries of block `n` in ascending id order.
	/// Returns how many entries there were.
	pub(crate) fn run_agenda(n: BlockNumber) -> u32 {
		let mut entries: Vec<(SubscriptionId, AgendaKind)> = Agenda::<T>::drain_prefix(n).collect();
		entries.sort_by_key(|(id, _)| *id);
		for (id, kind) in &entries {
			let id = *id;
			let Some(mut sub) = Subscriptions::<T>::get(id) else { continue };
			match kind {
				AgendaKind::AckTimeout => {
					sub.ack_deadline = None;
					Self::lose_award(id, &mut sub, LossCause::AckTimeout);
				},
				AgendaKind::FundsLow => {
					sub.funds_low_at = None;
					if let Some(e) = sub.expires_at {
						Self::emit_funds_low(id, &sub, n, e);
					}
					Subscriptions::<T>::insert(id, sub);
				},
				AgendaKind::Expire => Self::do_terminate(id, &mut sub, TerminationReason::OutOfFunds),
				AgendaKind::Purge => {
					Subscriptions::<T>::remove(id);
					Self::deposit_event(Event::Purged { id });
				},
			}
		}
		entries.len() as u32
	}
}

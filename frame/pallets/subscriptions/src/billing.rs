//! Lazy billing against the reserved deposit (runtime-specs/dinfra.md, "Billing").

use crate::{types::*, Agenda, Config, Event, Pallet};
use frame_support::traits::{BalanceStatus, ReservableCurrency};

/// What the subscription owes its provider at block `now`: price * (now - settled_to), capped at the deposit.
pub fn owed_at(sub: &Subscription, now: BlockNumber) -> Balance {
	let Some(from) = sub.settled_to else { return 0 };
	// The conformance runner's self-check plants a divergence here: billing one block more.
	let blocks = now.saturating_sub(from) + u32::from(cfg!(feature = "plant-billing-divergence"));
	sub.price_per_block.saturating_mul(blocks as Balance).min(sub.deposit)
}

/// The block the deposit runs out: settled_to + ceil(deposit / price); None when not billing,
/// for free offerings, or beyond the u32 block number range.
pub fn expiry_block(sub: &Subscription) -> Option<BlockNumber> {
	let from = sub.settled_to?;
	if sub.price_per_block == 0 {
		return None;
	}
	let blocks = sub.deposit / sub.price_per_block + u128::from(sub.deposit % sub.price_per_block != 0);
	let e = (from as u128).checked_add(blocks)?;
	u32::try_from(e).ok()
}

impl<T: Config> Pallet<T> {
	pub(crate) fn schedule(block: BlockNumber, id: SubscriptionId, kind: AgendaKind) {
		Agenda::<T>::insert(block, id, kind);
	}

	pub(crate) fn unschedule(block: Option<BlockNumber>, id: SubscriptionId) {
		if let Some(b) = block {
			Agenda::<T>::remove(b, id);
		}
	}

	/// Pays what is owed at `now` from the reserved deposit to the provider; emits Settled.
	pub(crate) fn do_settle(id: SubscriptionId, sub: &mut Subscription, now: BlockNumber) {
		if sub.settled_to.is_none() {
			return;
		}
		let paid = owed_at(sub, now);
		if paid > 0 {
			// The deposit is reserved in full, so the whole amount moves.
			let _ = T::Currency::repatriate_reserved(&sub.subscriber, &sub.provider, paid, BalanceStatus::Free);
		}
		sub.deposit -= paid;
		sub.settled_to = Some(now);
		Self::deposit_event(Event::Settled { id, provider: sub.provider.clone(), amount: paid, settled_to: now });
	}

	pub(crate) fn emit_funds_low(id: SubscriptionId, sub: &Subscription, now: BlockNumber, expires_at: BlockNumber) {
		let remaining = sub.deposit - owed_at(sub, now);
		Self::deposit_event(Event::FundsLow { id, remaining, expires_at });
	}

	/// (Re)computes the expiry and its agenda entries: Expire at E, FundsLow at E - LowFundsWarning
	/// when that is after `now`, else FundsLow at once.
	pub(crate) fn schedule_expiry(id: SubscriptionId, sub: &mut Subscription, now: BlockNumber) {
		Self::unschedule(sub.expires_at, id);
		Self::unschedule(sub.funds_low_at, id);
		sub.expires_at = expiry_block(sub);
		sub.funds_low_at = None;
		let Some(e) = sub.expires_at else { return };
		Self::schedule(e, id, AgendaKind::Expire);
		let warn = e as i64 - LOW_FUNDS_WARNING as i64;
		if warn > now as i64 {
			sub.funds_low_at = Some(warn as BlockNumber);
			Self::schedule(warn as BlockNumber, id, AgendaKind::FundsLow);
		} else {
			Self::emit_funds_low(id, sub, now, e);
		}
	}

	/// Starts billing at `now` (first Running report of an award).
	pub(crate) fn start_billing(id: SubscriptionId, sub: &mut Subscription, now: BlockNumber) {
		sub.settled_to = Some(now);
		Self::deposit_event(Event::BillingStarted { id, from: now, expires_at: expiry_block(sub) });
		Self::schedule_expiry(id, sub, now);
	}

	/// Settles at `now` and stops billing (the award ends).
	pub(crate) fn stop_billing(id: SubscriptionId, sub: &mut Subscription, now: BlockNumber) {
		if sub.settled_to.is_none() {
			return;
		}
		Self::do_settle(id, sub, now);
		Self::unschedule(sub.expires_at, id);
		Self::unschedule(sub.funds_low_at, id);
		sub.settled_to = None;
		sub.expires_at = None;
		sub.funds_low_at = None;
	}
}

//! The `DinfraApi` runtime API (runtime-specs/dinfra.md, "Runtime API DinfraApi") and the
//! pallet functions a runtime implements it with.

use crate::{billing::{expiry_block, owed_at}, types::*, Config, Pallet, Subscriptions};
use crate::{SubscriptionsByProvider, SubscriptionsBySubscriber};
use alloc::vec::Vec;
use pallet_dinfra_providers::{types::Offering, Offerings, OfferingsByType};
use sp_runtime::DispatchError;

sp_api::decl_runtime_apis! {
	/// Marketplace queries: subscriptions by provider / subscriber (paged), billing, award quotes.
	pub trait DinfraApi {
		/// Live subscriptions awarded to `provider`, ascending ids greater than `start_after`, at most min(limit, 1000).
		fn subscriptions_of_provider(provider: AccountId, start_after: Option<SubscriptionId>, limit: u32) -> Vec<SubscriptionId>;
		/// Live subscriptions of `subscriber`, paged like subscriptions_of_provider.
		fn subscriptions_of_subscriber(subscriber: AccountId, start_after: Option<SubscriptionId>, limit: u32) -> Vec<SubscriptionId>;
		fn subscription(id: SubscriptionId) -> Option<Subscription>;
		/// What a settlement at this block would pay, what would remain, and the expiry block.
		fn billing(id: SubscriptionId) -> Option<BillingInfo>;
		/// Every offering of a deployment type, in index order.
		fn offerings_of_type(type_id: TypeId) -> Vec<(AccountId, Offering)>;
		/// The offering `subscribe` would award now, or the error it would fail with.
		fn quote(target: Target, max_price_per_block: Balance) -> Result<Quote, DispatchError>;
	}
}

fn page(ids: impl Iterator<Item = SubscriptionId>, start_after: Option<SubscriptionId>, limit: u32) -> Vec<SubscriptionId> {
	let mut ids: Vec<SubscriptionId> = ids.filter(|id| start_after.map_or(true, |s| *id > s)).collect();
	ids.sort_unstable();
	ids.truncate(limit.min(MAX_PAGE) as usize);
	ids
}

impl<T: Config> Pallet<T> {
	pub fn subscriptions_of_provider(provider: AccountId, start_after: Option<SubscriptionId>, limit: u32) -> Vec<SubscriptionId> {
		page(SubscriptionsByProvider::<T>::iter_key_prefix(provider), start_after, limit)
	}

	pub fn subscriptions_of_subscriber(subscriber: AccountId, start_after: Option<SubscriptionId>, limit: u32) -> Vec<SubscriptionId> {
		page(SubscriptionsBySubscriber::<T>::iter_key_prefix(subscriber), start_after, limit)
	}

	pub fn subscription(id: SubscriptionId) -> Option<Subscription> {
		Subscriptions::<T>::get(id)
	}

	pub fn billing(id: SubscriptionId) -> Option<BillingInfo> {
		let sub = Subscriptions::<T>::get(id)?;
		let owed = owed_at(&sub, Self::now());
		Some(BillingInfo { owed, remaining: sub.deposit - owed, settled_to: sub.settled_to, expires_at: expiry_block(&sub) })
	}

	pub fn offerings_of_type(type_id: TypeId) -> Vec<(AccountId, Offering)> {
		OfferingsByType::<T>::get(type_id)
			.into_iter()
			.filter_map(|p| Offerings::<T>::get(&p, type_id).map(|o| (p, o)))
			.collect()
	}

	pub fn quote(target: Target, max_price_per_block: Balance) -> Result<Quote, DispatchError> {
		Self::choose(&target, max_price_per_block, &[]).map(|(provider, price_per_block)| Quote { provider, price_per_block })
	}
}

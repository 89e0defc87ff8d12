//! The award (runtime-specs/dinfra.md, "Award"): which offering a subscription goes to.

use crate::{types::*, Config, Error, Pallet};
use alloc::vec::Vec;
use core::cmp::Ordering;
use pallet_dinfra_providers::{
	types::{Offering, ProviderInfo, ProviderStatus},
	DeploymentTypes, Offerings, OfferingsByType, Providers,
};
use sp_runtime::DispatchError;

struct Candidate {
	provider: AccountId,
	offering: Offering,
	info: ProviderInfo,
}

/// The total preference order: lower utilization (used / capacity, compared exactly), then
/// lower price, then fewer live subscriptions of the provider, then the smaller account.
fn prefer(a: &Candidate, b: &Candidate) -> Ordering {
	let ua = a.offering.used as u64 * b.offering.capacity as u64;
	let ub = b.offering.used as u64 * a.offering.capacity as u64;
	ua.cmp(&ub)
		.then(a.offering.price_per_block.cmp(&b.offering.price_per_block))
		.then(a.info.live_subscriptions.cmp(&b.info.live_subscriptions))
		.then(a.provider.cmp(&b.provider))
}

impl<T: Config> Pallet<T> {
	/// The providers whose offering of the target's type may be considered, in index order.
	fn considered(target: &Target) -> Result<Vec<AccountId>, DispatchError> {
		match target {
			Target::Provider { provider, type_id } => {
				if !Providers::<T>::contains_key(provider) {
					return Err(Error::<T>::UnknownProvider.into());
				}
				Ok(if Offerings::<T>::contains_key(provider, type_id) { alloc::vec![provider.clone()] } else { Vec::new() })
			},
			Target::Selector { type_id, providers, .. } => {
				let all = OfferingsByType::<T>::get(type_id).into_inner();
				Ok(match providers {
					None => all,
					Some(allow) => all.into_iter().filter(|p| allow.contains(p)).collect(),
				})
			},
		}
	}

	/// Chooses the offering a subscription goes to, or the error that says why none fits.
	/// `excluded` lists providers that already lost this award. Cost: O(offerings of the type).
	pub fn choose(target: &Target, max_price: Balance, excluded: &[AccountId]) -> Result<(AccountId, Balance), DispatchError> {
		let type_id = target.type_id();
		if !DeploymentTypes::<T>::contains_key(type_id) {
			return Err(Error::<T>::UnknownDeploymentType.into());
		}
		let mut cands = Vec::new();
		for provider in Self::considered(target)? {
			if excluded.contains(&provider) {
				continue;
			}
			let (Some(offering), Some(info)) = (Offerings::<T>::get(&provider, type_id), Providers::<T>::get(&provider)) else {
				continue;
			};
			if !offering.open || info.status != ProviderStatus::Active {
				continue;
			}
			cands.push(Candidate { provider, offering, info });
		}
		if cands.is_empty() {
			return Err(Error::<T>::NoOfferingOfType.into());
		}
		if let Target::Selector { region: Some(region), .. } = target {
			cands.retain(|c| c.offering.regions.iter().any(|r| r.as_slice() == region.as_slice()));
			if cands.is_empty() {
				return Err(Error::<T>::NoOfferingInRegion.into());
			}
		}
		cands.retain(|c| c.offering.price_per_block <= max_price);
		if cands.is_empty() {
			return Err(Error::<T>::AllOfferingsTooExpensive.into());
		}
		cands.retain(|c| c.offering.used < c.offering.capacity);
		let mut best = cands.first().ok_or(Error::<T>::AllOfferingsFull)?;
		for c in &cands {
			if prefer(c, best) == Ordering::Less {
				best = c;
			}
		}
		Ok((best.provider.clone(), best.offering.price_per_block))
	}
}

//! `Subscriptions` (index 21): award, life cycle, lazy billing and expiry of deployments, and
//! the `DinfraApi` runtime API declaration.
//!
//! The normative description is runtime-specs/dinfra.md; the TypeScript runtime
//! (packages/runtime/src/pallets/subscriptions) implements the same pallet, and the
//! conformance vectors (frame/vectors) hold both to the same storage, events and errors.
#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub mod api;
mod award;
mod billing;
pub mod lenient;
mod lifecycle;
mod target;
pub mod types;
pub mod weights;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;

// `DinfraApi` (std) and `runtime_decl_for_dinfra_api` (what impl_runtime_apis! looks for).
pub use api::*;
pub use pallet::*;
pub use weights::WeightInfo;

/// Subscriptions to deployments: award, status, billing, expiry.
#[frame_support::pallet]
pub mod pallet {
	use crate::{types::*, weights::WeightInfo};
	use alloc::vec::Vec;
	use frame_support::pallet_prelude::*;
	use frame_system::pallet_prelude::*;
	use pallet_dinfra_providers::{BalanceOf, Pallet as ProvidersPallet};
	use sp_runtime::SaturatedConversion;

	#[pallet::pallet]
	pub struct Pallet<T>(_);

	/// `Target` as `subscribe` spells it, `Target<T::AccountId>`, which is the argument's type
	/// name in the TypeScript runtime's metadata. It is `types::Target` for every account type.
	type Target<A> = <A as TargetFor>::Target;
	pub trait TargetFor {
		type Target;
	}
	impl<A> TargetFor for A {
		type Target = crate::types::Target;
	}

	#[pallet::config]
	pub trait Config: frame_system::Config + pallet_dinfra_providers::Config {
		type WeightInfo: WeightInfo;
	}

	/// Subscriptions by id: live ones, and terminated ones until they are purged.
	#[pallet::storage]
	pub type Subscriptions<T: Config> = StorageMap<_, Twox64Concat, SubscriptionId, Subscription, OptionQuery>;

	/// The id the next subscription gets.
	#[pallet::storage]
	pub type NextSubscriptionId<T: Config> = StorageValue<_, SubscriptionId, ValueQuery>;

	/// Live subscriptions awarded to a provider (iterate with the provider's key prefix).
	#[pallet::storage]
	pub type SubscriptionsByProvider<T: Config> =
		StorageDoubleMap<_, Blake2_128Concat, AccountId, Twox64Concat, SubscriptionId, (), OptionQuery>;

	/// Live subscriptions of a subscriber.
	#[pallet::storage]
	pub type SubscriptionsBySubscriber<T: Config> =
		StorageDoubleMap<_, Blake2_128Concat, AccountId, Twox64Concat, SubscriptionId, (), OptionQuery>;

	/// What happens to which subscription at which block: at most one entry per (block, subscription).
	#[pallet::storage]
	pub type Agenda<T: Config> =
		StorageDoubleMap<_, Twox64Concat, BlockNumber, Twox64Concat, SubscriptionId, AgendaKind, OptionQuery>;

	#[pallet::event]
	#[pallet::generate_deposit(pub(crate) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A subscription was created and its deposit reserved.
		Subscribed { id: SubscriptionId, subscriber: AccountId, type_id: TypeId, deposit: Balance },
		/// A subscription was awarded to a provider, which must report Provisioning before `ack_deadline`.
		Awarded { id: SubscriptionId, provider: AccountId, price_per_block: Balance, ack_deadline: BlockNumber },
		/// A provider lost the award: no Provisioning report in time, or a Failed report (its reason in `cause`).
		AwardLost { id: SubscriptionId, provider: AccountId, cause: LossCause },
		/// The assigned provider reported a new status.
		StatusChanged { id: SubscriptionId, provider: AccountId, status: SubscriptionStatus },
		/// Billing started (first Running report of this award); `expires_at` is None for free offerings.
		BillingStarted { id: SubscriptionId, from: BlockNumber, expires_at: Option<BlockNumber> },
		/// `amount` was paid from the deposit to the provider for the blocks up to `settled_to`.
		Settled { id: SubscriptionId, provider: AccountId, amount: Balance, settled_to: BlockNumber },
		/// The deposit was increased; `deposit` is the new unsettled deposit.
		ToppedUp { id: SubscriptionId, amount: Balance, deposit: Balance, expires_at: Option<BlockNumber> },
		/// The deposit runs out at `expires_at`, LowFundsWarning blocks (or fewer) from now.
		FundsLow { id: SubscriptionId, remaining: Balance, expires_at: BlockNumber },
		/// The subscription ended; `refund` was returned to the subscriber.
		Terminated { id: SubscriptionId, provider: AccountId, reason: TerminationReason, refund: Balance },
		/// A terminated subscription was removed from storage.
		Purged { id: SubscriptionId },
	}

	#[pallet::error]
	pub enum Error<T> {
		/// The descriptor CID is not a CIDv0 / CIDv1 string of at most MaxCidLen bytes.
		InvalidCid,
		/// The deposit is below MinimumDeposit.
		DepositBelowMinimum,
		/// No deployment type has this id.
		UnknownDeploymentType,
		/// The named provider is not registered.
		UnknownProvider,
		/// The allow-list has more than MaxAllowList providers.
		TooManyAllowedProviders,
		/// The region is empty or longer than MaxRegionLen bytes.
		BadRegion,
		/// No open offering of the type from an active (not paused) provider (in the allow-list, if any).
		NoOfferingOfType,
		/// Open offerings of the type exist, but none in the requested region.
		NoOfferingInRegion,
		/// Every offering that matches costs more per block than max_price_per_block.
		AllOfferingsTooExpensive,
		/// Every offering that matches and is affordable has no free capacity.
		AllOfferingsFull,
		/// No subscription has this id (never existed, or purged).
		UnknownSubscription,
		/// The subscription is terminated.
		AlreadyTerminated,
		/// Only the subscriber may do this.
		NotSubscriber,
		/// Only the assigned provider or its operator may report the status.
		NotAssignedProvider,
		/// Only the subscriber, or the assigned provider or its operator, may terminate.
		NotAllowed,
		/// The reported status does not follow from the current one.
		IllegalTransition,
		/// A Running report lists no endpoint or more than MaxEndpoints.
		TooManyEndpoints,
		/// An endpoint is empty or longer than MaxEndpointLen bytes.
		BadEndpoint,
		/// The amount must be positive.
		ZeroAmount,
		/// The subscription is not being billed (it has not reported Running yet).
		NotBilling,
		/// A Failed report's reason is longer than MaxReasonLen bytes or not UTF-8.
		BadReason,
	}

	#[pallet::extra_constants]
	impl<T: Config> Pallet<T> {
		/// The smallest deposit `subscribe` accepts.
		#[pallet::constant_name(MinimumDeposit)]
		fn minimum_deposit() -> Balance {
			MINIMUM_DEPOSIT
		}
		/// Blocks an awarded provider has to report Provisioning.
		#[pallet::constant_name(AckTimeout)]
		fn ack_timeout() -> u32 {
			ACK_TIMEOUT
		}
		/// FundsLow is emitted this many blocks before expiry.
		#[pallet::constant_name(LowFundsWarning)]
		fn low_funds_warning() -> u32 {
			LOW_FUNDS_WARNING
		}
		/// Blocks a terminated subscription stays in storage.
		#[pallet::constant_name(TerminatedRetention)]
		fn terminated_retention() -> u32 {
			TERMINATED_RETENTION
		}
		/// Maximum providers in a selector allow-list.
		#[pallet::constant_name(MaxAllowList)]
		fn max_allow_list() -> u32 {
			MAX_ALLOW_LIST
		}
		/// Maximum endpoints of a Running report.
		#[pallet::constant_name(MaxEndpoints)]
		fn max_endpoints() -> u32 {
			MAX_ENDPOINTS
		}
		/// Maximum length of an endpoint, in bytes.
		#[pallet::constant_name(MaxEndpointLen)]
		fn max_endpoint_len() -> u32 {
			MAX_ENDPOINT_LEN
		}
		/// A subscription is awarded at most this many times.
		#[pallet::constant_name(MaxAwardAttempts)]
		fn max_award_attempts() -> u32 {
			MAX_AWARD_ATTEMPTS
		}
		/// Maximum length of a Failed report's reason, in bytes (UTF-8).
		#[pallet::constant_name(MaxReasonLen)]
		fn max_reason_len() -> u32 {
			MAX_REASON_LEN
		}
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		/// Runs the agenda of block `n`: O(entries of block n).
		fn on_initialize(n: BlockNumberFor<T>) -> Weight {
			let entries = Self::run_agenda(n.saturated_into());
			<T as Config>::WeightInfo::on_initialize(entries)
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Subscribes to a deployment: awards it at once to the best offering that fits (see the
		/// spec for the order) and reserves `deposit`. Fails with the reason when nothing fits.
		#[pallet::call_index(0)]
		#[pallet::weight(<T as Config>::WeightInfo::subscribe(crate::weights::offerings_read(target)))]
		pub fn subscribe(
			origin: OriginFor<T>,
			target: Target<T::AccountId>,
			descriptor_cid: Vec<u8>,
			deposit: BalanceOf<T>,
			max_price_per_block: BalanceOf<T>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_subscribe(who, target, descriptor_cid, deposit, max_price_per_block)
		}

		/// The assigned provider (or its operator) reports the deployment's status. Only legal
		/// transitions are accepted; a valid report pays no fee. Failed loses the award; its reason
		/// (UTF-8, at most MaxReasonLen bytes) is carried in AwardLost and kept in `last_loss`.
		#[pallet::call_index(1)]
		#[pallet::weight(<T as Config>::WeightInfo::report_status())]
		pub fn report_status(origin: OriginFor<T>, id: SubscriptionId, report: StatusReport) -> DispatchResultWithPostInfo {
			let who = ensure_signed(origin)?;
			Self::do_report_status(who, id, report)?;
			Ok(Pays::No.into())
		}

		/// The subscriber adds `amount` to the deposit (settling first when billing), pushing the expiry out.
		#[pallet::call_index(2)]
		#[pallet::weight(<T as Config>::WeightInfo::top_up())]
		pub fn top_up(origin: OriginFor<T>, id: SubscriptionId, amount: BalanceOf<T>) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_top_up(who, id, amount)
		}

		/// Ends a subscription: by the subscriber (BySubscriber) or by the assigned provider or its
		/// operator (ByProvider). Settles what is owed and refunds the rest of the deposit.
		#[pallet::call_index(3)]
		#[pallet::weight(<T as Config>::WeightInfo::terminate())]
		pub fn terminate(origin: OriginFor<T>, id: SubscriptionId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let mut sub = Self::must_live(id)?;
			let reason = if who == sub.subscriber {
				TerminationReason::BySubscriber
			} else if ProvidersPallet::<T>::acts_for(&who, &sub.provider) {
				TerminationReason::ByProvider
			} else {
				return Err(Error::<T>::NotAllowed.into());
			};
			Self::do_terminate(id, &mut sub, reason);
			Ok(())
		}

		/// Anyone may settle a billing subscription: pays the provider what is owed up to this block.
		#[pallet::call_index(4)]
		#[pallet::weight(<T as Config>::WeightInfo::settle())]
		pub fn settle(origin: OriginFor<T>, id: SubscriptionId) -> DispatchResult {
			ensure_signed(origin)?;
			let mut sub = Self::must_live(id)?;
			ensure!(sub.settled_to.is_some(), Error::<T>::NotBilling);
			Self::do_settle(id, &mut sub, Self::now());
			Subscriptions::<T>::insert(id, sub);
			Ok(())
		}
	}

	impl<T: Config> Pallet<T> {
		/// The number of the block being executed.
		pub fn now() -> BlockNumber {
			frame_system::Pallet::<T>::block_number().saturated_into()
		}

		/// The live subscription `id`, or UnknownSubscription / AlreadyTerminated.
		pub fn must_live(id: SubscriptionId) -> Result<Subscription, DispatchError> {
			let sub = Subscriptions::<T>::get(id).ok_or(Error::<T>::UnknownSubscription)?;
			ensure!(sub.is_live(), Error::<T>::AlreadyTerminated);
			Ok(sub)
		}
	}
}

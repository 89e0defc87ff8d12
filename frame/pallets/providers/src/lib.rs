//! `Providers` (index 20): deployment types, providers and their offerings.
//!
//! The normative description is runtime-specs/dinfra.md; the TypeScript runtime
//! (packages/runtime/src/pallets/providers) implements the same pallet, and the conformance
//! vectors (frame/vectors) hold both to the same storage, events and errors.
#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub mod cid;
pub mod genesis;
pub mod types;
pub mod weights;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;

pub use pallet::*;
pub use weights::WeightInfo;

/// Providers, their offerings, and deployment types.
#[frame_support::pallet]
pub mod pallet {
	use crate::{cid::is_cid, types::*, weights::WeightInfo};
	use alloc::vec::Vec;
	use frame_support::{
		pallet_prelude::*,
		traits::{Currency, ReservableCurrency},
	};
	use frame_system::pallet_prelude::*;
	use sp_runtime::SaturatedConversion;

	pub type BalanceOf<T> = <<T as Config>::Currency as Currency<AccountId>>::Balance;

	#[pallet::pallet]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config<AccountId = AccountId> {
		/// Deposits are reserved from (and repatriated to) free balances of this currency.
		type Currency: ReservableCurrency<AccountId, Balance = Balance>;
		/// The error `reserve` fails with when the free balance would drop below the
		/// existential deposit (the runtime's `Balances.InsufficientBalance`).
		type InsufficientBalance: Get<DispatchError>;
		type WeightInfo: WeightInfo;
	}

	/// Registered providers by account.
	#[pallet::storage]
	pub type Providers<T: Config> = StorageMap<_, Blake2_128Concat, AccountId, ProviderInfo, OptionQuery>;

	/// Provider account by name (names are unique).
	#[pallet::storage]
	pub type ProviderByName<T: Config> = StorageMap<_, Blake2_128Concat, Name, AccountId, OptionQuery>;

	/// Offerings by (provider, deployment type). `used` is the number of live subscriptions awarded to it.
	#[pallet::storage]
	pub type Offerings<T: Config> =
		StorageDoubleMap<_, Blake2_128Concat, AccountId, Twox64Concat, TypeId, Offering, OptionQuery>;

	/// Providers with an offering of a type, in order of first `set_offering` (the award scans this list).
	#[pallet::storage]
	pub type OfferingsByType<T: Config> =
		StorageMap<_, Twox64Concat, TypeId, BoundedVec<AccountId, MaxOfferingsPerType>, ValueQuery>;

	/// Deployment types by id.
	#[pallet::storage]
	pub type DeploymentTypes<T: Config> = StorageMap<_, Twox64Concat, TypeId, DeploymentType, OptionQuery>;

	/// Deployment type id by name (names are unique).
	#[pallet::storage]
	pub type TypeByName<T: Config> = StorageMap<_, Blake2_128Concat, Name, TypeId, OptionQuery>;

	/// The id the next registered deployment type gets.
	#[pallet::storage]
	pub type NextTypeId<T: Config> = StorageValue<_, TypeId, ValueQuery>;

	#[pallet::event]
	#[pallet::generate_deposit(pub(crate) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A provider registered and `deposit` was reserved.
		ProviderRegistered { provider: AccountId, name: Name, operator: AccountId, deposit: Balance },
		/// A provider set its operator key.
		OperatorSet { provider: AccountId, operator: AccountId },
		/// An offering was created or changed.
		OfferingSet { provider: AccountId, type_id: TypeId, capacity: u32, price_per_block: Balance, open: bool },
		/// An offering was closed: removed when it held no live subscription, else kept closed.
		OfferingClosed { provider: AccountId, type_id: TypeId, removed: bool },
		/// A provider paused: it receives no new awards.
		ProviderPaused { provider: AccountId },
		/// A paused provider resumed.
		ProviderResumed { provider: AccountId },
		/// A provider deregistered; its deposit was released.
		ProviderDeregistered { provider: AccountId, deposit: Balance },
		/// A deployment type was registered.
		DeploymentTypeRegistered { type_id: TypeId, name: Name, schema_cid: Cid, owner: Option<AccountId>, deposit: Balance },
	}

	#[pallet::error]
	pub enum Error<T> {
		/// The account is already registered as a provider.
		AlreadyRegistered,
		/// The account is not a registered provider.
		NotProvider,
		/// Another provider (or deployment type) already has this name.
		NameTaken,
		/// The name is empty or longer than MaxNameLen bytes.
		BadName,
		/// The API URL is empty or longer than MaxUrlLen bytes.
		UrlTooLong,
		/// More than MaxRegions regions.
		TooManyRegions,
		/// A region is empty or longer than MaxRegionLen bytes, or listed twice.
		BadRegion,
		/// An offering must have a capacity of at least 1 (use close_offering instead).
		ZeroCapacity,
		/// No deployment type has this id.
		UnknownDeploymentType,
		/// The provider has no offering of this deployment type.
		NoSuchOffering,
		/// The deployment type already has MaxOfferingsPerType offerings.
		TooManyOfferings,
		/// The provider is already paused.
		AlreadyPaused,
		/// The provider is not paused.
		NotPaused,
		/// The provider still holds live subscriptions; they must end first.
		HasLiveSubscriptions,
		/// The CID is not a CIDv0 / CIDv1 string of at most MaxCidLen bytes.
		InvalidCid,
		/// Only Root or a registered provider may register a deployment type.
		NotAllowed,
	}

	#[pallet::extra_constants]
	impl<T: Config> Pallet<T> {
		/// Reserved by `register`, released by `deregister`.
		#[pallet::constant_name(ProviderDeposit)]
		fn provider_deposit() -> Balance {
			PROVIDER_DEPOSIT
		}
		/// Reserved from a provider that registers a deployment type.
		#[pallet::constant_name(TypeDeposit)]
		fn type_deposit() -> Balance {
			TYPE_DEPOSIT
		}
		/// Maximum length of provider and type names, in bytes.
		#[pallet::constant_name(MaxNameLen)]
		fn max_name_len() -> u32 {
			MAX_NAME_LEN
		}
		/// Maximum length of a provider API URL, in bytes.
		#[pallet::constant_name(MaxUrlLen)]
		fn max_url_len() -> u32 {
			MAX_URL_LEN
		}
		/// Maximum number of regions of an offering.
		#[pallet::constant_name(MaxRegions)]
		fn max_regions() -> u32 {
			MAX_REGIONS
		}
		/// Maximum length of a region, in bytes.
		#[pallet::constant_name(MaxRegionLen)]
		fn max_region_len() -> u32 {
			MAX_REGION_LEN
		}
		/// Maximum length of a CID string, in bytes.
		#[pallet::constant_name(MaxCidLen)]
		fn max_cid_len() -> u32 {
			MAX_CID_LEN
		}
		/// Maximum number of offerings of one deployment type.
		#[pallet::constant_name(MaxOfferingsPerType)]
		fn max_offerings_per_type() -> u32 {
			MAX_OFFERINGS_PER_TYPE
		}
	}

	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// Deployment types appended after the built-in ones (ids 4, 5, ...), without deposit.
		pub deployment_types: Vec<crate::genesis::GenesisType>,
		#[serde(skip)]
		pub _config: core::marker::PhantomData<T>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			for (name, cid) in crate::genesis::BUILTIN_TYPES {
				Pallet::<T>::create_type(name.as_bytes(), cid.as_bytes(), None, 0)
					.expect("the built-in deployment types are valid");
			}
			for t in &self.deployment_types {
				let (name, cid) = (crate::genesis::bytes_of(&t.name), crate::genesis::bytes_of(&t.schema_cid));
				Pallet::<T>::create_type(&name, &cid, None, 0).expect("a genesis deployment type is valid and unique");
			}
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Registers the caller as a provider, reserving `ProviderDeposit`. `operator` is the key its gateway signs with.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::register())]
		pub fn register(origin: OriginFor<T>, name: Vec<u8>, api_url: Vec<u8>, operator: T::AccountId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			ensure!(!Providers::<T>::contains_key(&who), Error::<T>::AlreadyRegistered);
			let name: Name = name.try_into().ok().filter(|n: &Name| !n.is_empty()).ok_or(Error::<T>::BadName)?;
			let api_url: BoundedVec<u8, MaxUrlLen> =
				api_url.try_into().ok().filter(|u: &BoundedVec<u8, MaxUrlLen>| !u.is_empty()).ok_or(Error::<T>::UrlTooLong)?;
			ensure!(!ProviderByName::<T>::contains_key(&name), Error::<T>::NameTaken);
			Self::reserve(&who, PROVIDER_DEPOSIT)?;
			Providers::<T>::insert(
				&who,
				ProviderInfo {
					name: name.clone(),
					api_url,
					operator: operator.clone(),
					deposit: PROVIDER_DEPOSIT,
					status: ProviderStatus::Active,
					live_subscriptions: 0,
					registered_at: Self::now(),
				},
			);
			ProviderByName::<T>::insert(&name, &who);
			Self::deposit_event(Event::ProviderRegistered { provider: who, name, operator, deposit: PROVIDER_DEPOSIT });
			Ok(())
		}

		/// Creates or changes the caller's offering of a deployment type. Existing subscriptions keep
		/// the price they were awarded at; `used` is kept. Capacity may be set below `used`.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::set_offering())]
		pub fn set_offering(
			origin: OriginFor<T>,
			type_id: TypeId,
			capacity: u32,
			price_per_block: BalanceOf<T>,
			regions: Vec<Vec<u8>>,
			open: bool,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::must_provider(&who)?;
			ensure!(DeploymentTypes::<T>::contains_key(type_id), Error::<T>::UnknownDeploymentType);
			ensure!(capacity > 0, Error::<T>::ZeroCapacity);
			let regions = Self::check_regions(regions)?;
			let existing = Offerings::<T>::get(&who, type_id);
			if existing.is_none() {
				let mut list = OfferingsByType::<T>::get(type_id);
				list.try_push(who.clone()).map_err(|_| Error::<T>::TooManyOfferings)?;
				OfferingsByType::<T>::insert(type_id, list);
			}
			let used = existing.map_or(0, |o| o.used);
			Offerings::<T>::insert(&who, type_id, Offering { capacity, used, price_per_block, regions, open });
			Self::deposit_event(Event::OfferingSet { provider: who, type_id, capacity, price_per_block, open });
			Ok(())
		}

		/// Closes the caller's offering of a type: it receives no new awards. It is removed at once
		/// when it holds no live subscription, else kept (closed) so its used capacity stays counted.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::close_offering())]
		pub fn close_offering(origin: OriginFor<T>, type_id: TypeId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::must_provider(&who)?;
			let mut o = Offerings::<T>::get(&who, type_id).ok_or(Error::<T>::NoSuchOffering)?;
			let removed = o.used == 0;
			if removed {
				Offerings::<T>::remove(&who, type_id);
				Self::remove_from_type(type_id, &who);
			} else {
				o.open = false;
				Offerings::<T>::insert(&who, type_id, o);
			}
			Self::deposit_event(Event::OfferingClosed { provider: who, type_id, removed });
			Ok(())
		}

		/// Sets the operator key of the calling provider.
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::set_operator())]
		pub fn set_operator(origin: OriginFor<T>, operator: T::AccountId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let mut p = Self::must_provider(&who)?;
			p.operator = operator.clone();
			Providers::<T>::insert(&who, p);
			Self::deposit_event(Event::OperatorSet { provider: who, operator });
			Ok(())
		}

		/// Pauses the calling provider: it receives no new awards (existing subscriptions continue).
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::pause())]
		pub fn pause(origin: OriginFor<T>) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let mut p = Self::must_provider(&who)?;
			ensure!(p.status != ProviderStatus::Paused, Error::<T>::AlreadyPaused);
			p.status = ProviderStatus::Paused;
			Providers::<T>::insert(&who, p);
			Self::deposit_event(Event::ProviderPaused { provider: who });
			Ok(())
		}

		/// Resumes a paused provider.
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::resume())]
		pub fn resume(origin: OriginFor<T>) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let mut p = Self::must_provider(&who)?;
			ensure!(p.status == ProviderStatus::Paused, Error::<T>::NotPaused);
			p.status = ProviderStatus::Active;
			Providers::<T>::insert(&who, p);
			Self::deposit_event(Event::ProviderResumed { provider: who });
			Ok(())
		}

		/// Deregisters the calling provider: removes its offerings and releases its deposit. Refused while it holds live subscriptions.
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::deregister())]
		pub fn deregister(origin: OriginFor<T>) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let p = Self::must_provider(&who)?;
			ensure!(p.live_subscriptions == 0, Error::<T>::HasLiveSubscriptions);
			let types: Vec<TypeId> = Offerings::<T>::iter_key_prefix(&who).collect();
			for type_id in types {
				Offerings::<T>::remove(&who, type_id);
				Self::remove_from_type(type_id, &who);
			}
			ProviderByName::<T>::remove(&p.name);
			Providers::<T>::remove(&who);
			T::Currency::unreserve(&who, p.deposit);
			Self::deposit_event(Event::ProviderDeregistered { provider: who, deposit: p.deposit });
			Ok(())
		}

		/// Registers a deployment type: a name and the CID of the JSON Schema its descriptors match.
		/// Root registers without deposit; a registered provider reserves `TypeDeposit`.
		#[pallet::call_index(7)]
		#[pallet::weight(T::WeightInfo::register_type())]
		pub fn register_type(origin: OriginFor<T>, name: Vec<u8>, schema_cid: Vec<u8>) -> DispatchResult {
			match ensure_signed_or_root(origin)? {
				None => Self::create_type(&name, &schema_cid, None, 0).map(|_| ()),
				Some(who) => {
					ensure!(Providers::<T>::contains_key(&who), Error::<T>::NotAllowed);
					Self::create_type(&name, &schema_cid, Some(who), TYPE_DEPOSIT).map(|_| ())
				},
			}
		}
	}

	impl<T: Config> Pallet<T> {
		/// The number of the block being executed.
		pub fn now() -> BlockNumber {
			frame_system::Pallet::<T>::block_number().saturated_into()
		}

		/// Reserves `amount`, refusing (with the runtime's `Balances.InsufficientBalance`) when the
		/// free balance would drop below the existential deposit (runtime-specs/dinfra.md).
		pub fn reserve(who: &AccountId, amount: Balance) -> DispatchResult {
			let need = amount.checked_add(T::Currency::minimum_balance());
			if need.map_or(true, |n| T::Currency::free_balance(who) < n) {
				return Err(T::InsufficientBalance::get());
			}
			T::Currency::reserve(who, amount)
		}

		/// The provider record of `who`, or NotProvider.
		pub fn must_provider(who: &AccountId) -> Result<ProviderInfo, DispatchError> {
			Providers::<T>::get(who).ok_or_else(|| Error::<T>::NotProvider.into())
		}

		/// Whether `who` may act for `provider` (the provider account or its current operator).
		pub fn acts_for(who: &AccountId, provider: &AccountId) -> bool {
			who == provider || Providers::<T>::get(provider).is_some_and(|p| &p.operator == who)
		}

		fn check_regions(regions: Vec<Vec<u8>>) -> Result<Regions, DispatchError> {
			ensure!(regions.len() <= MAX_REGIONS as usize, Error::<T>::TooManyRegions);
			let mut out = Regions::default();
			for r in regions {
				let region: Region = r.try_into().map_err(|_| Error::<T>::BadRegion)?;
				ensure!(!region.is_empty() && !out.contains(&region), Error::<T>::BadRegion);
				out.try_push(region).map_err(|_| Error::<T>::TooManyRegions)?;
			}
			Ok(out)
		}

		/// Removes `who` from the offering index of `type_id`; an empty list is removed.
		pub(crate) fn remove_from_type(type_id: TypeId, who: &AccountId) {
			let mut list = OfferingsByType::<T>::get(type_id);
			list.retain(|x| x != who);
			if list.is_empty() {
				OfferingsByType::<T>::remove(type_id);
			} else {
				OfferingsByType::<T>::insert(type_id, list);
			}
		}

		/// Creates a deployment type; `owner` pays `deposit` (none for Root and genesis). Returns its id.
		pub fn create_type(
			name: &[u8],
			schema_cid: &[u8],
			owner: Option<AccountId>,
			deposit: Balance,
		) -> Result<TypeId, DispatchError> {
			let name: Name = name.to_vec().try_into().ok().filter(|n: &Name| !n.is_empty()).ok_or(Error::<T>::BadName)?;
			ensure!(is_cid(schema_cid), Error::<T>::InvalidCid);
			let schema_cid: Cid = schema_cid.to_vec().try_into().map_err(|_| Error::<T>::InvalidCid)?;
			ensure!(!TypeByName::<T>::contains_key(&name), Error::<T>::NameTaken);
			if let Some(who) = &owner {
				if deposit > 0 {
					Self::reserve(who, deposit)?;
				}
			}
			let id = NextTypeId::<T>::get();
			DeploymentTypes::<T>::insert(
				id,
				DeploymentType {
					name: name.clone(),
					schema_cid: schema_cid.clone(),
					owner: owner.clone(),
					deposit,
					registered_at: Self::now(),
				},
			);
			TypeByName::<T>::insert(&name, id);
			NextTypeId::<T>::put(id + 1);
			Self::deposit_event(Event::DeploymentTypeRegistered { type_id: id, name, schema_cid, owner, deposit });
			Ok(id)
		}
	}
}

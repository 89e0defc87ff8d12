//! `BoundedVec` of call arguments that decodes without its bound.
//!
//! `Target` is both a call argument and part of the stored `Subscription`. Its `providers`
//! and `region` are `BoundedVec`s in the metadata, but `subscribe` must refuse an allow-list
//! that is too long with `TooManyAllowedProviders` and a region that is too long with
//! `BadRegion` (runtime-specs/dinfra.md), as the TypeScript runtime does, not fail to decode.
//! This type encodes and describes itself exactly as `frame_support::BoundedVec<T, S>`
//! (scale-info delegates to it), decodes any length, and `subscribe` checks the bound before
//! anything is stored.

use alloc::vec::Vec;
use codec::{Compact, Decode, DecodeWithMemTracking, Encode, EncodeLike, MaxEncodedLen};
use core::marker::PhantomData;
use frame_support::traits::Get;
use scale_info::TypeInfo;

pub struct BoundedVec<T, S>(pub Vec<T>, PhantomData<S>);

impl<T, S> BoundedVec<T, S> {
	pub fn new(v: Vec<T>) -> Self {
		Self(v, PhantomData)
	}
	pub fn len(&self) -> usize {
		self.0.len()
	}
	pub fn is_empty(&self) -> bool {
		self.0.is_empty()
	}
	pub fn contains(&self, x: &T) -> bool
	where
		T: PartialEq,
	{
		self.0.contains(x)
	}
	pub fn as_slice(&self) -> &[T] {
		&self.0
	}
}

impl<T: Clone, S> Clone for BoundedVec<T, S> {
	fn clone(&self) -> Self {
		Self::new(self.0.clone())
	}
}
impl<T: PartialEq, S> PartialEq for BoundedVec<T, S> {
	fn eq(&self, other: &Self) -> bool {
		self.0 == other.0
	}
}
impl<T: Eq, S> Eq for BoundedVec<T, S> {}
impl<T: core::fmt::Debug, S> core::fmt::Debug for BoundedVec<T, S> {
	fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
		self.0.fmt(f)
	}
}
impl<T: Encode, S> Encode for BoundedVec<T, S> {
	fn size_hint(&self) -> usize {
		self.0.size_hint()
	}
	fn encode_to<O: codec::Output + ?Sized>(&self, dest: &mut O) {
		self.0.encode_to(dest)
	}
}
impl<T: Encode, S> EncodeLike for BoundedVec<T, S> {}
impl<T: Decode, S> Decode for BoundedVec<T, S> {
	fn decode<I: codec::Input>(input: &mut I) -> Result<Self, codec::Error> {
		Vec::<T>::decode(input).map(Self::new)
	}
}
impl<T: DecodeWithMemTracking, S> DecodeWithMemTracking for BoundedVec<T, S> {}
impl<T: MaxEncodedLen, S: Get<u32>> MaxEncodedLen for BoundedVec<T, S> {
	fn max_encoded_len() -> usize {
		Compact(S::get()).encoded_size().saturating_add((S::get() as usize).saturating_mul(T::max_encoded_len()))
	}
}
impl<T: TypeInfo + 'static, S: Get<u32> + 'static> TypeInfo for BoundedVec<T, S> {
	type Identity = Self;
	fn type_info() -> scale_info::Type {
		<frame_support::BoundedVec<T, S> as TypeInfo>::type_info()
	}
}

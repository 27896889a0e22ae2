//! A loom stand-in for the part of `crossbeam::epoch` a Treiber stack uses (P03).
//!
//! loom cannot run crossbeam-epoch's real collector inside this book's models: crossbeam switches to loom's types
//! only under its own `--cfg crossbeam_loom` (crossbeam-epoch's `tests/loom.rs` model-checks a Treiber stack that
//! way), not under the book's `--cfg loom`. So a listing that uses epochs imports `epoch` from its `sync` module:
//! crossbeam's in the program, this module under `--cfg loom`. The API is crossbeam's (same names, same
//! signatures for what the listings call); the difference is reclamation: [`Guard::defer_destroy`] never frees.
//! A retired node stays allocated until the process ends, which is what an epoch collector guarantees for as long
//! as any thread might still hold a pointer to it, stretched to "forever". A model therefore checks the algorithm
//! built on top (its orderings, its compare-and-swaps, that no value is lost or taken twice) and not the collector.

use loom::sync::atomic::AtomicPtr;
use std::marker::PhantomData;
use std::ops::{Deref, DerefMut};
use std::sync::atomic::Ordering;

/// A pinned participant. In crossbeam it holds the epoch still; here there is nothing to hold.
pub struct Guard {
    _not_send: PhantomData<*const ()>,
}

/// Pins the current thread (crossbeam: `epoch::pin`).
pub fn pin() -> Guard {
    Guard {
        _not_send: PhantomData,
    }
}

impl Guard {
    /// Retires `ptr`. crossbeam frees it once no pinned thread can still see it; the stand-in never does (the
    /// node is leaked, which the model's memory can afford), so a model cannot observe a use-after-free here.
    ///
    /// # Safety
    /// As crossbeam's: `ptr` must be unreachable from the data structure for threads that pin later.
    pub unsafe fn defer_destroy<T>(&self, ptr: Shared<'_, T>) {
        let _ = ptr;
    }
}

/// A pointer that can be stored into an [`Atomic`]: [`Owned`] or [`Shared`] (crossbeam: `epoch::Pointer`).
pub trait Pointer<T> {
    fn into_ptr(self) -> *mut T;
    /// # Safety
    /// `ptr` must come from `into_ptr` of the same pointer type.
    unsafe fn from_ptr(ptr: *mut T) -> Self;
}

/// An owned heap allocation (crossbeam: `epoch::Owned`).
pub struct Owned<T>(Box<T>);

impl<T> Owned<T> {
    pub fn new(value: T) -> Self {
        Owned(Box::new(value))
    }
}

impl<T> Deref for Owned<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

impl<T> DerefMut for Owned<T> {
    fn deref_mut(&mut self) -> &mut T {
        &mut self.0
    }
}

impl<T> Pointer<T> for Owned<T> {
    fn into_ptr(self) -> *mut T {
        Box::into_raw(self.0)
    }
    unsafe fn from_ptr(ptr: *mut T) -> Self {
        // SAFETY: the caller passes a pointer that came from `Box::into_raw` in `into_ptr`.
        Owned(unsafe { Box::from_raw(ptr) })
    }
}

/// A pointer valid while the guard `'g` lives (crossbeam: `epoch::Shared`).
pub struct Shared<'g, T> {
    ptr: *mut T,
    _guard: PhantomData<(&'g (), *const T)>,
}

impl<T> Clone for Shared<'_, T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T> Copy for Shared<'_, T> {}

impl<'g, T> Shared<'g, T> {
    fn from_raw(ptr: *mut T) -> Self {
        Shared {
            ptr,
            _guard: PhantomData,
        }
    }

    pub fn null() -> Self {
        Shared::from_raw(std::ptr::null_mut())
    }

    pub fn is_null(&self) -> bool {
        self.ptr.is_null()
    }

    /// # Safety
    /// As crossbeam's: the pointee must not have been freed (here it never is).
    pub unsafe fn as_ref(&self) -> Option<&'g T> {
        // SAFETY: a non-null `Shared` points to a live node (the stand-in never frees one).
        unsafe { self.ptr.as_ref() }
    }
}

impl<T> Pointer<T> for Shared<'_, T> {
    fn into_ptr(self) -> *mut T {
        self.ptr
    }
    unsafe fn from_ptr(ptr: *mut T) -> Self {
        Shared::from_raw(ptr)
    }
}

/// The error of a failed [`Atomic::compare_exchange`]: the value found, and the new pointer handed back.
pub struct CompareExchangeError<'g, T, P: Pointer<T>> {
    pub current: Shared<'g, T>,
    pub new: P,
}

/// An atomic pointer (crossbeam: `epoch::Atomic`), here loom's `AtomicPtr`, so every load, store and
/// compare-and-swap with its ordering is a point where loom switches threads and checks causality.
pub struct Atomic<T> {
    ptr: AtomicPtr<T>,
}

// SAFETY: as crossbeam's `Atomic`: it is a shared pointer to a `T` that threads may reach.
unsafe impl<T: Send + Sync> Send for Atomic<T> {}
// SAFETY: as above.
unsafe impl<T: Send + Sync> Sync for Atomic<T> {}

impl<T> Atomic<T> {
    pub fn null() -> Self {
        Atomic {
            ptr: AtomicPtr::new(std::ptr::null_mut()),
        }
    }

    pub fn load<'g>(&self, order: Ordering, _guard: &'g Guard) -> Shared<'g, T> {
        Shared::from_raw(self.ptr.load(order))
    }

    pub fn store<P: Pointer<T>>(&self, new: P, order: Ordering) {
        self.ptr.store(new.into_ptr(), order);
    }

    pub fn compare_exchange<'g, P: Pointer<T>>(
        &self,
        current: Shared<'_, T>,
        new: P,
        success: Ordering,
        failure: Ordering,
        _guard: &'g Guard,
    ) -> Result<Shared<'g, T>, CompareExchangeError<'g, T, P>> {
        let new = new.into_ptr();
        match self
            .ptr
            .compare_exchange(current.ptr, new, success, failure)
        {
            Ok(_) => Ok(Shared::from_raw(new)),
            Err(found) => Err(CompareExchangeError {
                current: Shared::from_raw(found),
                // SAFETY: `new` came from `into_ptr` just above and was not stored.
                new: unsafe { P::from_ptr(new) },
            }),
        }
    }
}

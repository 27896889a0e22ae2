use std::cell::{Cell, RefCell};
use std::rc::Rc;
use std::sync::atomic::AtomicU64;
use std::sync::mpsc::Receiver;
use std::sync::{Arc, Mutex, MutexGuard, RwLock};

fn assert_send<T: ?Sized + Send>() {}
fn assert_sync<T: ?Sized + Sync>() {}

// The negative checks. `<T as AmbiguousIfSend<_>>::check()` has one candidate impl when
// `T` is not `Send`, and two when it is, which is a compile error (E0283, type
// annotations needed). The same trick works for `Sync`.
trait AmbiguousIfSend<A> {
    fn check() {}
}
impl<T: ?Sized> AmbiguousIfSend<()> for T {}
impl<T: ?Sized + Send> AmbiguousIfSend<u8> for T {}

trait AmbiguousIfSync<A> {
    fn check() {}
}
impl<T: ?Sized> AmbiguousIfSync<()> for T {}
impl<T: ?Sized + Sync> AmbiguousIfSync<u8> for T {}

macro_rules! assert_not_send {
    ($t:ty) => {
        <$t as AmbiguousIfSend<_>>::check()
    };
}
macro_rules! assert_not_sync {
    ($t:ty) => {
        <$t as AmbiguousIfSync<_>>::check()
    };
}

// ANCHOR: body
// No impl is written: the compiler infers `Send` and `Sync` from the fields.
struct Job {
    name: String,
    attempts: u32,
    payload: Vec<u8>,
}

fn main() {
    assert_send::<Job>();
    assert_sync::<Job>();

    // Send, not Sync: may move to another thread, may not be shared by reference.
    assert_send::<Cell<u64>>();
    assert_not_sync!(Cell<u64>);
    assert_send::<RefCell<Vec<u8>>>();
    assert_not_sync!(RefCell<Vec<u8>>);
    assert_send::<Receiver<Job>>();
    assert_not_sync!(Receiver<Job>);

    // Sync, not Send: may be read from other threads, must be dropped where it was made.
    assert_sync::<MutexGuard<'static, Job>>();
    assert_not_send!(MutexGuard<'static, Job>);

    // Neither: a non-atomic count, a raw pointer.
    assert_not_send!(Rc<Job>);
    assert_not_sync!(Rc<Job>);
    assert_not_send!(*const u8);
    assert_not_sync!(*const u8);

    // A mutex turns `Send` into `Send + Sync`; an `RwLock` shares its value among
    // readers at once, so it needs `T: Send + Sync` to be `Sync`.
    assert_sync::<Mutex<Cell<u64>>>();
    assert_sync::<RwLock<Vec<u8>>>();
    assert_not_sync!(RwLock<Cell<u64>>);
    assert_send::<Arc<Mutex<Job>>>();
    assert_not_send!(Arc<Cell<u64>>);
    assert_sync::<AtomicU64>();

    let job = Job {
        name: "resize".into(),
        attempts: 1,
        payload: vec![0; 3],
    };
    println!(
        "{} (attempt {}, {} bytes): every bound above holds",
        job.name,
        job.attempts,
        job.payload.len()
    );
}
// ANCHOR_END: body

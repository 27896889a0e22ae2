use std::cell::{Cell, RefCell};
use std::sync::atomic::AtomicU64;
use std::sync::mpsc::Receiver;
use std::sync::{Arc, Mutex, MutexGuard, RwLock};

fn assert_send<T: ?Sized + Send>() {}
fn assert_sync<T: ?Sized + Sync>() {}

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
    assert_send::<RefCell<Vec<u8>>>();
    assert_send::<Receiver<Job>>();

    // Sync, not Send: may be read from other threads, must be dropped where it was made.
    assert_sync::<MutexGuard<'static, Job>>();

    // A mutex turns `Send` into `Send + Sync`; an `RwLock` shares its value among
    // readers at once, so it needs `T: Send + Sync` to be `Sync`.
    assert_sync::<Mutex<Cell<u64>>>();
    assert_sync::<RwLock<Vec<u8>>>();
    assert_send::<Arc<Mutex<Job>>>();
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

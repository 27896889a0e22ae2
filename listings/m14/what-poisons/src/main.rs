use std::panic;
use std::sync::{Arc, Mutex, RwLock};
use std::thread;

/// Runs `f` on a new thread that panics while `f`'s guard is alive.
fn panic_holding<T: Send + 'static>(lock: T, f: fn(&T)) {
    let joined = thread::spawn(move || {
        f(&lock);
    })
    .join();
    assert!(joined.is_err(), "the thread was meant to panic");
}

fn main() {
    // Keep stderr quiet: these panics are expected.
    panic::set_hook(Box::new(|_| {}));

    // ANCHOR: poison
    let mutex = Arc::new(Mutex::new(0));
    panic_holding(Arc::clone(&mutex), |m| {
        let _guard = m.lock().unwrap();
        panic!("while holding the lock");
    });
    println!(
        "std Mutex, guard held in the panic: poisoned = {}",
        mutex.is_poisoned()
    );

    let rw = Arc::new(RwLock::new(0));
    panic_holding(Arc::clone(&rw), |rw| {
        let _guard = rw.write().unwrap();
        panic!("while writing");
    });
    println!(
        "std RwLock, write guard held: poisoned = {}",
        rw.is_poisoned()
    );

    let rw = Arc::new(RwLock::new(0));
    panic_holding(Arc::clone(&rw), |rw| {
        let _guard = rw.read().unwrap();
        panic!("while reading");
    });
    println!(
        "std RwLock, read guard held: poisoned = {}",
        rw.is_poisoned()
    );

    let tokio_mutex = Arc::new(tokio::sync::Mutex::new(0));
    panic_holding(Arc::clone(&tokio_mutex), |m| {
        let _guard = m.blocking_lock();
        panic!("while holding the tokio lock");
    });
    let lockable = tokio_mutex.try_lock().is_ok();
    println!("tokio Mutex, guard held: nothing to poison, lockable = {lockable}");
    // ANCHOR_END: poison

    // ANCHOR: scope
    let caught = panic::catch_unwind(|| {
        thread::scope(|s| {
            s.spawn(|| panic!("child failed"));
        });
    });
    let payload = caught.expect_err("the scope re-panics");
    let message = payload
        .downcast_ref::<&str>()
        .copied()
        .unwrap_or("(not a &str)");
    println!("thread::scope raised: {message:?}");
    println!(
        "the child's message \"child failed\" was dropped: {}",
        !message.contains("child failed")
    );
    // ANCHOR_END: scope
}

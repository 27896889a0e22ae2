use parking_lot::{Mutex, RwLock, RwLockUpgradableReadGuard};
use std::sync::Arc;
use std::thread;

fn main() {
    // ANCHOR: body
    let hits = Arc::new(Mutex::new(0));
    let h = Arc::clone(&hits);
    let r = thread::spawn(move || {
        let mut g = h.lock();
        *g += 1;
        panic!("worker panicked while holding the lock");
    })
    .join();
    // No poisoning: `lock()` returns the guard itself, not a Result.
    println!(
        "worker panicked: {}; lock() still works: {}",
        r.is_err(),
        *hits.lock()
    );

    let tags = RwLock::new(vec!["alpha", "beta"]);
    let read = tags.upgradable_read(); // shares with plain readers, excludes writers
    if !read.contains(&"gamma") {
        // No gap in which another writer could get in:
        let mut write = RwLockUpgradableReadGuard::upgrade(read);
        write.push("gamma");
    }
    println!("upgraded a read to a write: {:?}", *tags.read());
    // ANCHOR_END: body
}

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, mpsc};
use std::thread;

fn main() {
    // ANCHOR: body
    // Nothing is ever sent: the channel only counts its live senders.
    let (member, all_done) = mpsc::channel::<()>();
    let finished = Arc::new(AtomicUsize::new(0));
    for _ in 0..5 {
        let member = member.clone(); // "Add(1)", on the spawning thread
        let finished = finished.clone();
        thread::spawn(move || {
            finished.fetch_add(1, Ordering::SeqCst);
            drop(member); // "Done": also happens if the worker panics
        });
    }
    drop(member); // main's own handle, or the wait below never ends
    assert!(all_done.recv().is_err()); // "Wait": Err(RecvError) once every Sender is gone
    println!(
        "finished before wait returned: {} of 5",
        finished.load(Ordering::SeqCst)
    );
    // ANCHOR_END: body
}

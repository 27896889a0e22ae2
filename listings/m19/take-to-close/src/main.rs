use crossbeam::channel::{Sender, unbounded};
use std::sync::Mutex;
use std::thread;

// ANCHOR: handle
/// Shared by everybody who may send or close. The only `Sender` lives inside.
struct Outbox {
    tx: Mutex<Option<Sender<u32>>>,
}

impl Outbox {
    fn send(&self, v: u32) -> Result<(), u32> {
        // Clone the Sender and release the lock before sending: a send that
        // waits (on a bounded channel) must not hold up `close` or other senders.
        let tx = self.tx.lock().unwrap().clone();
        match tx {
            Some(tx) => tx.send(v).map_err(|e| e.into_inner()),
            None => Err(v), // already closed: an ordinary error, not a panic
        }
    }

    /// Idempotent: returns true only for the call that actually closed.
    fn close(&self) -> bool {
        self.tx.lock().unwrap().take().is_some() // dropping the Sender closes
    }
}
// ANCHOR_END: handle

fn main() {
    let (tx, rx) = unbounded();
    let outbox = Outbox {
        tx: Mutex::new(Some(tx)),
    };
    for v in 1..=3 {
        outbox.send(v).unwrap();
    }

    // ANCHOR: race
    // Three parties decide to close at the same moment.
    let results: Vec<bool> = thread::scope(|s| {
        let handles: Vec<_> = (0..3).map(|_| s.spawn(|| outbox.close())).collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    // ANCHOR_END: race

    let received: Vec<u32> = rx.iter().collect(); // ends: the channel is closed
    println!("received before the close: {received:?}");
    let closed = results.iter().filter(|&&did| did).count();
    println!("close() calls that closed the channel: {closed}");
    println!(
        "close() calls that found it closed: {}",
        results.len() - closed
    );
    match outbox.send(4) {
        Ok(()) => println!("send after close: accepted?!"),
        Err(v) => println!("send after close: refused ({v} handed back)"),
    }
}

use crossbeam::channel::{TrySendError, bounded, unbounded};

fn main() {
    // ANCHOR: body
    let (tx, rx) = unbounded::<Vec<u8>>();
    // The consumer has not started yet (think: it is stuck on a slow disk).
    for _ in 0..10_000 {
        tx.send(vec![0; 1024]).unwrap(); // never blocks, never fails
    }
    println!("queued while the consumer was busy: {}", rx.len());

    // A bounded channel says "stop" instead: here with try_send, so we can see it.
    let (tx, _rx) = bounded::<Vec<u8>>(100);
    let mut accepted = 0;
    let refusal = loop {
        match tx.try_send(vec![0; 1024]) {
            Ok(()) => accepted += 1,
            Err(e) => break e,
        }
    };
    let kind = match refusal {
        TrySendError::Full(_) => "Full",
        TrySendError::Disconnected(_) => "Disconnected",
    };
    println!(
        "a bounded(100) channel accepted {accepted} and refused the next send: {kind}"
    );
    // ANCHOR_END: body
}

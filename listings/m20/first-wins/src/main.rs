use crossbeam::channel::bounded;
use std::thread;
use std::time::Duration;

fn main() {
    // ANCHOR: body
    // Capacity 0: a send completes only if the receiver takes it.
    let (tx, rx) = bounded::<String>(0);
    let handles: Vec<_> = (1..=3)
        .map(|id| {
            let tx = tx.clone();
            thread::spawn(move || {
                thread::sleep(Duration::from_millis(5 * id)); // simulated latency
                // Ok for the winner; Err(SendError) once the receiver is gone.
                tx.send(format!("mirror-{id}")).is_err()
            })
        })
        .collect();
    drop(tx);

    let winner = rx.recv().unwrap();
    drop(rx); // walk away: this wakes any sender blocked on the channel

    let failed = handles
        .into_iter()
        .map(|h| h.join().unwrap())
        .filter(|&f| f)
        .count();
    // ANCHOR_END: body
    println!("winner: {winner}");
    println!("losers whose send failed: {failed}");
    println!("all 3 threads joined");
}

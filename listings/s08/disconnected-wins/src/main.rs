use crossbeam::channel::{bounded, never, select};
use std::time::Duration;

// ANCHOR: body
fn main() {
    let (tx, mut done) = bounded::<()>(0);
    drop(tx); // disconnected: recv() returns Err at once, like a closed Go channel
    let (_keep, slow) = bounded::<i32>(0); // nobody sends on it

    let mut wins = 0;
    for _ in 0..1000 {
        select! {
            recv(done) -> _ => wins += 1,
            recv(slow) -> _ => {}
        }
    }
    println!("disconnected receiver chosen {wins} times in 1000 selects");

    done = never(); // switch the branch off
    select! {
        recv(done) -> _ => println!("unreachable"),
        recv(slow) -> _ => println!("unreachable"),
        default(Duration::from_millis(20)) => {
            println!("after the swap to never(): timed out, nothing was ready")
        }
    }
}
// ANCHOR_END: body

use std::sync::mpsc;
use std::thread;

fn main() {
    // ANCHOR: body
    let (ping_tx, pings) = mpsc::channel::<u32>();
    let (pong_tx, pongs) = mpsc::channel::<u32>();

    let pinger = thread::spawn(move || {
        let n = pongs.recv().unwrap(); // waits for the first pong...
        ping_tx.send(n + 1).unwrap();
    });
    let ponger = thread::spawn(move || {
        let n = pings.recv().unwrap(); // ...which is sent only after a ping
        pong_tx.send(n + 1).unwrap();
    });
    pinger.join().unwrap();
    ponger.join().unwrap();
    // ANCHOR_END: body
}

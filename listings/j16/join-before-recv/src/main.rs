use std::sync::mpsc;
use std::thread;

// ANCHOR: body
fn main() {
    let (tx, rx) = mpsc::sync_channel::<i32>(0); // unbuffered, like `make(chan int)`

    let worker = thread::spawn(move || {
        tx.send(42).unwrap(); // completes only when someone receives
    }); // the thread finishes (Go's `wg.Done()`) only after the send

    println!("main: waiting for the worker to finish");
    worker.join().unwrap(); // Go's `wg.Wait()`: blocks until the worker ends

    // Never reached. `rx` is still alive here, so the worker's send is not
    // cancelled by a disconnect: it waits for this receive, which waits for it.
    println!("received {}", rx.recv().unwrap());
}
// ANCHOR_END: body

use std::sync::mpsc;
use std::time::Duration;

use tokio::sync::oneshot;
use tokio::time::timeout;

#[tokio::main(flavor = "current_thread")]
async fn main() {
    // ANCHOR: body
    let (started_tx, started_rx) = oneshot::channel::<()>();
    let (release_tx, release_rx) = mpsc::channel::<()>();

    // Blocking code runs on a separate thread pool. Once running, it is an
    // ordinary function call: nothing can interrupt it from outside.
    let mut handle = tokio::task::spawn_blocking(move || {
        started_tx.send(()).unwrap();
        release_rx.recv().unwrap(); // the long blocking work
        "report written"
    });
    started_rx.await.unwrap();
    println!("blocking job started");

    // `&mut handle`: the timeout gives up waiting but keeps the handle.
    let waited = timeout(Duration::from_millis(20), &mut handle).await;
    println!("timeout(20ms) fired: {}", waited.is_err());
    handle.abort(); // no effect on a spawn_blocking task that has started
    println!("abort() called");

    release_tx.send(()).unwrap();
    println!("blocking job finished anyway: {:?}", handle.await);
    // ANCHOR_END: body
}

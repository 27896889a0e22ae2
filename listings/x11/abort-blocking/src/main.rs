use std::sync::mpsc;
use tokio::sync::oneshot;

// ANCHOR: body
#[tokio::main]
async fn main() {
    let (started_tx, started_rx) = oneshot::channel();
    let (go_tx, go_rx) = mpsc::channel::<()>();
    let handle = tokio::task::spawn_blocking(move || {
        let _ = started_tx.send(());
        go_rx.recv().unwrap(); // plain blocking code: nothing can interrupt it
        "blocking closure finished"
    });
    started_rx.await.unwrap();
    handle.abort(); // too late: the closure is already running
    go_tx.send(()).unwrap();
    println!("after abort: {:?}", handle.await);
}
// ANCHOR_END: body

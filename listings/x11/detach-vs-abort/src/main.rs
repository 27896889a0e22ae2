use std::future::pending;
use tokio::sync::oneshot;

/// Reports through a oneshot when it is dropped.
struct OnDrop(Option<oneshot::Sender<()>>);

impl Drop for OnDrop {
    fn drop(&mut self) {
        let _ = self.0.take().unwrap().send(());
    }
}

// ANCHOR: body
#[tokio::main]
async fn main() {
    // Dropping the JoinHandle detaches the task; it keeps running.
    let (done_tx, done_rx) = oneshot::channel();
    let handle = tokio::spawn(async move {
        tokio::task::yield_now().await;
        let _ = done_tx.send("finished anyway");
    });
    drop(handle);
    println!("handle dropped; the task {}", done_rx.await.unwrap());

    // `abort` cancels: the future is dropped at the `.await` it is suspended on.
    let (dropped_tx, dropped_rx) = oneshot::channel();
    let guard = OnDrop(Some(dropped_tx));
    let handle = tokio::spawn(async move {
        let _guard = guard;
        pending::<()>().await; // waits forever
    });
    handle.abort();
    dropped_rx.await.unwrap(); // the guard's destructor ran
    println!("aborted; its locals were dropped");
    let err = handle.await.unwrap_err();
    println!(
        "awaiting the aborted task: cancelled = {}",
        err.is_cancelled()
    );

    // Aborting a task that has already finished changes nothing.
    let handle = tokio::spawn(async { 7 });
    while !handle.is_finished() {
        tokio::task::yield_now().await;
    }
    handle.abort();
    println!("abort after completion: {:?}", handle.await.ok());
}
// ANCHOR_END: body

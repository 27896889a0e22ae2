use tokio::runtime::Handle;
use tokio::sync::{mpsc, oneshot};

#[tokio::main(flavor = "current_thread")]
async fn main() {
    // ANCHOR: alive
    let metrics = Handle::current().metrics();
    // A task that waits for a message that never comes: the Sender is kept.
    let (_kept, mut never) = mpsc::channel::<()>(1);
    let stuck = tokio::spawn(async move { never.recv().await });
    // The check belongs here, while the runtime runs: after shutdown every
    // task is gone, leaked or not, and the count is 0 whatever happened.
    println!(
        "alive tasks after the work is done: {}",
        metrics.num_alive_tasks()
    );
    stuck.abort();
    let _ = stuck.await; // Err(cancelled)
    println!(
        "alive tasks after abort and join: {}",
        metrics.num_alive_tasks()
    );
    // ANCHOR_END: alive

    // ANCHOR: blocking
    let (started_tx, started) = oneshot::channel();
    let (go_on, wait) = std::sync::mpsc::channel::<()>();
    let job = tokio::task::spawn_blocking(move || {
        started_tx.send(()).unwrap();
        wait.recv().unwrap(); // stands for long blocking work
        "ran to the end"
    });
    started.await.unwrap(); // the closure is running now
    job.abort(); // no effect: a running closure cannot be interrupted
    go_on.send(()).unwrap();
    println!("spawn_blocking job, aborted while running: {:?}", job.await);
    // ANCHOR_END: blocking
}

use std::sync::mpsc;
use std::time::Duration;

#[tokio::main(flavor = "current_thread")]
async fn main() {
    // ANCHOR: body
    let (tick_tx, tick_rx) = mpsc::channel::<&str>();

    // Blocking work goes to tokio's blocking pool, not the runtime thread.
    let job = tokio::task::spawn_blocking(move || {
        // A blocking receive: fine here, fatal on the runtime thread
        // (the task that sends `tick` would never get to run).
        let got = tick_rx.recv().unwrap();
        println!("blocking job got: {got}");
        "job done"
    });

    // Meanwhile the runtime thread is free to run async code.
    tokio::spawn(async move {
        tokio::time::sleep(Duration::from_millis(10)).await;
        tick_tx.send("tick").unwrap();
    });

    println!("async side got: {}", job.await.unwrap());
    // ANCHOR_END: body
}

use std::sync::mpsc;

// ANCHOR: body
// Two worker threads: one of them stays free the whole time.
#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() {
    let outer = tokio::spawn(async {
        let (tx, rx) = mpsc::channel();
        // Spawned from a worker: the new task goes into this worker's LIFO slot,
        // to run next on this same thread.
        tokio::spawn(async move { tx.send("hello from the inner task").unwrap() });
        // BUG: a blocking std `recv` inside a task. This worker now waits for
        // the inner task, which waits for this worker.
        let message = rx.recv().unwrap();
        println!("{message}");
    });
    outer.await.unwrap();
}
// ANCHOR_END: body

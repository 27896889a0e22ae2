use tokio::sync::oneshot;

async fn lookup(key: &str) -> String {
    let (tx, rx) = oneshot::channel();
    tokio::spawn(async move { tx.send("ok").unwrap() });
    format!("{key}={}", rx.await.unwrap())
}

/// Plain blocking code, such as a database driver without async support.
fn blocking_lookup(key: &str) -> String {
    // Stands in for a blocking call.
    std::thread::sleep(std::time::Duration::from_millis(1));
    format!("{key}=ok")
}

// ANCHOR: body
fn main() {
    let rt = tokio::runtime::Runtime::new().unwrap();
    let handle = rt.handle().clone();

    // Sync → async: a thread that is not a runtime worker may block on a future.
    let from_thread = std::thread::spawn(move || handle.block_on(lookup("a")));
    println!(
        "plain thread, blocking on async code: {}",
        from_thread.join().unwrap()
    );

    // Async → sync: blocking code goes to the blocking pool, not a worker.
    let from_async = rt.block_on(async {
        tokio::task::spawn_blocking(|| blocking_lookup("b"))
            .await
            .unwrap()
    });
    println!("async code, calling blocking code: {from_async}");
}
// ANCHOR_END: body

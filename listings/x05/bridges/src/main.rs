use std::thread;
use tokio::runtime::{Handle, Runtime};
use tokio::sync::{mpsc, oneshot};

/// Plain blocking work: imagine a file hash, a compression call, a database driver.
fn checksum(data: &[u8]) -> u32 {
    data.iter()
        .fold(0u32, |h, &b| h.wrapping_mul(31).wrapping_add(u32::from(b)))
}

// ANCHOR: sync_to_async
fn main() {
    // Sync code that owns a runtime: `block_on` is the entry point into async.
    let rt = Runtime::new().unwrap();
    let answer = rt.block_on(async { 40 + 2 });
    println!("block_on from sync main: {answer}");

    // A plain thread given a `Handle` can spawn tasks and wait for them.
    let handle = rt.handle().clone();
    let from_thread = thread::spawn(move || {
        let task = handle.spawn(async { "spawned by a plain thread" });
        handle.block_on(task).unwrap()
    });
    println!("{}", from_thread.join().unwrap());

    // Channels with a blocking side: a std thread feeds a task, a task feeds a std thread.
    let (to_task, mut task_rx) = mpsc::channel::<u32>(4);
    let producer = thread::spawn(move || {
        for i in 1..=3 {
            to_task.blocking_send(i).unwrap();
        }
    });
    let (to_thread, mut thread_rx) = mpsc::channel::<u32>(4);
    rt.spawn(async move {
        while let Some(i) = task_rx.recv().await {
            to_thread.send(i * 10).await.unwrap();
        }
    });
    let consumer = thread::spawn(move || {
        let mut got = Vec::new();
        while let Some(v) = thread_rx.blocking_recv() {
            got.push(v);
        }
        got
    });
    producer.join().unwrap();
    println!("through a task and back: {:?}", consumer.join().unwrap());

    rt.block_on(async_side());
}
// ANCHOR_END: sync_to_async

// ANCHOR: async_to_sync
async fn async_side() {
    let data = vec![7u8; 1 << 16];

    // Blocking work from async code: tokio's blocking pool.
    let copy = data.clone();
    let sum = tokio::task::spawn_blocking(move || checksum(&copy))
        .await
        .unwrap();
    println!("spawn_blocking: {sum:08x}");

    // The same, in place: this worker hands its other tasks to the rest of the
    // pool and runs the closure itself (multi-threaded runtime only).
    let sum2 = tokio::task::block_in_place(|| checksum(&data));
    println!("block_in_place: same result: {}", sum2 == sum);

    // CPU-bound work on rayon's pool, the result sent back through a oneshot.
    let (tx, rx) = oneshot::channel();
    let copy = data.clone();
    rayon::spawn(move || {
        let _ = tx.send(checksum(&copy));
    });
    println!("rayon + oneshot: same result: {}", rx.await.unwrap() == sum);

    // Inside a task, `Handle::current()` finds the runtime without passing it around.
    let n = Handle::current().spawn(async { 1 }).await.unwrap();
    println!("Handle::current inside a task: {n}");
}
// ANCHOR_END: async_to_sync

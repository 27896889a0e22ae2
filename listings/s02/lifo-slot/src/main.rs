use std::sync::mpsc;
use std::thread::{self, ThreadId};
use std::time::Duration;

// ANCHOR: body
fn main() {
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .build()
        .unwrap();
    let (tx, rx) = mpsc::channel::<(u32, ThreadId)>();

    let spawner = rt.block_on(async move {
        // This task runs on one worker, call it A.
        tokio::spawn(async move {
            let a = thread::current().id();
            for i in 0..10 {
                let tx = tx.clone();
                tokio::spawn(async move { tx.send((i, thread::current().id())).unwrap() });
            }
            println!("tasks spawned from worker A: 10");

            // Deliberately block worker A (never do this in real code): nothing
            // queued on A can run now unless the other worker steals it.
            let mut stolen = 0;
            for _ in 0..9 {
                let (_, ran_on) =
                    rx.recv_timeout(Duration::from_secs(5)).expect("not stolen");
                assert_ne!(ran_on, a);
                stolen += 1;
            }
            println!("run by the other worker while A was blocked: {stolen}");
            match rx.recv_timeout(Duration::from_millis(200)) {
                Err(_) => println!("still waiting after 200 ms: task 9, in A's LIFO slot"),
                Ok((i, _)) => println!("unexpected: task {i} ran"),
            }
            (a, rx)
        })
        .await
        .unwrap()
    });

    // A's task has returned; A's next job is the task in its LIFO slot.
    let (a, rx) = spawner;
    let (i, ran_on) = rx.recv_timeout(Duration::from_secs(5)).unwrap();
    println!(
        "after A's task returned, task {i} ran on worker A: {}",
        if ran_on == a { "yes" } else { "no" }
    );
}
// ANCHOR_END: body

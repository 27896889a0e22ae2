use std::sync::{Arc, Mutex};
use std::thread::{self, ThreadId};

// ANCHOR: body
fn main() {
    let rt = tokio::runtime::Builder::new_current_thread()
        .build()
        .unwrap();
    // (task, step, thread) in the order the steps ran.
    let log: Arc<Mutex<Vec<(u32, u32, ThreadId)>>> = Arc::default();

    rt.block_on(async {
        let tasks: Vec<_> = (0..3)
            .map(|task| {
                let log = log.clone();
                tokio::spawn(async move {
                    for step in 0..3 {
                        log.lock()
                            .unwrap()
                            .push((task, step, thread::current().id()));
                        // The only place where another task can run:
                        tokio::task::yield_now().await;
                    }
                })
            })
            .collect();
        for t in tasks {
            t.await.unwrap();
        }
    });

    let log = log.lock().unwrap();
    let me = thread::current().id();
    let one_thread = log.iter().all(|&(_, _, t)| t == me);
    let in_order = (0..3).all(|task| {
        let steps: Vec<u32> = log.iter().filter(|e| e.0 == task).map(|e| e.1).collect();
        steps == [0, 1, 2]
    });
    let first_end = log.iter().position(|e| e.1 == 2).unwrap();
    let starts_before = log
        .iter()
        .filter(|e| e.1 == 0)
        .all(|e| log.iter().position(|x| x == e).unwrap() < first_end);
    println!(
        "all three tasks ran on the thread that called block_on: {}",
        yes(one_thread)
    );
    println!("each task's steps ran in order: {}", yes(in_order));
    println!(
        "all three started before any finished: {}",
        yes(starts_before)
    );
}
// ANCHOR_END: body

fn yes(b: bool) -> &'static str {
    if b { "yes" } else { "no" }
}

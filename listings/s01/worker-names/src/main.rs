use std::collections::HashSet;
use std::thread;

// ANCHOR: body
fn main() {
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2) // M = 2 OS threads, whatever the machine has
        .build()
        .unwrap();

    let ran_on = rt.block_on(async {
        // N = 1 000 tasks, multiplexed onto the two workers.
        let handles: Vec<_> = (0..1000)
            .map(|_| {
                tokio::spawn(async {
                    (
                        thread::current().id(),
                        thread::current().name().map(String::from),
                    )
                })
            })
            .collect();
        let mut ran_on = Vec::new();
        for h in handles {
            ran_on.push(h.await.unwrap());
        }
        ran_on
    });

    let threads: HashSet<_> = ran_on.iter().map(|(id, _)| *id).collect();
    let all_workers = ran_on
        .iter()
        .all(|(_, name)| name.as_deref() == Some("tokio-rt-worker"));
    println!(
        "worker threads reported by the runtime: {}",
        rt.metrics().num_workers()
    );
    println!("tasks run: {}", ran_on.len());
    println!(
        "distinct OS threads that ran a task: at most 2: {}",
        yes(threads.len() <= 2)
    );
    println!(
        "every one of them is named tokio-rt-worker: {}",
        yes(all_workers)
    );
}
// ANCHOR_END: body

fn yes(b: bool) -> &'static str {
    if b { "yes" } else { "no" }
}

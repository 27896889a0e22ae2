use std::sync::Arc;
use std::thread;

struct Config {
    base_url: String,
    timeout_ms: u64,
}

// ANCHOR: body
fn main() {
    let config = Arc::new(Config {
        base_url: "https://api.example/v1".to_string(),
        timeout_ms: 250,
    });

    let workers: Vec<_> = (0..3)
        .map(|id| {
            let config = Arc::clone(&config); // a new pointer, not a copy of the data
            thread::spawn(move || {
                format!(
                    "worker {id}: GET {}/items?page={id} (timeout {} ms)",
                    config.base_url, config.timeout_ms
                )
            })
        })
        .collect();

    // Join in spawn order, so the lines come out in a fixed order.
    for worker in workers {
        println!("{}", worker.join().unwrap());
    }
    println!(
        "references left after the joins: {}",
        Arc::strong_count(&config)
    );
}
// ANCHOR_END: body

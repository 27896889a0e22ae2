use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Mutex, OnceLock, RwLock};
use std::thread;

// ANCHOR: body
static CONFIG: OnceLock<String> = OnceLock::new();

fn config() -> &'static str {
    CONFIG.get_or_init(|| {
        println!("loading config (once)");
        "workers=4".to_string()
    })
}

fn main() {
    let requests = AtomicU64::new(0); // one number: an atomic
    let log = Mutex::new(Vec::new()); // a value changed in several steps: a lock
    let routes = RwLock::new(vec!["/"]); // read often, written rarely

    thread::scope(|s| {
        for id in 0..4 {
            let (requests, log, routes) = (&requests, &log, &routes);
            s.spawn(move || {
                assert_eq!(config(), "workers=4");
                requests.fetch_add(1, Ordering::Relaxed);
                let seen = routes.read().unwrap().len();
                log.lock().unwrap().push((id, seen));
            });
        }
    });
    routes.write().unwrap().push("/health");

    let mut log = log.into_inner().unwrap();
    log.sort();
    println!("requests: {}", requests.load(Ordering::Relaxed));
    println!("log: {log:?}");
    println!("routes: {:?}", routes.read().unwrap());
}
// ANCHOR_END: body

use std::collections::BTreeMap;
use std::sync::Mutex;
use std::thread;

fn main() {
    // ANCHOR: body
    let hits: Mutex<BTreeMap<&str, u64>> = Mutex::new(BTreeMap::new());
    thread::scope(|s| {
        for t in 0..4 {
            let hits = &hits;
            s.spawn(move || {
                let page = if t % 2 == 0 { "/" } else { "/about" };
                for _ in 0..1000 {
                    *hits.lock().unwrap().entry(page).or_insert(0) += 1;
                }
            });
        }
    });
    println!("hits: {:?}", hits.into_inner().unwrap());
    // ANCHOR_END: body
}

// clippy sees this deadlock; the listing keeps it on purpose
#![allow(clippy::if_let_mutex)]

use std::collections::HashMap;
use std::sync::Mutex;

fn main() {
    let cache: Mutex<HashMap<u32, String>> = Mutex::new(HashMap::new());
    // ANCHOR: body
    let key = 7;
    if let Some(v) = cache.lock().unwrap().get(&key) {
        println!("hit: {v}");
    } else {
        println!("miss: computing {key}");
        cache.lock().unwrap().insert(key, format!("value of {key}"));
    }
    // ANCHOR_END: body
    println!("cached: {:?}", cache.lock().unwrap().get(&key));
}

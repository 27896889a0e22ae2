use std::collections::HashMap;
use std::sync::Mutex;

fn expensive(key: u32) -> String {
    format!("value of {key}")
}

fn main() {
    let cache: Mutex<HashMap<u32, String>> = Mutex::new(HashMap::new());
    // ANCHOR: body
    let key = 7;
    match cache.lock().unwrap().get(&key) {
        // the guard above is a temporary: it lives until the end of the whole `match`
        Some(v) => println!("hit: {v}"),
        None => {
            println!("miss: computing {key}");
            let v = expensive(key);
            cache.lock().unwrap().insert(key, v); // waits for ourselves
        }
    }
    // ANCHOR_END: body
    println!("never printed");
}

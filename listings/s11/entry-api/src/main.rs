use std::collections::HashMap;
use std::sync::Mutex;

fn main() {
    let cache: Mutex<HashMap<u32, String>> = Mutex::new(HashMap::new());
    let mut computed = 0;
    // ANCHOR: body
    for _ in 0..2 {
        let key = 7;
        let value = {
            let mut map = cache.lock().unwrap(); // one guard, named, for the whole decision
            map.entry(key)
                .or_insert_with(|| {
                    println!("miss: computing {key}");
                    computed += 1;
                    format!("value of {key}")
                })
                .clone()
        }; // the guard is dropped here, before the value is used
        println!("{value}");
    }
    // ANCHOR_END: body
    println!("computed {computed} time");
}

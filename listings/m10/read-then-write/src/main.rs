use std::sync::RwLock;

fn main() {
    let tags = RwLock::new(vec!["alpha", "beta"]);

    // ANCHOR: upgrade
    // Go: mu.RLock(); if !has(x) { mu.Lock(); ... }  -- the same trap
    let read = tags.read().unwrap();
    if !read.contains(&"gamma") {
        println!("read guard held; now asking for the write lock");
        let mut write = tags.write().unwrap(); // waits for every reader, including `read`
        write.push("gamma");
    }
    // ANCHOR_END: upgrade
    println!("unreachable: {} tags", read.len());
}

use std::sync::RwLock;

// ANCHOR: fixed
/// Insert `tag` unless it is present. Returns whether this call inserted it.
fn insert_once(tags: &RwLock<Vec<&'static str>>, tag: &'static str) -> bool {
    // Fast path: most calls find the tag and only need shared access.
    if tags.read().unwrap().contains(&tag) {
        return false;
    } // the read guard is a temporary: it is dropped at the end of the `if` condition

    let mut write = tags.write().unwrap();
    // Another thread may have inserted it between the two locks: check again.
    if write.contains(&tag) {
        return false;
    }
    write.push(tag);
    true
}
// ANCHOR_END: fixed

fn main() {
    let tags = RwLock::new(vec!["alpha", "beta"]);
    println!("inserted gamma: {}", insert_once(&tags, "gamma"));
    println!("inserted gamma: {}", insert_once(&tags, "gamma"));
    println!("tags: {:?}", tags.read().unwrap());
}

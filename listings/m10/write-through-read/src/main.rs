use std::sync::RwLock;

fn main() {
    let tags = RwLock::new(vec!["alpha", "beta"]);

    // ANCHOR: bug
    // Go compiles `mu.RLock(); tags = append(tags, "gamma")`; the race detector
    // may catch it at run time. Here the read guard only derefs to `&Vec`.
    let guard = tags.read().unwrap();
    guard.push("gamma");
    // ANCHOR_END: bug
    println!("{:?}", *guard);
}

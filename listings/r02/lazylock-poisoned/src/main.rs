use std::panic;
use std::sync::LazyLock;

// ANCHOR: body
static PORT: LazyLock<u16> = LazyLock::new(|| panic!("config file missing"));

fn main() {
    let first = panic::catch_unwind(|| *PORT);
    println!("first access panicked: {}", first.is_err());
    let port = *PORT; // no second attempt: the lock is poisoned
    println!("port {port}");
}
// ANCHOR_END: body

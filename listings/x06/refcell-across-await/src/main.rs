use std::cell::RefCell;
use tokio::task::yield_now;

// ANCHOR: body
#[tokio::main]
async fn main() {
    let task = tokio::spawn(async {
        let log = RefCell::new(Vec::new());
        let mut entries = log.borrow_mut(); // a `RefMut`, not `Send`
        yield_now().await;
        entries.push("resumed");
        entries.len()
    });
    println!("{}", task.await.unwrap());
}
// ANCHOR_END: body

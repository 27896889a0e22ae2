use std::rc::Rc;
use tokio::task::yield_now;

// ANCHOR: body
#[tokio::main]
async fn main() {
    let task = tokio::spawn(async {
        let names = Rc::new(vec!["ada", "grace"]);
        yield_now().await; // the task may resume on another worker thread here
        names.len()
    });
    println!("{}", task.await.unwrap());
}
// ANCHOR_END: body

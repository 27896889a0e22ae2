use std::rc::Rc;
use tokio::task::yield_now;

// ANCHOR: body
#[tokio::main]
async fn main() {
    let task = tokio::spawn(async {
        let names = Rc::new(vec!["ada", "grace"]);
        let count = names.len();
        drop(names); // moved out and dropped, yet still counted as alive
        yield_now().await;
        count
    });
    println!("{}", task.await.unwrap());
}
// ANCHOR_END: body

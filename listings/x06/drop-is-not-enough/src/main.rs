use std::rc::Rc;
use tokio::task::yield_now;

// ANCHOR: body
#[tokio::main]
async fn main() {
    let task = tokio::spawn(async {
        let names = Rc::new(vec!["ada", "grace"]);
        // `len` borrows `names`: it now counts as alive to the block's end
        let count = names.len();
        drop(names); // moved out and dropped, yet still kept in the future's state
        yield_now().await;
        count
    });
    println!("{}", task.await.unwrap());
}
// ANCHOR_END: body

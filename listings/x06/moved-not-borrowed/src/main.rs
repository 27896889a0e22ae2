use std::rc::Rc;
use tokio::task::yield_now;

// ANCHOR: body
/// Takes the `Rc` by value: the borrow that `len()` needs happens in here, on the
/// parameter, not on the caller's variable.
fn count_names(names: Rc<Vec<&str>>) -> usize {
    names.len()
}

#[tokio::main]
async fn main() {
    let task = tokio::spawn(async {
        let names = Rc::new(vec!["ada", "grace"]);
        let count = count_names(names); // moved into the call, never borrowed here
        yield_now().await;

        let spare = Rc::new("never read");
        drop(spare); // moved into `drop`, never borrowed: not kept across the await
        yield_now().await;
        count
    });
    println!("count = {}", task.await.unwrap());
}
// ANCHOR_END: body

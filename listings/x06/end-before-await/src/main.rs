use std::rc::Rc;
use std::sync::{Arc, Mutex};
use tokio::task::yield_now;

// ANCHOR: body
#[tokio::main]
async fn main() {
    let hits = Arc::new(Mutex::new(0));
    let h = Arc::clone(&hits);
    let task = tokio::spawn(async move {
        // 1. A block ends the guard's life before the await.
        {
            let mut n = h.lock().unwrap();
            *n += 1;
        }
        yield_now().await;

        // 2. A block can also hand a result out; `names` dies at its end.
        let count = {
            let names = Rc::new(vec!["ada", "grace"]);
            names.len()
        };
        yield_now().await;

        // 3. Or compute the value first and keep only the result.
        let total = *h.lock().unwrap() + count;
        yield_now().await;
        total
    });
    println!("total = {}", task.await.unwrap());
    println!("hits = {}", hits.lock().unwrap());
}
// ANCHOR_END: body

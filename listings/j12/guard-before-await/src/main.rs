use std::sync::Arc;
use std::time::Duration;

#[tokio::main]
async fn main() {
    // ANCHOR: scoped
    let hits = Arc::new(std::sync::Mutex::new(0u32));
    let h = Arc::clone(&hits);
    tokio::spawn(async move {
        {
            let mut n = h.lock().unwrap();
            *n += 1;
        } // guard dropped here, before the await
        tokio::time::sleep(Duration::from_millis(1)).await;
        *h.lock().unwrap() += 1; // a second, short critical section
    })
    .await
    .unwrap();
    println!(
        "std mutex, guard scoped before the await: {}",
        *hits.lock().unwrap()
    );
    // ANCHOR_END: scoped

    // ANCHOR: tokio
    let hits = Arc::new(tokio::sync::Mutex::new(0u32));
    let h = Arc::clone(&hits);
    tokio::spawn(async move {
        let mut n = h.lock().await; // an async lock: waiting yields to the runtime
        *n += 1;
        tokio::time::sleep(Duration::from_millis(1)).await;
        *n += 1;
    })
    .await
    .unwrap();
    println!(
        "tokio mutex, guard held across the await: {}",
        *hits.lock().await
    );
    // ANCHOR_END: tokio
}

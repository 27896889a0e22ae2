use std::sync::{Arc, Mutex};
use std::time::Duration;

#[tokio::main]
async fn main() {
    let hits = Arc::new(Mutex::new(0u32));

    let h = Arc::clone(&hits);
    tokio::spawn(async move {
        let mut n = h.lock().unwrap();
        *n += 1;
        // The guard is still alive across this await point.
        tokio::time::sleep(Duration::from_millis(1)).await;
        *n += 1;
    })
    .await
    .unwrap();

    println!("hits: {}", *hits.lock().unwrap());
}

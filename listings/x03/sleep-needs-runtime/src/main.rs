use std::time::Duration;

// ANCHOR: body
fn main() {
    // A tokio timer needs tokio's time driver, which only a tokio runtime provides.
    let nap = tokio::time::sleep(Duration::from_millis(1));
    drop(nap);
}
// ANCHOR_END: body

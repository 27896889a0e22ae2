use std::sync::Arc;

use tokio::sync::Semaphore;

#[tokio::main(flavor = "current_thread")]
async fn main() {
    // ANCHOR: panic
    let semaphore = Arc::new(Semaphore::new(1));
    let permit = Arc::clone(&semaphore).acquire_owned().await.unwrap();

    let task = tokio::spawn(async move {
        let _permit = permit;
        panic!("job failed while holding the only permit");
    });
    let err = task.await.unwrap_err();
    println!("task panicked: {}", err.is_panic());

    // Go: if the release is a plain `<-sem` after the work instead of a
    // `defer`, a panic recovered further up skips it and the slot is lost.
    // Here unwinding drops `_permit`, which releases it.
    println!("permits available: {}", semaphore.available_permits());
    let again = semaphore.try_acquire();
    println!(
        "try_acquire after the panic: {}",
        if again.is_ok() { "ok" } else { "refused" }
    );
    // ANCHOR_END: panic
}

//! What the test suites of the coding challenges (Part V) share.
//!
//! A concurrency bug often shows up as a hang: a thread waits for a wake-up that never comes. A plain `#[test]`
//! would then hang too, and `cargo test` would sit there saying nothing. [`within`] runs the body of a test on its
//! own thread and fails the test with a message that says what was stuck when it does not finish in time.

use std::cell::Cell;
use std::panic;
use std::sync::mpsc;
use std::thread;
use std::time::Duration;

/// The environment variable that sets how long [`within`] waits, in seconds.
pub const TIMEOUT_ENV: &str = "CHALLENGE_TIMEOUT_S";
/// How long [`within`] waits when [`TIMEOUT_ENV`] is not set: far above what any test of the suites takes on a
/// loaded machine (milliseconds), far below "hangs forever".
pub const DEFAULT_TIMEOUT_S: u64 = 10;

thread_local! {
    static THREAD_LIMIT: Cell<Option<Duration>> = const { Cell::new(None) };
}

/// Sets the limit of every [`within`] called on this thread from now on (`None`: back to [`timeout`]'s usual
/// rule). The book's runner uses it to give a reference solution far more time on a loaded machine than the
/// wrong solutions it expects to hang: the time limit is not what a test asserts.
pub fn set_thread_timeout(limit: Option<Duration>) {
    THREAD_LIMIT.with(|l| l.set(limit));
}

/// The time limit [`within`] applies: the one [`set_thread_timeout`] set on this thread, else [`TIMEOUT_ENV`] if
/// set to a whole number of seconds, else [`DEFAULT_TIMEOUT_S`].
pub fn timeout() -> Duration {
    if let Some(limit) = THREAD_LIMIT.with(Cell::get) {
        return limit;
    }
    let secs = std::env::var(TIMEOUT_ENV)
        .ok()
        .and_then(|s| s.trim().parse().ok())
        .unwrap_or(DEFAULT_TIMEOUT_S);
    Duration::from_secs(secs)
}

/// Runs `body` on a new thread and returns what it returns. If `body` panics (a failed assertion, a `todo!()`),
/// the panic carries on in the caller with the same message. If `body` has not finished after [`timeout`], the
/// caller panics with "timed out after N s: `what`…": the body's thread is left blocked, and the test fails instead
/// of hanging.
pub fn within<T: Send + 'static>(what: &str, body: impl FnOnce() -> T + Send + 'static) -> T {
    within_for(timeout(), what, body)
}

/// [`within`] with an explicit time limit.
pub fn within_for<T: Send + 'static>(
    limit: Duration,
    what: &str,
    body: impl FnOnce() -> T + Send + 'static,
) -> T {
    let (done_tx, done_rx) = mpsc::channel();
    let handle = thread::spawn(move || {
        let value = body();
        // The receiver is gone only if the caller already timed out.
        let _ = done_tx.send(());
        value
    });
    match done_rx.recv_timeout(limit) {
        // Finished, or panicked (the sender was dropped by the unwinding): join tells which.
        Ok(()) | Err(mpsc::RecvTimeoutError::Disconnected) => match handle.join() {
            Ok(value) => value,
            Err(payload) => panic::resume_unwind(payload),
        },
        Err(mpsc::RecvTimeoutError::Timeout) => panic!(
            "timed out after {:?}: {what} (a thread is probably waiting for a wake-up that never comes; \
             set {TIMEOUT_ENV} to wait longer)",
            limit
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn returns_the_value() {
        assert_eq!(within("adding", || 2 + 2), 4);
    }

    #[test]
    fn a_panic_keeps_its_message() {
        let err = panic::catch_unwind(|| within("panicking", || panic!("the body's message")))
            .unwrap_err();
        assert_eq!(err.downcast_ref::<&str>(), Some(&"the body's message"));
    }

    #[test]
    fn a_thread_limit_overrides_the_default_on_that_thread_only() {
        set_thread_timeout(Some(Duration::from_secs(77)));
        assert_eq!(timeout(), Duration::from_secs(77));
        let elsewhere = thread::spawn(timeout).join().unwrap();
        assert_ne!(elsewhere, Duration::from_secs(77));
        set_thread_timeout(None);
        assert_ne!(timeout(), Duration::from_secs(77));
    }

    #[test]
    fn a_hang_fails_with_a_timeout_message() {
        // A blocked receive whose sender is kept alive.
        let (_keep, rx) = mpsc::channel::<()>();
        let err = panic::catch_unwind(|| {
            within_for(
                Duration::from_millis(50),
                "receiving from a channel nobody sends on",
                move || rx.recv(),
            )
        });
        let err = err.unwrap_err();
        let msg = err.downcast_ref::<String>().unwrap();
        assert!(msg.starts_with("timed out after"), "{msg}");
        assert!(
            msg.contains("receiving from a channel nobody sends on"),
            "{msg}"
        );
    }
}

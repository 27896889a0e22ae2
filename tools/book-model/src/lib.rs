//! Support for the listings' loom models (CONTRIBUTING, "Model-checking and benchmarking a primitive").
//!
//! A listing that builds a synchronisation primitive imports its `Mutex`, `Condvar`, atomics… from a small `sync`
//! module: `std::sync` in the program, [`sync`] here under `--cfg loom`. Its models (`tests/model.rs`) call
//! [`check`], which explores every interleaving within the bounds declared in the listing's `Cargo.toml`: the runner
//! (`cargo test -p book-tests --test models`) passes them in the environment. Without `--cfg loom` this crate is
//! empty.

#[cfg(loom)]
pub use loom;

/// A stand-in for `crossbeam::epoch` in models: crossbeam's API, reclamation that never frees (see the module).
#[cfg(loom)]
pub mod epoch;

/// loom's instrumented types, with the few std methods loom 0.7 lacks added exactly as std writes them.
#[cfg(loom)]
pub mod sync {
    pub use loom::sync::atomic;
    pub use loom::sync::{Arc, Mutex, MutexGuard};
    use std::sync::LockResult;

    /// `loom::sync::Condvar` plus `wait_while`, which loom 0.7 does not have. The body is std's own
    /// (`std::sync::Condvar::wait_while` in Rust 1.95): wait until the condition is false, re-checking after every
    /// wake-up, so the model checks the very loop the program runs.
    #[derive(Debug, Default)]
    pub struct Condvar(loom::sync::Condvar);

    impl Condvar {
        pub fn new() -> Self {
            Condvar(loom::sync::Condvar::new())
        }

        pub fn wait<'a, T>(&self, guard: MutexGuard<'a, T>) -> LockResult<MutexGuard<'a, T>> {
            self.0.wait(guard)
        }

        pub fn wait_while<'a, T, F>(
            &self,
            mut guard: MutexGuard<'a, T>,
            mut condition: F,
        ) -> LockResult<MutexGuard<'a, T>>
        where
            F: FnMut(&mut T) -> bool,
        {
            while condition(&mut *guard) {
                guard = self.wait(guard)?;
            }
            Ok(guard)
        }

        pub fn notify_one(&self) {
            self.0.notify_one()
        }

        pub fn notify_all(&self) {
            self.0.notify_all()
        }
    }
}

/// `std::thread::yield_now` in the program; in a model, the point where loom switches to another thread (a spin
/// loop must yield, or loom explores it forever).
#[cfg(loom)]
pub use loom::thread::yield_now;

/// The environment variables through which the runner passes a model's declared bounds.
pub const THREADS_VAR: &str = "BOOK_MODEL_THREADS";
pub const PREEMPTIONS_VAR: &str = "BOOK_MODEL_PREEMPTIONS";

/// Runs `model` under loom for every interleaving of at most the declared number of threads (the model's main
/// thread included) with at most the declared number of preemptions, then prints how many executions loom explored
/// (`book-model: explored N executions`; after a failure, N is the execution that failed).
/// Panics, naming the runner, if the bounds are missing: a model only means something with its declaration.
#[cfg(loom)]
pub fn check<F>(model: F)
where
    F: Fn() + Sync + Send + 'static,
{
    use std::sync::Arc;
    use std::sync::atomic::{AtomicUsize, Ordering};

    let bound = |var: &str| -> Option<usize> {
        match std::env::var(var) {
            Ok(v) if v == "none" => None,
            Ok(v) => Some(
                v.parse()
                    .unwrap_or_else(|_| panic!("{var}={v}: not a number")),
            ),
            Err(_) => panic!(
                "{var} is not set: run models with `cargo test -p book-tests --test models`, which reads their \
                 bounds from the listing's [[package.metadata.model]]"
            ),
        }
    };
    let threads = bound(THREADS_VAR).expect("a model declares its number of threads");
    let preemptions = bound(PREEMPTIONS_VAR);

    let mut builder = loom::model::Builder::new();
    // loom refuses to start a thread beyond this (an assertion in its scheduler fails), so a model cannot use more
    // threads than it declares.
    builder.max_threads = threads;
    builder.preemption_bound = preemptions;
    let executions = Arc::new(AtomicUsize::new(0));
    let counter = Arc::clone(&executions);
    // Printed on the way out, also when loom panics: a failure is then reported with the execution that found it.
    struct Report(Arc<AtomicUsize>);
    impl Drop for Report {
        fn drop(&mut self) {
            println!(
                "book-model: explored {} executions",
                self.0.load(Ordering::Relaxed)
            );
        }
    }
    let _report = Report(Arc::clone(&executions));
    // What `loom::model` does: `LOOM_LOG=trace` (with `LOOM_LOCATION=1`) logs each execution's schedule, so the
    // last one logged before a failure is the interleaving that broke the model.
    let subscriber = tracing_subscriber::fmt::Subscriber::builder()
        .with_env_filter(tracing_subscriber::EnvFilter::from_env("LOOM_LOG"))
        .with_test_writer()
        .without_time()
        .finish();
    tracing::subscriber::with_default(subscriber, || {
        builder.check(move || {
            counter.fetch_add(1, Ordering::Relaxed);
            model();
        })
    });
}

//! The interviewer's tests for your pool: `cargo test -p c01-pool-exercise`.  Every test
//! runs inside `within`, which fails it with a "timed out" message instead of letting a
//! pool that never wakes a worker (or never lets one exit) hang `cargo test`.

use c01_pool_exercise::{Pool, Rejected};
use challenge_kit::within;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, mpsc};
use std::thread;

/// A job that counts itself when it runs.
fn counting(
    count: &Arc<AtomicUsize>,
) -> impl FnOnce() -> Result<(), String> + Send + 'static {
    let count = Arc::clone(count);
    move || {
        count.fetch_add(1, Ordering::SeqCst);
        Ok(())
    }
}

/// Occupies the pool's only worker: returns once the blocking job runs, and a sender that
/// lets it finish.
fn occupy_the_worker(pool: &Pool, count: &Arc<AtomicUsize>) -> mpsc::Sender<()> {
    let (started_tx, started_rx) = mpsc::channel();
    let (release_tx, release_rx) = mpsc::channel::<()>();
    let count = Arc::clone(count);
    pool.submit(move || {
        started_tx.send(()).unwrap();
        let _ = release_rx.recv();
        count.fetch_add(1, Ordering::SeqCst);
        Ok(())
    })
    .expect("a new pool takes a job");
    started_rx.recv().expect("the worker runs the job");
    release_tx
}

#[test]
fn every_submitted_job_runs_before_shutdown_returns() {
    within("20 jobs on 2 workers, then shutdown", || {
        let pool = Pool::new(2, 4);
        let count = Arc::new(AtomicUsize::new(0));
        for _ in 0..20 {
            pool.submit(counting(&count))
                .expect("an open pool takes jobs");
        }
        assert_eq!(pool.shutdown(), Vec::<String>::new(), "no job failed");
        assert_eq!(
            count.load(Ordering::SeqCst),
            20,
            "shutdown returned before every job ran"
        );
    });
}

#[test]
fn shutdown_returns_the_errors_of_failed_jobs() {
    within("10 jobs, 4 of them failing", || {
        let pool = Pool::new(3, 2);
        for i in 0..10 {
            pool.submit(move || {
                if i % 3 == 0 {
                    Err(format!("job {i}"))
                } else {
                    Ok(())
                }
            })
            .expect("an open pool takes jobs");
        }
        let mut errors = pool.shutdown();
        errors.sort();
        assert_eq!(errors, ["job 0", "job 3", "job 6", "job 9"]);
        assert!(
            pool.shutdown().is_empty(),
            "a second shutdown has no errors left to report"
        );
    });
}

#[test]
fn a_panicking_job_is_an_error_and_the_worker_survives() {
    within("a job that panics, then one that counts", || {
        let pool = Pool::new(1, 2);
        let count = Arc::new(AtomicUsize::new(0));
        pool.submit(|| panic!("a job's bug")).unwrap();
        pool.submit(counting(&count)).unwrap();
        let errors = pool.shutdown();
        assert_eq!(
            errors.len(),
            1,
            "the panic is reported as one error: {errors:?}"
        );
        assert_eq!(
            count.load(Ordering::SeqCst),
            1,
            "the only worker must survive a panicking job"
        );
    });
}

#[test]
fn try_submit_reports_a_full_queue() {
    within("a busy worker and a queue of 2", || {
        let pool = Pool::new(1, 2);
        let count = Arc::new(AtomicUsize::new(0));
        let release = occupy_the_worker(&pool, &count);
        assert_eq!(
            pool.try_submit(counting(&count)),
            Ok(()),
            "the queue has room for 2"
        );
        assert_eq!(
            pool.try_submit(counting(&count)),
            Ok(()),
            "the queue has room for 2"
        );
        assert_eq!(
            pool.try_submit(counting(&count)),
            Err(Rejected::Full),
            "the worker is busy and the queue of 2 is full"
        );
        release.send(()).unwrap();
        pool.shutdown();
        assert_eq!(count.load(Ordering::SeqCst), 3);
    });
}

#[test]
fn submit_waits_for_room_instead_of_failing() {
    within(
        "a submit into a full queue, then the worker frees up",
        || {
            let pool = Arc::new(Pool::new(1, 1));
            let count = Arc::new(AtomicUsize::new(0));
            let release = occupy_the_worker(&pool, &count);
            pool.submit(counting(&count))
                .expect("the queue has room for 1");
            let waiting = {
                let (pool, count) = (Arc::clone(&pool), Arc::clone(&count));
                // Usually still waiting (back-pressure) when the worker is released: the
                // test cannot see inside `submit`, so it asserts only that it succeeds.
                thread::spawn(move || pool.submit(counting(&count)))
            };
            release.send(()).unwrap();
            assert_eq!(
                waiting.join().unwrap(),
                Ok(()),
                "submit waits for room; it does not fail"
            );
            pool.shutdown();
            assert_eq!(count.load(Ordering::SeqCst), 3);
        },
    );
}

#[test]
fn submit_after_shutdown_is_rejected() {
    within("submitting to a pool that was shut down", || {
        let pool = Pool::new(2, 2);
        pool.shutdown();
        assert_eq!(
            pool.submit(|| Ok(())),
            Err(Rejected::Closed),
            "submit after shutdown"
        );
        assert_eq!(
            pool.try_submit(|| Ok(())),
            Err(Rejected::Closed),
            "try_submit after shutdown"
        );
    });
}

#[test]
fn a_submit_waiting_for_room_is_rejected_by_shutdown() {
    within(
        "a submit waiting on a full queue when shutdown begins",
        || {
            let pool = Arc::new(Pool::new(1, 1));
            let count = Arc::new(AtomicUsize::new(0));
            let release = occupy_the_worker(&pool, &count);
            pool.submit(counting(&count))
                .expect("the queue has room for 1");
            // The queue stays full until `release`: this submit waits, or (if it starts
            // late) finds the pool shutting down. Either way the answer is Closed.
            let waiting = {
                let (pool, count) = (Arc::clone(&pool), Arc::clone(&count));
                thread::spawn(move || pool.submit(counting(&count)))
            };
            let shutdown = {
                let pool = Arc::clone(&pool);
                thread::spawn(move || pool.shutdown())
            };
            while pool.try_submit(|| Ok(())) != Err(Rejected::Closed) {
                thread::yield_now();
            }
            // The worker is still busy: only shutdown can end the wait.
            assert_eq!(
                waiting.join().unwrap(),
                Err(Rejected::Closed),
                "a submit waiting for room when shutdown begins"
            );
            release.send(()).unwrap();
            shutdown.join().expect("shutdown panicked");
            assert_eq!(
                count.load(Ordering::SeqCst),
                2,
                "the busy job and the queued one"
            );
        },
    );
}

#[test]
fn shutdown_runs_the_jobs_already_queued() {
    within("shutdown while a worker is busy and 3 jobs wait", || {
        let pool = Arc::new(Pool::new(1, 3));
        let count = Arc::new(AtomicUsize::new(0));
        let release = occupy_the_worker(&pool, &count);
        for _ in 0..3 {
            pool.submit(counting(&count))
                .expect("the queue has room for 3");
        }
        let shutdown = {
            let pool = Arc::clone(&pool);
            thread::spawn(move || pool.shutdown())
        };
        // The queue is full, so try_submit says Full until shutdown has begun, then Closed.
        while pool.try_submit(|| Ok(())) != Err(Rejected::Closed) {
            thread::yield_now();
        }
        release.send(()).unwrap();
        shutdown.join().expect("shutdown panicked");
        let ran = count.load(Ordering::SeqCst);
        assert_eq!(
            ran, 4,
            "{ran} of 4 jobs ran: shutdown must run every job queued before it"
        );
    });
}

#[test]
fn many_threads_submit_at_once() {
    within(
        "4 threads × 50 jobs on 2 workers with a queue of 2",
        || {
            let pool = Arc::new(Pool::new(2, 2));
            let count = Arc::new(AtomicUsize::new(0));
            let submitters: Vec<_> = (0..4)
                .map(|_| {
                    let (pool, count) = (Arc::clone(&pool), Arc::clone(&count));
                    thread::spawn(move || {
                        for _ in 0..50 {
                            pool.submit(counting(&count)).expect("the pool is open");
                        }
                    })
                })
                .collect();
            for s in submitters {
                s.join().expect("a submitter panicked");
            }
            assert!(pool.shutdown().is_empty());
            assert_eq!(count.load(Ordering::SeqCst), 200);
        },
    );
}

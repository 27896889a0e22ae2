//! The interviewer's tests for your barrier: `cargo test -p c03-barrier-exercise`.  Every
//! test runs inside `within`, which fails it with a "timed out" message instead of letting
//! a barrier that strands a thread hang `cargo test`.

use c03_barrier_exercise::Barrier;
use challenge_kit::within;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::thread;

/// Runs `threads` threads through `rounds` rounds of one barrier. Before each wait a thread
/// counts itself as arrived in that round; after it, it checks that the whole party had
/// arrived. Returns how many leaders each round had.
fn rounds(threads: usize, rounds: usize) -> Vec<usize> {
    let barrier = Arc::new(Barrier::new(threads));
    let arrived: Arc<Vec<AtomicUsize>> =
        Arc::new((0..rounds).map(|_| AtomicUsize::new(0)).collect());
    let leaders: Arc<Vec<AtomicUsize>> =
        Arc::new((0..rounds).map(|_| AtomicUsize::new(0)).collect());
    let handles: Vec<_> = (0..threads)
        .map(|_| {
            let (barrier, arrived, leaders) =
                (barrier.clone(), arrived.clone(), leaders.clone());
            thread::spawn(move || {
                for r in 0..rounds {
                    arrived[r].fetch_add(1, Ordering::SeqCst);
                    let leader = barrier.wait();
                    let seen = arrived[r].load(Ordering::SeqCst);
                    assert_eq!(
                        seen, threads,
                        "left round {r} when only {seen} of {threads} had arrived"
                    );
                    if leader {
                        leaders[r].fetch_add(1, Ordering::SeqCst);
                    }
                }
            })
        })
        .collect();
    for h in handles {
        h.join().expect("a thread panicked");
    }
    leaders.iter().map(|l| l.load(Ordering::SeqCst)).collect()
}

#[test]
fn a_barrier_for_one_thread_never_blocks() {
    within("a barrier of 1, waited on three times", || {
        let barrier = Barrier::new(1);
        for round in 0..3 {
            assert!(
                barrier.wait(),
                "the only thread is the leader of round {round}"
            );
        }
    });
}

#[test]
fn nobody_leaves_before_everyone_arrives() {
    within("one round of 4 threads", || {
        rounds(4, 1);
    });
}

#[test]
fn each_round_has_exactly_one_leader() {
    within("20 rounds of 4 threads", || {
        let leaders = rounds(4, 20);
        assert!(
            leaders.iter().all(|&l| l == 1),
            "leaders per round: {leaders:?}"
        );
    });
}

#[test]
fn the_barrier_can_be_reused_round_after_round() {
    within("500 rounds of 3 threads on one barrier", || {
        rounds(3, 500);
    });
}

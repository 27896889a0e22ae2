//! The interviewer's tests for your fix: `cargo test -p c05-squares-exercise`.  The bug is
//! a hang, so every test runs inside `within`, which fails it with a "timed out" message
//! instead of letting `cargo test` hang with it.

use c05_squares_exercise::squares;
use challenge_kit::within;

#[test]
fn returns_every_square() {
    within("squares of 1..=5 on 3 workers", || {
        assert_eq!(squares(&[1, 2, 3, 4, 5], 3), [1, 4, 9, 16, 25]);
    });
}

#[test]
fn more_workers_than_jobs() {
    within("one job on 4 workers", || {
        assert_eq!(squares(&[7], 4), [49]);
    });
}

#[test]
fn no_jobs_at_all() {
    within("no jobs on 2 workers", || {
        assert_eq!(squares(&[], 2), Vec::<u64>::new());
    });
}

#[test]
fn many_jobs_through_small_buffers() {
    within("1,000 jobs on 2 workers", || {
        let nums: Vec<u64> = (1..=1_000).collect();
        let want: Vec<u64> = nums.iter().map(|n| n * n).collect();
        assert_eq!(squares(&nums, 2), want);
    });
}

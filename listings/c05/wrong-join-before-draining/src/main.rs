//! C05 · A wrong fix: wait for the workers first, then read the results.
use crossbeam::channel;
use std::thread;

// ANCHOR: wrong
/// The squares of `nums`, computed by `workers` threads, in ascending order.
pub fn squares(nums: &[u64], workers: usize) -> Vec<u64> {
    let (jobs_tx, jobs_rx) = channel::bounded::<u64>(3);
    let (results_tx, results_rx) = channel::bounded::<u64>(3);
    let handles: Vec<_> = (0..workers)
        .map(|_| {
            let (jobs_rx, results_tx) = (jobs_rx.clone(), results_tx.clone());
            thread::spawn(move || {
                for n in jobs_rx {
                    results_tx.send(n * n).unwrap();
                }
            })
        })
        .collect();
    drop(results_tx);
    for &n in nums {
        jobs_tx.send(n).unwrap();
    }
    drop(jobs_tx); // Go's close(jobs)
    // BUG: Go's `wg.Wait()` before the range. The results buffer holds 3;
    // the workers block sending the 4th and 5th, and nobody reads until
    // they have finished.
    for h in handles {
        h.join().unwrap();
    }

    let mut squares = Vec::new();
    for sq in results_rx {
        squares.push(sq);
        if squares.len() == nums.len() {
            squares.sort_unstable();
            println!("all squares received: {squares:?}");
        }
    }
    squares
}
// ANCHOR_END: wrong

fn main() {
    let squares = squares(&[1, 2, 3, 4, 5], 3);
    println!("done: {squares:?}");
}

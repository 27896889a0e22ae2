//! C05 · The reference solution: main drops its results sender, and a feeder
//! thread sends the jobs while main reads the results.
use crossbeam::channel;
use std::thread;

// ANCHOR: fixed
/// The squares of `nums`, computed by `workers` threads, in ascending order.
pub fn squares(nums: &[u64], workers: usize) -> Vec<u64> {
    let (jobs_tx, jobs_rx) = channel::bounded::<u64>(3);
    let (results_tx, results_rx) = channel::bounded::<u64>(3);
    for _ in 0..workers {
        let (jobs_rx, results_tx) = (jobs_rx.clone(), results_tx.clone());
        thread::spawn(move || {
            for n in jobs_rx {
                results_tx.send(n * n).unwrap();
            }
        });
    }
    // Main's own sender would keep the channel open forever: only the
    // workers' clones may decide when it closes.
    drop(results_tx);
    thread::scope(|s| {
        // Feeding from main would block once the jobs buffer, the workers'
        // hands and the results buffer are all full: main must be free to
        // read. The feeder owns `jobs_tx`; its end is Go's close(jobs).
        s.spawn(move || {
            for &n in nums {
                jobs_tx.send(n).unwrap();
            }
        });
        let mut squares: Vec<u64> = results_rx.iter().collect();
        squares.sort_unstable();
        squares
    })
}
// ANCHOR_END: fixed

fn main() {
    let squares = squares(&[1, 2, 3, 4, 5], 3);
    println!("done: {squares:?}");
}

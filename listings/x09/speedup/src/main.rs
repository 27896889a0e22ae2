use rayon::prelude::*;
use std::time::Instant;

/// Steps until the Collatz sequence from `n` reaches 1: a little CPU work per item.
fn collatz_len(mut n: u64) -> u32 {
    let mut steps = 0;
    while n != 1 {
        n = if n.is_multiple_of(2) {
            n / 2
        } else {
            3 * n + 1
        };
        steps += 1;
    }
    steps
}

// ANCHOR: body
fn timed<T>(f: impl FnOnce() -> T) -> (T, f64) {
    let t = Instant::now();
    let out = f();
    (out, t.elapsed().as_secs_f64() * 1000.0)
}

fn main() {
    let n = 100_000u64;
    // Start rayon's pool first, so that its start-up is not part of the timing.
    let warm: u64 = (0..1000u64).into_par_iter().sum();
    assert_eq!(warm, 499_500);
    // Real work per item: tens to hundreds of steps each.
    let (seq, seq_ms) = timed(|| (1..=n).map(collatz_len).max());
    let (par, par_ms) = timed(|| (1..=n).into_par_iter().map(collatz_len).max());
    println!("collatz, sequential: {seq_ms:7.2} ms");
    println!(
        "collatz, rayon:      {par_ms:7.2} ms  ({:.2}x)",
        seq_ms / par_ms
    );

    // Almost no work per item: the cost of splitting and joining dominates.
    let (tiny_seq, tiny_seq_ms) = timed(|| (1..=n).map(|x| x & 1).sum::<u64>());
    let (tiny_par, tiny_par_ms) =
        timed(|| (1..=n).into_par_iter().map(|x| x & 1).sum::<u64>());
    println!("tiny work, sequential: {tiny_seq_ms:7.3} ms");
    println!(
        "tiny work, rayon:      {tiny_par_ms:7.3} ms  ({:.2}x)",
        tiny_seq_ms / tiny_par_ms
    );

    println!("threads in rayon's pool: {}", rayon::current_num_threads());
    println!(
        "same results either way: {}",
        seq == par && tiny_seq == tiny_par
    );
}
// ANCHOR_END: body

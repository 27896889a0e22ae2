use crossbeam::channel::{Receiver, bounded};
use std::thread::{self, Scope};

// ANCHOR: stage
/// Starts `workers` threads that read `input`, apply `f`, and write to a new
/// channel, whose receiving end is returned.
fn stage<'scope, T, U>(
    s: &'scope Scope<'scope, '_>,
    workers: usize,
    input: Receiver<T>,
    f: fn(T) -> U,
) -> Receiver<U>
where
    T: Send + 'scope,
    U: Send + 'scope,
{
    let (tx, rx) = bounded(4); // bounded: a slow stage slows its producers
    for _ in 0..workers {
        let (input, tx) = (input.clone(), tx.clone());
        s.spawn(move || {
            for v in input {
                tx.send(f(v)).unwrap();
            }
            // this worker's `tx` clone is dropped here
        });
    }
    rx
    // the original `tx` is dropped on return: only the workers hold the
    // stage's output open, and the last one to finish closes it.
}
// ANCHOR_END: stage

fn main() {
    // ANCHOR: main
    let results: Vec<String> = thread::scope(|s| {
        let (src_tx, src_rx) = bounded(4);
        s.spawn(move || {
            for n in 1..=6u32 {
                src_tx.send(n).unwrap();
            }
        });
        let doubled = stage(s, 2, src_rx, |n| n * 2);
        let plus_one = stage(s, 2, doubled, |n| n + 1);
        let labelled = stage(s, 2, plus_one, |n| format!("#{n:02}"));
        labelled.iter().collect() // ends when stage 3 closes its output
    }); // the scope joins all seven threads here
    // ANCHOR_END: main

    let mut results = results;
    results.sort(); // the workers race, so arrival order varies
    println!("results: {results:?}");
    println!(
        "{} values went through 3 stages; every stage closed its output",
        results.len()
    );
}

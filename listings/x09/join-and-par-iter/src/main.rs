use rayon::prelude::*;

// ANCHOR: join
/// Divide and conquer: `rayon::join` runs both closures, in parallel if a thread is idle.
fn sum(xs: &[u64]) -> u64 {
    if xs.len() <= 1024 {
        return xs.iter().sum(); // small enough: do it here
    }
    let (left, right) = xs.split_at(xs.len() / 2);
    let (a, b) = rayon::join(|| sum(left), || sum(right));
    a + b
}
// ANCHOR_END: join

// ANCHOR: main
fn main() {
    let data: Vec<u64> = (1..=100_000).collect();
    println!("join:     {}", sum(&data));

    // The same with a parallel iterator: `iter()` becomes `par_iter()`.
    let squares: u64 = data.par_iter().map(|x| x * x % 7).sum();
    let sequential: u64 = data.iter().map(|x| x * x % 7).sum();
    println!("par_iter: {squares} (sequential: {sequential})");

    // Order-preserving operations stay ordered.
    let firsts: Vec<String> = data.par_iter().take(3).map(|x| format!("#{x}")).collect();
    println!("collect keeps order: {firsts:?}");

    let mut words = vec!["pear", "fig", "apple", "kiwi", "date"];
    words.par_sort_unstable();
    println!("par_sort: {words:?}");
}
// ANCHOR_END: main

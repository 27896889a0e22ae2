use std::collections::HashMap;
use std::thread;

fn main() {
    let text: Vec<&str> = ["red", "green", "blue", "red", "gold"].repeat(8_000);
    // ANCHOR: body
    let chunks: Vec<&[&str]> = text.chunks(text.len().div_ceil(4)).collect();
    let partials: Vec<HashMap<&str, u64>> = thread::scope(|s| {
        let handles: Vec<_> = chunks
            .iter()
            .map(|chunk| {
                s.spawn(move || {
                    // this thread's own: no lock, no sharing
                    let mut local = HashMap::new();
                    for word in chunk.iter() {
                        *local.entry(*word).or_insert(0) += 1;
                    }
                    local
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    let mut totals: HashMap<&str, u64> = HashMap::new();
    for partial in partials {
        for (word, n) in partial {
            *totals.entry(word).or_insert(0) += n; // the only merge: once per thread
        }
    }
    // ANCHOR_END: body
    println!(
        "words: {}, distinct: {}",
        totals.values().sum::<u64>(),
        totals.len()
    );
}

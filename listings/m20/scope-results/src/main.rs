use std::thread;

fn count_words(name: &str, text: &str) -> Result<usize, String> {
    if text.is_empty() {
        return Err(format!("{name}: empty file"));
    }
    Ok(text.split_whitespace().count())
}

fn main() {
    let files = [
        ("alpha.txt", "one two three"),
        ("beta.txt", ""),
        ("gamma.txt", "a b c d e"),
    ];

    // ANCHOR: body
    let results: Vec<Result<usize, String>> = thread::scope(|s| {
        // Fan out: one thread per file, borrowing `files` (the scope outlives them).
        let handles: Vec<_> = files
            .iter()
            .map(|&(name, text)| s.spawn(move || count_words(name, text)))
            .collect();
        // "Wait" and "collect" are the same step: join returns the value.
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    // ANCHOR_END: body

    for ((name, _), result) in files.iter().zip(&results) {
        println!("{name}: {result:?}");
    }
}

use std::thread;

// ANCHOR: body
fn count_in_background(words: &Vec<String>) -> thread::JoinHandle<usize> {
    // `move` moves the *reference* into the thread; the `Vec` stays with the caller.
    thread::spawn(move || words.iter().filter(|w| w.len() > 3).count())
}

fn main() {
    let words = vec!["pear".to_string(), "fig".to_string()];
    let handle = count_in_background(&words);
    drop(words); // nothing would stop this while the thread still reads the Vec
    println!("{}", handle.join().unwrap());
}
// ANCHOR_END: body

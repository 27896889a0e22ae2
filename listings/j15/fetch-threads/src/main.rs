use std::sync::mpsc;
use std::thread;
use std::time::Duration;

/// Pretends to download `url`: no network, just a delay and a made-up answer.
fn fake_fetch(url: &str, latency_ms: u64) -> Result<usize, String> {
    thread::sleep(Duration::from_millis(latency_ms));
    if url.ends_with("/missing") {
        Err("404 Not Found".to_string())
    } else {
        Ok(url.len() * 100) // a "body size" that depends only on the URL
    }
}

// ANCHOR: body
fn main() {
    let urls = [
        ("https://alpha.example", 80),
        ("https://bravo.example", 20),
        ("https://charlie.example", 60),
        ("https://delta.example/missing", 40),
        ("https://echo.example", 100),
    ];

    // Room for every result: no worker can ever block on `send`,
    // even if the receiver stopped reading early.
    let (tx, rx) = mpsc::sync_channel(urls.len());
    for (url, latency_ms) in urls {
        let tx = tx.clone();
        thread::spawn(move || {
            let result = fake_fetch(url, latency_ms);
            tx.send((url, result)).unwrap();
        });
    }

    // Exactly one message per URL, in the order the fetches finish.
    for _ in 0..urls.len() {
        match rx.recv().unwrap() {
            (url, Ok(bytes)) => println!("{url}: 200 OK, {bytes} bytes"),
            (url, Err(e)) => println!("{url}: error: {e}"),
        }
    }
    println!("{} results", urls.len());
}
// ANCHOR_END: body

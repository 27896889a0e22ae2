use std::thread;

fn main() {
    // ANCHOR: body
    let mut hits = 0;
    thread::scope(|s| {
        for _ in 0..2 {
            s.spawn(|| {
                for _ in 0..1000 {
                    hits += 1;
                }
            });
        }
    });
    println!("hits: {hits}");
    // ANCHOR_END: body
}

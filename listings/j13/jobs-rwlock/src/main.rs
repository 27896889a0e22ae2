use std::sync::RwLock;
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread;

struct Job {
    id: usize,
}

fn main() {
    // ANCHOR: body
    let jobs: RwLock<Vec<Job>> = RwLock::new(Vec::new());
    let writer_done = AtomicBool::new(false);

    let reader_ok = thread::scope(|s| {
        s.spawn(|| {
            for id in 0..1000 {
                jobs.write().unwrap().push(Job { id }); // exclusive for one push
            }
            writer_done.store(true, Ordering::Release);
        });

        let reader = s.spawn(|| {
            let mut ok = true;
            while !writer_done.load(Ordering::Acquire) {
                let list = jobs.read().unwrap(); // shared: other readers may enter too
                if let Some(first) = list.first() {
                    ok &= first.id == 0;
                }
            } // read guard dropped at the end of each iteration
            ok
        });
        reader.join().unwrap()
    }); // the scope joins the writer too

    println!("reader saw job 0 whenever the list was non-empty: {reader_ok}");
    println!("Job count: {}", jobs.read().unwrap().len());
    // ANCHOR_END: body
}

use std::thread;
use std::time::Duration;

fn main() {
    let events = [(1, "stripe"), (2, "paypal"), (3, "adyen")];

    // ANCHOR: body
    thread::scope(|s| {
        for &(id, source) in &events {
            // One thread per event: fine for three, dangerous for a burst of 50 000.
            s.spawn(move || {
                println!("processing event {id} from {source}");
                thread::sleep(Duration::from_millis(10)); // simulated work
                println!("finished event {id}");
            });
        }
    }); // the scope is the WaitGroup: it joins every thread
    println!("all events processed");
    // ANCHOR_END: body
}

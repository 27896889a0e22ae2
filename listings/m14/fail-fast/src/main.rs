use std::panic;
use std::process;
use std::thread;

fn work(i: u32) -> u32 {
    if i == 3 {
        panic!("something went wrong");
    }
    i * 10
}

fn main() {
    // ANCHOR: hook
    // Runs on the panicking thread, before any unwinding: print the usual
    // report, then end the process with Rust's panic exit status.
    let default_hook = panic::take_hook();
    panic::set_hook(Box::new(move |info| {
        default_hook(info);
        process::exit(101);
    }));
    // ANCHOR_END: hook

    println!("starting 5 workers");
    let handles: Vec<_> = (0..5).map(|i| thread::spawn(move || work(i))).collect();
    for handle in handles {
        let _ = handle.join(); // joining worker 3 never returns: its hook ends the process
    }
    println!("Done"); // never printed, just as in the Go program
}

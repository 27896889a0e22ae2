use std::panic;
use std::sync::Mutex;
use std::thread;

static SEEN: Mutex<Vec<String>> = Mutex::new(Vec::new());

fn main() {
    // ANCHOR: body
    // A library's background thread installs a hook, meaning to count its own panics.
    let metrics = thread::Builder::new().name("metrics".into());
    let setup = metrics.spawn(|| {
        let default = panic::take_hook();
        panic::set_hook(Box::new(move |info| {
            let thread = thread::current();
            let who = thread.name().unwrap_or("<unnamed>");
            let what = info.payload_as_str().unwrap_or("<not a string>");
            SEEN.lock().unwrap().push(format!("{who}: {what}"));
            default(info); // chain: the usual report still goes to stderr
        }));
    });
    setup.unwrap().join().unwrap();

    // Later, an unrelated thread panics.
    let worker = thread::Builder::new().name("worker".into());
    let result = worker.spawn(|| panic!("disk full")).unwrap().join();
    println!("the worker's join returned an error: {}", result.is_err());
    println!("the metrics thread's hook saw: {:?}", SEEN.lock().unwrap());
    // ANCHOR_END: body
}

use std::io;
use std::thread;

fn main() -> io::Result<()> {
    let handle = thread::Builder::new()
        .name("resizer".to_string())
        .stack_size(64 * 1024)
        .spawn(|| {
            let me = thread::current();
            println!("running in thread {:?}", me.name().unwrap());
            16 * 16
        })?; // the OS may refuse a thread: `?` passes the io::Error on

    println!("resizer returned {}", handle.join().unwrap());
    Ok(())
}

use crossbeam::channel::{Sender, unbounded};
use std::collections::HashMap;
use std::thread;

// ANCHOR: body
struct Server {
    // One audit channel per request. Nobody ever removes an entry.
    sessions: HashMap<u32, Sender<String>>,
}

impl Server {
    fn handle(&mut self, id: u32) {
        let (tx, rx) = unbounded::<String>();
        thread::spawn(move || {
            // Ends only when every Sender for this channel is gone.
            for line in rx {
                let _ = line.len(); // pretend to write an audit record
            }
        });
        tx.send(format!("request {id} started")).unwrap();
        self.sessions.insert(id, tx); // BUG: kept after the request is over
        println!("request {id} handled");
    }
}

fn main() {
    let mut server = Server {
        sessions: HashMap::new(),
    };
    for id in 1..=3 {
        server.handle(id);
    }
    // The process lives on, like a server; the three audit threads never end.
    loop {
        thread::park();
    }
}
// ANCHOR_END: body

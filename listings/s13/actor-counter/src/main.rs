use std::collections::BTreeMap;
use std::sync::mpsc;
use std::thread;

// ANCHOR: body
enum Msg {
    Hit(&'static str),
    // the reply channel travels with the question
    Report(mpsc::Sender<BTreeMap<&'static str, u64>>),
}

fn main() {
    let (tx, rx) = mpsc::channel::<Msg>();
    let actor = thread::spawn(move || {
        let mut hits = BTreeMap::new(); // owned by this thread alone: no lock
        for msg in rx {
            match msg {
                Msg::Hit(page) => *hits.entry(page).or_insert(0) += 1,
                Msg::Report(reply) => reply.send(hits.clone()).unwrap(),
            }
        }
    });
    thread::scope(|s| {
        for t in 0..4 {
            let tx = tx.clone();
            s.spawn(move || {
                let page = if t % 2 == 0 { "/" } else { "/about" };
                for _ in 0..1000 {
                    tx.send(Msg::Hit(page)).unwrap();
                }
            });
        }
    });
    let (reply_tx, reply_rx) = mpsc::channel();
    tx.send(Msg::Report(reply_tx)).unwrap(); // after every Hit: one sender, FIFO order
    println!("hits: {:?}", reply_rx.recv().unwrap());
    drop(tx); // the actor's loop ends when the last sender is gone
    actor.join().unwrap();
}
// ANCHOR_END: body

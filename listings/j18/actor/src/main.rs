use std::collections::HashMap;
use std::sync::mpsc;
use std::thread;
use tokio::sync::oneshot;

// ANCHOR: actor
/// What a client can ask. Each request carries the channel its answer goes back on.
enum Request {
    Deposit {
        account: &'static str,
        amount: u64,
        reply: oneshot::Sender<u64>, // the new balance
    },
    Balance {
        account: &'static str,
        reply: oneshot::Sender<u64>,
    },
}

/// The actor: the only code that ever touches `balances`. No lock needed.
fn bank(requests: mpsc::Receiver<Request>) -> usize {
    let mut balances: HashMap<&'static str, u64> = HashMap::new();
    for request in requests {
        match request {
            Request::Deposit {
                account,
                amount,
                reply,
            } => {
                let balance = balances.entry(account).or_insert(0);
                *balance += amount;
                let _ = reply.send(*balance); // the client may have given up
            }
            Request::Balance { account, reply } => {
                let _ = reply.send(balances.get(account).copied().unwrap_or(0));
            }
        }
    }
    balances.len() // the loop ends when every Sender is gone
}

/// A client-side helper: send a deposit and wait for the reply.
fn deposit(bank: &mpsc::Sender<Request>, account: &'static str, amount: u64) -> u64 {
    let (reply, answer) = oneshot::channel();
    bank.send(Request::Deposit {
        account,
        amount,
        reply,
    })
    .expect("the bank has stopped");
    answer
        .blocking_recv()
        .expect("the bank dropped the request")
}
// ANCHOR_END: actor

// ANCHOR: body
fn main() {
    let (tx, rx) = mpsc::channel();
    let actor = thread::spawn(move || bank(rx));

    // Two client threads deposit concurrently; the actor handles one request at a time.
    thread::scope(|s| {
        for _ in 0..2 {
            let tx = tx.clone();
            s.spawn(move || {
                for _ in 0..10 {
                    deposit(&tx, "alice", 10);
                }
            });
        }
    });

    let (reply, answer) = oneshot::channel();
    tx.send(Request::Balance {
        account: "alice",
        reply,
    })
    .unwrap();
    let alice = answer.blocking_recv().unwrap();
    println!("alice after 20 deposits from 2 client threads: {alice}");
    println!("bob after his first deposit: {}", deposit(&tx, "bob", 5));

    drop(tx); // the last Sender: the actor's loop ends
    println!("the bank stopped with {} accounts", actor.join().unwrap());
}
// ANCHOR_END: body

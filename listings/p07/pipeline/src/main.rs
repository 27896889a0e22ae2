use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::runtime::Handle;
use tokio::sync::mpsc::{self, Receiver, Sender};
use tokio::task::JoinSet;
use tokio::time::sleep;
use tokio_util::sync::CancellationToken;

/// Each stage writes one line here as it exits: its name, why, and what it did.
type Exits = Arc<Mutex<Vec<String>>>;

fn exited(exits: &Exits, name: &str, why: &str, count: u64) {
    exits
        .lock()
        .unwrap()
        .push(format!("  {name} exited: {why} after {count} items"));
}

// ANCHOR: stages
/// The source: 0, 1, 2, ... for ever, until nobody listens or the token fires.
async fn generate(out: Sender<u64>, token: CancellationToken, exits: Exits) {
    let mut n = 0;
    let why = loop {
        tokio::select! {
            biased;
            _ = token.cancelled() => break "cancelled",
            sent = out.send(n) => if sent.is_err() { break "downstream gone" },
        }
        n += 1;
    };
    exited(&exits, "generate", why, n);
}

/// A middle stage: applies `f`, forwards what it returns, and exits when its
/// input ends, its output's receiver is gone, or the token fires.
async fn stage(
    name: &str,
    mut input: Receiver<u64>,
    out: Sender<u64>,
    f: impl Fn(u64) -> Option<u64>,
    token: CancellationToken,
    exits: Exits,
) {
    let mut forwarded = 0;
    let why = loop {
        let item = tokio::select! {
            biased;
            _ = token.cancelled() => break "cancelled",
            item = input.recv() => match item {
                Some(item) => item,
                None => break "upstream closed",
            },
        };
        let Some(value) = f(item) else { continue };
        tokio::select! {
            biased;
            _ = token.cancelled() => break "cancelled",
            sent = out.send(value) => if sent.is_err() { break "downstream gone" },
        }
        forwarded += 1;
    };
    exited(&exits, name, why, forwarded);
    // Returning drops `input` and `out`: upstream's next send fails, downstream's
    // next recv returns None. That is how the exit travels along the pipeline.
}

/// Starts the three upstream stages; returns the sink's receiver.
fn start(
    tasks: &mut JoinSet<()>,
    token: &CancellationToken,
    exits: &Exits,
) -> Receiver<u64> {
    let (numbers_tx, numbers) = mpsc::channel(1);
    let (squares_tx, squares) = mpsc::channel(1);
    let (odd_tx, odd) = mpsc::channel(1);
    tasks.spawn(generate(numbers_tx, token.clone(), exits.clone()));
    let square = |x: u64| Some(x * x);
    tasks.spawn(stage(
        "square",
        numbers,
        squares_tx,
        square,
        token.clone(),
        exits.clone(),
    ));
    let keep_odd = |x: u64| (x % 2 == 1).then_some(x);
    tasks.spawn(stage(
        "keep odd",
        squares,
        odd_tx,
        keep_odd,
        token.clone(),
        exits.clone(),
    ));
    odd
}
// ANCHOR_END: stages

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    // ANCHOR: consumer-leaves
    let (token, exits) = (CancellationToken::new(), Exits::default());
    let mut tasks = JoinSet::new();
    let mut odd = start(&mut tasks, &token, &exits);
    let mut took = Vec::new();
    while took.len() < 5 {
        took.push(odd.recv().await.unwrap());
    }
    drop(odd); // the consumer leaves; nobody cancels anything
    println!("the sink took {took:?} and dropped its receiver");
    while let Some(joined) = tasks.join_next().await {
        joined.unwrap(); // a stage that panicked would fail here
    }
    println!("{}", exits.lock().unwrap().join("\n"));
    println!(
        "alive tasks: {}",
        Handle::current().metrics().num_alive_tasks()
    );
    // ANCHOR_END: consumer-leaves

    // ANCHOR: token-fires
    let (token, exits) = (CancellationToken::new(), Exits::default());
    let mut tasks = JoinSet::new();
    let mut odd = start(&mut tasks, &token, &exits);
    let deadline = token.clone();
    tasks.spawn(async move {
        sleep(Duration::from_millis(25)).await; // a deadline, on the paused clock
        deadline.cancel();
    });
    let mut took = 0;
    loop {
        tokio::select! {
            biased;
            _ = token.cancelled() => break,
            item = odd.recv() => {
                item.expect("stages only exit on cancel here");
                took += 1;
                sleep(Duration::from_millis(2)).await; // a slow sink
            }
        }
    }
    println!("the token fired at 25 ms; the sink had taken {took} items");
    while let Some(joined) = tasks.join_next().await {
        joined.unwrap();
    }
    println!("{}", exits.lock().unwrap().join("\n"));
    println!(
        "alive tasks: {}",
        Handle::current().metrics().num_alive_tasks()
    );
    // ANCHOR_END: token-fires
}

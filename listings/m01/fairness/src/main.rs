use std::future::ready;

use crossbeam::channel::{select, unbounded};

const ROUNDS: usize = 10_000;

// ANCHOR: crossbeam
/// Both channels hold ROUNDS values, so both cases are ready on every round.
fn crossbeam_choices() -> [usize; 2] {
    let (tx_a, rx_a) = unbounded();
    let (tx_b, rx_b) = unbounded();
    for i in 0..ROUNDS {
        tx_a.send(i).unwrap();
        tx_b.send(i).unwrap();
    }
    let mut chosen = [0; 2];
    for _ in 0..ROUNDS {
        select! {
            recv(rx_a) -> _ => chosen[0] += 1,
            recv(rx_b) -> _ => chosen[1] += 1,
        }
    }
    chosen
}
// ANCHOR_END: crossbeam

// ANCHOR: tokio
/// `ready(())` is a future that is complete the first time it is polled.
async fn tokio_choices() -> [usize; 2] {
    let mut chosen = [0; 2];
    for _ in 0..ROUNDS {
        tokio::select! {
            () = ready(()) => chosen[0] += 1,
            () = ready(()) => chosen[1] += 1,
        }
    }
    chosen
}

async fn tokio_biased_choices() -> [usize; 2] {
    let mut chosen = [0; 2];
    for _ in 0..ROUNDS {
        tokio::select! {
            biased; // poll the branches top to bottom, every time
            () = ready(()) => chosen[0] += 1,
            () = ready(()) => chosen[1] += 1,
        }
    }
    chosen
}
// ANCHOR_END: tokio

/// Print a property of the counts, never the counts themselves: they vary.
fn fair(chosen: [usize; 2]) -> &'static str {
    let floor = ROUNDS * 30 / 100;
    if chosen.iter().all(|&n| n > floor) {
        "yes"
    } else {
        "no"
    }
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let cb = crossbeam_choices();
    println!(
        "crossbeam select!: both branches chosen more than 30% of the time: {}",
        fair(cb)
    );
    let tk = tokio_choices().await;
    println!(
        "tokio::select!: both branches chosen more than 30% of the time: {}",
        fair(tk)
    );
    let first_always = tokio_biased_choices().await == [ROUNDS, 0];
    let answer = if first_always { "yes" } else { "no" };
    println!("tokio::select! with biased;: first branch chosen every time: {answer}");
}

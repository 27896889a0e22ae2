use crossbeam::deque::{Steal, Worker};

// ANCHOR: body
fn main() {
    let owner = Worker::new_fifo();
    for task in 0..10 {
        owner.push(task);
    }
    let stealer = owner.stealer(); // cheap to clone, handed to the other threads

    println!("owner pops: {:?}", owner.pop());

    // An idle thread steals a batch into its own queue and runs one task at once.
    let thief = Worker::new_fifo();
    let before = stealer.len();
    let Steal::Success(first) = stealer.steal_batch_and_pop(&thief) else {
        unreachable!()
    };
    let moved = before - stealer.len();
    println!("thief's batch: {moved} tasks moved, thief runs task {first} now");

    let drain = |w: &Worker<i32>| std::iter::from_fn(|| w.pop()).collect::<Vec<_>>();
    println!("left to the owner: {:?}", drain(&owner));
    println!("thief's queue: {:?}", drain(&thief));
}
// ANCHOR_END: body

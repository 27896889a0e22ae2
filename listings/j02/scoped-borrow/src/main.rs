use std::thread;

fn main() {
    let numbers: Vec<i32> = (1..=8).collect();
    let (left, right) = numbers.split_at(numbers.len() / 2);

    // Both threads borrow `numbers`; the scope waits for them before it ends.
    let (l, r) = thread::scope(|s| {
        let l = s.spawn(|| left.iter().sum::<i32>());
        let r = s.spawn(|| right.iter().sum::<i32>());
        (l.join().unwrap(), r.join().unwrap())
    });

    println!("left half sums to {l}, right half to {r}");
}

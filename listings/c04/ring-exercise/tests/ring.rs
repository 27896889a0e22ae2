//! The interviewer's tests for your queue: `cargo test -p c04-ring-exercise`.  Every test
//! runs inside `within`, which fails it with a "timed out" message instead of letting a
//! queue that loses a wake-up hang `cargo test`.

use c04_ring_exercise::RingBuffer;
use challenge_kit::within;
use std::sync::Arc;
use std::thread;

#[test]
fn items_come_out_in_the_order_they_went_in() {
    within("three pushes, three pops", || {
        let q = RingBuffer::new(3);
        for i in 1..=3 {
            assert_eq!(q.try_push(i), Ok(()), "a queue of 3 has room for item {i}");
        }
        assert_eq!(
            [q.try_pop(), q.try_pop(), q.try_pop()],
            [Some(1), Some(2), Some(3)]
        );
        assert_eq!(q.try_pop(), None, "an empty queue has nothing to pop");
    });
}

#[test]
fn a_queue_holds_exactly_its_capacity() {
    within("filling a queue of 4", || {
        let q = RingBuffer::new(4);
        for i in 0..4 {
            assert_eq!(
                q.try_push(i),
                Ok(()),
                "a queue of 4 holds 4 items, refused item {i}"
            );
        }
        assert_eq!(q.try_push(4), Err(4), "a full queue gives the item back");
        assert_eq!(q.try_pop(), Some(0));
        assert_eq!(q.try_push(4), Ok(()), "a pop makes room for one more");
    });
}

#[test]
fn the_ring_wraps_around() {
    within("many laps around a ring of 3", || {
        let q = RingBuffer::new(3);
        let mut next_out = 0;
        for i in 0..30 {
            q.push(i);
            if i % 2 == 1 {
                // Two in, two out: head and tail lap the ring many times.
                for _ in 0..2 {
                    assert_eq!(q.pop(), next_out, "out of order after wrapping around");
                    next_out += 1;
                }
            }
        }
    });
}

#[test]
fn pop_waits_for_a_push() {
    within(
        "a consumer popping 2,000 items from a producer through a queue of 2",
        || {
            let q = Arc::new(RingBuffer::new(2));
            let consumer = {
                let q = Arc::clone(&q);
                // Started first: it finds the queue empty and must be woken by the
                // producer's pushes.
                thread::spawn(move || (0..2_000u32).map(|_| q.pop()).collect::<Vec<_>>())
            };
            for i in 0..2_000u32 {
                q.push(i);
            }
            let got = consumer.join().expect("the consumer panicked");
            assert!(
                got.iter().copied().eq(0..2_000),
                "items lost, duplicated or reordered"
            );
        },
    );
}

#[test]
fn producers_and_consumers_under_contention() {
    within("3 producers and 3 consumers sharing a queue of 4", || {
        let q = Arc::new(RingBuffer::new(4));
        let producers: Vec<_> = (0..3u64)
            .map(|p| {
                let q = Arc::clone(&q);
                thread::spawn(move || (0..1_000).for_each(|i| q.push(p * 1_000 + i)))
            })
            .collect();
        let consumers: Vec<_> = (0..3)
            .map(|_| {
                let q = Arc::clone(&q);
                thread::spawn(move || {
                    let mut last = [None::<u64>; 3];
                    let mut got = Vec::new();
                    for _ in 0..1_000 {
                        let v = q.pop();
                        let from = (v / 1_000) as usize;
                        // One consumer sees each producer's items in the order they were
                        // pushed.
                        assert!(
                            last[from].is_none_or(|l| l < v),
                            "{v} popped after a later item"
                        );
                        last[from] = Some(v);
                        got.push(v);
                    }
                    got
                })
            })
            .collect();
        for p in producers {
            p.join().expect("a producer panicked");
        }
        let mut all: Vec<u64> = consumers
            .into_iter()
            .flat_map(|c| c.join().unwrap())
            .collect();
        all.sort_unstable();
        assert!(all.iter().copied().eq(0..3_000), "items lost or duplicated");
        assert_eq!(q.try_pop(), None);
    });
}

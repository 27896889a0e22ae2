use std::collections::HashMap;
use std::hash::Hash;
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};
use std::sync::{Arc, Barrier};
use std::thread;
use sync::{Condvar, Mutex};

/// std's types in the program; loom's under `--cfg loom`, where `tests/model.rs` checks
/// this very code (see CONTRIBUTING, "Model-checking and benchmarking").
mod sync {
    #[cfg(loom)]
    pub use book_model::sync::{Condvar, Mutex};
    #[cfg(not(loom))]
    pub use std::sync::{Condvar, Mutex};
}

// ANCHOR: group
pub struct Group<K, V> {
    calls: Mutex<HashMap<K, Arc<Call<V>>>>, // only calls in flight
}

struct Call<V> {
    state: Mutex<State<V>>,
    landed: Condvar,
}

enum State<V> {
    Running { followers: usize },
    Done(V),
    Abandoned, // the leader panicked before it had a value
}

impl<K: Hash + Eq + Clone, V: Clone> Group<K, V> {
    pub fn new() -> Self {
        Group {
            calls: Mutex::new(HashMap::new()),
        }
    }

    /// Runs `fetch` for `key`, or, if a call for `key` is in flight, waits
    /// for its result. Also returns whether the result went to several callers.
    pub fn work(&self, key: &K, fetch: impl FnOnce() -> V) -> (V, bool) {
        loop {
            let mut calls = self.calls.lock().unwrap();
            if let Some(call) = calls.get(key).cloned() {
                drop(calls); // never hold the map while waiting
                let mut state = call.state.lock().unwrap();
                if let State::Running { followers } = &mut *state {
                    *followers += 1;
                }
                let state = call
                    .landed
                    .wait_while(state, |s| matches!(s, State::Running { .. }))
                    .unwrap();
                match &*state {
                    State::Done(value) => return (value.clone(), true),
                    _ => continue, // abandoned: try again, perhaps as the leader
                }
            }
            // No call in flight: we lead one. The check and the insert happen
            // under one lock, so exactly one caller gets here per flight.
            let call = Arc::new(Call {
                state: Mutex::new(State::Running { followers: 0 }),
                landed: Condvar::new(),
            });
            calls.insert(key.clone(), Arc::clone(&call));
            drop(calls);
            let mut flight = Flight {
                group: self,
                key,
                call,
                landed: false,
            };
            let value = fetch(); // if this panics, `flight` is dropped unlanded
            let followers = flight.land(Some(value.clone()));
            return (value, followers > 0);
        }
    }
}

/// The leader's side of a call. Landing forgets the key, publishes the
/// result and wakes the followers; dropping it unlanded (a panic in `fetch`)
/// lands it as abandoned, so no follower waits forever.
struct Flight<'a, K: Hash + Eq, V> {
    group: &'a Group<K, V>,
    key: &'a K,
    call: Arc<Call<V>>,
    landed: bool,
}

impl<K: Hash + Eq, V> Flight<'_, K, V> {
    fn land(&mut self, value: Option<V>) -> usize {
        self.landed = true;
        self.group.calls.lock().unwrap().remove(self.key); // new calls fetch anew
        let new = value.map_or(State::Abandoned, State::Done);
        let old = std::mem::replace(&mut *self.call.state.lock().unwrap(), new);
        self.call.landed.notify_all();
        match old {
            State::Running { followers } => followers,
            _ => 0,
        }
    }
}

impl<K: Hash + Eq, V> Drop for Flight<'_, K, V> {
    fn drop(&mut self) {
        if !self.landed {
            self.land(None);
        }
    }
}
// ANCHOR_END: group

impl<K: Hash + Eq + Clone, V: Clone> Default for Group<K, V> {
    fn default() -> Self {
        Self::new()
    }
}

impl<K: Hash + Eq, V> Group<K, V> {
    /// How many callers are waiting for the call in flight for `key`: the listing uses it
    /// to let the first fetch finish only once the whole herd has joined, which makes the
    /// output independent of scheduling.
    pub fn waiting(&self, key: &K) -> usize {
        let Some(call) = self.calls.lock().unwrap().get(key).cloned() else {
            return 0;
        };
        match &*call.state.lock().unwrap() {
            State::Running { followers } => *followers,
            _ => 0,
        }
    }
}

/// `n` threads call `work` for one key at once. The fetch that runs waits at `gate`
/// until main has seen the other `n - 1` callers join its flight.
fn herd<V: Clone + Send + Sync + 'static>(
    n: usize,
    value: V,
    fetches: &Arc<AtomicUsize>,
) -> Vec<(V, bool)> {
    let group = Arc::new(Group::new());
    let gate = Arc::new(Barrier::new(2));
    let callers: Vec<_> = (0..n)
        .map(|_| {
            let (group, gate, fetches) = (group.clone(), gate.clone(), fetches.clone());
            let value = value.clone();
            thread::spawn(move || {
                group.work(&"user:7", || {
                    gate.wait(); // hold the flight open until the herd has joined
                    fetches.fetch_add(1, Relaxed);
                    value
                })
            })
        })
        .collect();
    while group.waiting(&"user:7") < n - 1 {
        thread::yield_now();
    }
    gate.wait();
    callers.into_iter().map(|c| c.join().unwrap()).collect()
}

fn main() {
    // ANCHOR: herd
    let fetches = Arc::new(AtomicUsize::new(0));
    let results = herd(8, 42, &fetches);
    let shared = results.iter().filter(|(_, shared)| *shared).count();
    assert!(results.iter().all(|(v, _)| *v == 42));
    println!(
        "herd: 8 callers, {} fetch, all got 42, {shared} shared",
        fetches.load(Relaxed)
    );
    // ANCHOR_END: herd

    // ANCHOR: error
    let fetches = Arc::new(AtomicUsize::new(0));
    let results = herd(4, Err::<u32, String>("backend down".into()), &fetches);
    let errors = results.iter().filter(|(r, _)| r.is_err()).count();
    println!(
        "error: 4 callers, {} fetch, {errors} got {:?}",
        fetches.load(Relaxed),
        results[0].0
    );
    // ANCHOR_END: error

    // ANCHOR: sequential
    let group = Group::new();
    let fetches = AtomicUsize::new(0);
    for _ in 0..2 {
        group.work(&"user:7", || fetches.fetch_add(1, Relaxed));
    }
    println!("sequential: 2 calls, {} fetches", fetches.load(Relaxed));
    // ANCHOR_END: sequential

    // ANCHOR: panic
    let group = Arc::new(Group::new());
    let fetches = Arc::new(AtomicUsize::new(0));
    let gate = Arc::new(Barrier::new(2));
    let fetch = {
        let (fetches, gate) = (fetches.clone(), gate.clone());
        move || {
            if fetches.fetch_add(1, Relaxed) == 0 {
                gate.wait(); // the first fetch waits for the follower, then panics
                panic!("backend crashed");
            }
            42
        }
    };
    let leader = {
        let (group, fetch) = (group.clone(), fetch.clone());
        thread::spawn(move || group.work(&"user:7", fetch))
    };
    while fetches.load(Relaxed) == 0 {
        thread::yield_now(); // until the leader's fetch has started
    }
    let follower = {
        let group = group.clone();
        thread::spawn(move || group.work(&"user:7", fetch))
    };
    while group.waiting(&"user:7") < 1 {
        thread::yield_now();
    }
    gate.wait();
    let leader = leader.join().map_err(|_| "panicked");
    let (value, _) = follower.join().unwrap();
    println!(
        "panic: leader {leader:?}, follower got {value}, {} fetches",
        fetches.load(Relaxed)
    );
    // ANCHOR_END: panic
}

use std::cell::Cell;
use std::collections::HashMap;
use std::hash::Hash;
use std::sync::Arc;
use sync::{Condvar, Mutex};

/// std's types in the program; loom's under `--cfg loom`, where `tests/model.rs` checks
/// this very code (see CONTRIBUTING, "Model-checking and benchmarking").
mod sync {
    #[cfg(loom)]
    pub use book_model::sync::{Condvar, Mutex};
    #[cfg(not(loom))]
    pub use std::sync::{Condvar, Mutex};
}

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
    // ANCHOR: work
    pub fn work(&self, key: &K, fetch: impl FnOnce() -> V) -> (V, bool) {
        loop {
            let found = self.calls.lock().unwrap().get(key).cloned();
            if let Some(call) = found {
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
                    _ => continue,
                }
            }
            // BUG: the map was unlocked after the check; another caller may
            // have found it empty too, and both insert and fetch.
            let call = Arc::new(Call {
                state: Mutex::new(State::Running { followers: 0 }),
                landed: Condvar::new(),
            });
            self.calls
                .lock()
                .unwrap()
                .insert(key.clone(), Arc::clone(&call));
            let mut flight = Flight {
                group: self,
                key,
                call,
                landed: false,
            };
            let value = fetch();
            let followers = flight.land(Some(value.clone()));
            return (value, followers > 0);
        }
    }
    // ANCHOR_END: work
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

fn main() {
    // ANCHOR: use
    let group = Group::new();
    let fetches = Cell::new(0);
    let fetch = || {
        fetches.set(fetches.get() + 1);
        42
    };
    let (a, b) = (group.work(&"user:7", fetch), group.work(&"user:7", fetch));
    println!(
        "one caller at a time: {a:?} {b:?}, {} fetches",
        fetches.get()
    );
    // ANCHOR_END: use
}

use std::sync::PoisonError;
use sync::{Mutex, MutexGuard, Receiver, Sender, bounded};

/// crossbeam's channel and std's mutex in the program. Under `--cfg loom`, where
/// `tests/model.rs` checks this very broadcaster, loom's mutex and a stand-in channel with
/// the same contract: loom cannot look inside crossbeam's lock-free channel, so the model
/// checks the broadcaster's own logic, not crossbeam.
mod sync {
    #[cfg(loom)]
    pub use book_model::sync::{Mutex, MutexGuard};
    #[cfg(not(loom))]
    pub use crossbeam::channel::{Receiver, Sender, bounded};
    #[cfg(loom)]
    pub use stand_in::{Receiver, Sender, bounded};
    #[cfg(not(loom))]
    pub use std::sync::{Mutex, MutexGuard};

    /// A bounded channel for loom: a queue under a mutex, and whether the receiver is still
    /// alive.
    #[cfg(loom)]
    mod stand_in {
        use book_model::sync::{Arc, Condvar, Mutex};
        use std::collections::VecDeque;

        struct State<T> {
            queue: VecDeque<T>,
            receiver_alive: bool,
            senders: usize,
        }
        struct Chan<T> {
            state: Mutex<State<T>>,
            cap: usize,
            changed: Condvar,
        }
        pub struct Sender<T>(Arc<Chan<T>>);
        pub struct Receiver<T>(Arc<Chan<T>>);
        #[derive(Debug)]
        pub enum TrySendError<T> {
            Full(T),
            Disconnected(T),
        }
        #[derive(Debug)]
        pub struct SendError<T>(pub T);

        pub fn bounded<T>(cap: usize) -> (Sender<T>, Receiver<T>) {
            let chan = Arc::new(Chan {
                state: Mutex::new(State {
                    queue: VecDeque::new(),
                    receiver_alive: true,
                    senders: 1,
                }),
                cap,
                changed: Condvar::new(),
            });
            (Sender(chan.clone()), Receiver(chan))
        }

        impl<T> Sender<T> {
            pub fn try_send(&self, msg: T) -> Result<(), TrySendError<T>> {
                let mut s = self.0.state.lock().unwrap();
                if !s.receiver_alive {
                    return Err(TrySendError::Disconnected(msg));
                }
                if s.queue.len() == self.0.cap {
                    return Err(TrySendError::Full(msg));
                }
                s.queue.push_back(msg);
                Ok(())
            }
            pub fn send(&self, msg: T) -> Result<(), SendError<T>> {
                let c = &self.0;
                let s = c.state.lock().unwrap();
                let mut s = c
                    .changed
                    .wait_while(s, |s| s.receiver_alive && s.queue.len() == c.cap)
                    .unwrap();
                if !s.receiver_alive {
                    return Err(SendError(msg));
                }
                s.queue.push_back(msg);
                Ok(())
            }
        }

        impl<T> Receiver<T> {
            pub fn iter(&self) -> impl Iterator<Item = T> + '_ {
                std::iter::from_fn(|| {
                    let c = &self.0;
                    let s = c.state.lock().unwrap();
                    let mut s = c
                        .changed
                        .wait_while(s, |s| s.queue.is_empty() && s.senders > 0)
                        .unwrap();
                    let msg = s.queue.pop_front();
                    drop(s);
                    c.changed.notify_all();
                    msg
                })
            }
            pub fn try_iter(&self) -> impl Iterator<Item = T> + '_ {
                std::iter::from_fn(|| {
                    let msg = self.0.state.lock().unwrap().queue.pop_front();
                    self.0.changed.notify_all();
                    msg
                })
            }
        }

        impl<T> Clone for Sender<T> {
            fn clone(&self) -> Self {
                self.0.state.lock().unwrap().senders += 1;
                Sender(self.0.clone())
            }
        }

        impl<T> Drop for Sender<T> {
            fn drop(&mut self) {
                self.0.state.lock().unwrap().senders -= 1;
                self.0.changed.notify_all();
            }
        }

        impl<T> Drop for Receiver<T> {
            fn drop(&mut self) {
                self.0.state.lock().unwrap().receiver_alive = false;
                self.0.changed.notify_all();
            }
        }
    }
}

/// What `publish` does when a subscriber's buffer is full.
#[derive(Clone, Copy)]
pub enum WhenFull {
    /// Skip this message for that subscriber (it loses the newest).
    Drop,
    /// Remove the subscriber; it reads what it has, then sees the end.
    Disconnect,
    /// Wait for room: one slow subscriber slows every publisher.
    Block,
}

pub struct Broadcaster<T> {
    subscribers: Mutex<Vec<Sender<T>>>,
    when_full: WhenFull,
}

impl<T: Clone> Broadcaster<T> {
    pub fn new(when_full: WhenFull) -> Self {
        Broadcaster {
            subscribers: Mutex::new(Vec::new()),
            when_full,
        }
    }

    /// Unsubscribing is dropping the receiver: the next publish prunes it.
    pub fn subscribe(&self, capacity: usize) -> Receiver<T> {
        let (tx, rx) = bounded(capacity);
        self.lock().push(tx);
        rx
    }

    // ANCHOR: publish
    /// BUG: copies the list under the lock, then sends without it. Two
    /// publishers can now reach the subscribers in different orders.
    pub fn publish(&self, msg: T) -> usize {
        let subscribers: Vec<Sender<T>> = self.lock().clone();
        let sent = |tx: &&Sender<T>| match self.when_full {
            WhenFull::Block => tx.send(msg.clone()).is_ok(),
            _ => tx.try_send(msg.clone()).is_ok(),
        };
        subscribers.iter().filter(sent).count()
    }
    // ANCHOR_END: publish

    pub fn subscribers(&self) -> usize {
        self.lock().len()
    }

    fn lock(&self) -> MutexGuard<'_, Vec<Sender<T>>> {
        self.subscribers
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
    }
}

fn main() {
    // ANCHOR: use
    // One publisher: its messages reach each subscriber in the order it sent
    // them, so this run always agrees. The bug needs two publishers at once.
    let news = Broadcaster::new(WhenFull::Drop);
    let (first, second) = (news.subscribe(10), news.subscribe(10));
    for n in 1..=3 {
        news.publish(n);
    }
    println!("first got {:?}", first.try_iter().collect::<Vec<_>>());
    println!("second got {:?}", second.try_iter().collect::<Vec<_>>());
    // ANCHOR_END: use
}

use std::sync::PoisonError;
use std::thread;
use sync::{Mutex, MutexGuard, Receiver, Sender, TrySendError, bounded};

/// crossbeam's channel and std's mutex in the program. Under `--cfg loom`, where
/// `tests/model.rs` checks this very broadcaster, loom's mutex and a stand-in channel with
/// the same contract: loom cannot look inside crossbeam's lock-free channel, so the model
/// checks the broadcaster's own logic, not crossbeam.
mod sync {
    #[cfg(loom)]
    pub use book_model::sync::{Mutex, MutexGuard};
    #[cfg(not(loom))]
    pub use crossbeam::channel::{Receiver, Sender, TrySendError, bounded};
    #[cfg(loom)]
    pub use stand_in::{Receiver, Sender, TrySendError, bounded};
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

// ANCHOR: broadcaster
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

    /// Sends `msg` to every subscriber, holding the lock throughout so that
    /// all subscribers see messages in the same order. Returns how many got it.
    pub fn publish(&self, msg: T) -> usize {
        let mut delivered = 0;
        self.lock().retain(|tx| match self.when_full {
            WhenFull::Block => {
                // Fails only when the subscriber has gone: prune it.
                let sent = tx.send(msg.clone()).is_ok();
                delivered += usize::from(sent);
                sent
            }
            policy => match tx.try_send(msg.clone()) {
                Ok(()) => {
                    delivered += 1;
                    true
                }
                Err(TrySendError::Full(_)) => matches!(policy, WhenFull::Drop),
                Err(TrySendError::Disconnected(_)) => false,
            },
        });
        delivered
    }

    pub fn subscribers(&self) -> usize {
        self.lock().len()
    }

    fn lock(&self) -> MutexGuard<'_, Vec<Sender<T>>> {
        self.subscribers
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
    }
}
// ANCHOR_END: broadcaster

fn main() {
    // ANCHOR: policies
    let news = Broadcaster::new(WhenFull::Drop);
    let fast = news.subscribe(10);
    let slow = news.subscribe(1);
    for n in 1..=5 {
        news.publish(n); // nobody reads yet
    }
    println!("drop: fast got {:?}", fast.try_iter().collect::<Vec<_>>());
    println!("drop: slow got {:?}", slow.try_iter().collect::<Vec<_>>());
    drop(slow); // unsubscribe
    println!(
        "drop: subscribers before the next publish: {}",
        news.subscribers()
    );
    news.publish(6);
    println!("drop: after it: {}", news.subscribers());

    let news = Broadcaster::new(WhenFull::Disconnect);
    let slow = news.subscribe(2);
    let delivered: Vec<usize> = (1..=4).map(|n| news.publish(n)).collect();
    println!("disconnect: delivered to {delivered:?} subscribers");
    println!(
        "disconnect: slow reads {:?}, then the end",
        slow.iter().collect::<Vec<_>>()
    );

    let news = Broadcaster::new(WhenFull::Block);
    let slow = news.subscribe(1);
    let reader = thread::spawn(move || slow.iter().collect::<Vec<_>>());
    for n in 1..=5 {
        news.publish(n); // waits while the reader's buffer is full
    }
    drop(news); // drops the sender: the reader's loop ends
    println!("block: slow got {:?}", reader.join().unwrap());
    // ANCHOR_END: policies
}

use std::future::Future;
use std::pin::{Pin, pin};
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll, Wake, Waker};
use std::thread::{self, Thread};

// ANCHOR: executor
/// Waking the executor means unparking the thread that runs `block_on`.
struct ThreadWaker(Thread);

impl Wake for ThreadWaker {
    fn wake(self: Arc<Self>) {
        self.0.unpark();
    }
}

fn block_on<F: Future>(future: F) -> F::Output {
    let mut future = pin!(future);
    let waker = Waker::from(Arc::new(ThreadWaker(thread::current())));
    let mut cx = Context::from_waker(&waker);
    loop {
        match future.as_mut().poll(&mut cx) {
            Poll::Ready(output) => return output,
            // Sleep until some waker calls `unpark`. An `unpark` that came before
            // this `park` is remembered, so no wake-up is lost; and a spurious return
            // from `park` only costs one extra poll.
            Poll::Pending => thread::park(),
        }
    }
}
// ANCHOR_END: executor

// ANCHOR: yield
/// Not ready for the first `n` polls; asks to be polled again each time.
struct YieldTimes {
    left: u32,
    polls: u32,
}

impl Future for YieldTimes {
    type Output = u32;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<u32> {
        self.polls += 1;
        if self.left == 0 {
            return Poll::Ready(self.polls);
        }
        self.left -= 1;
        cx.waker().wake_by_ref(); // the contract: Pending only with a wake arranged
        Poll::Pending
    }
}
// ANCHOR_END: yield

// ANCHOR: flag
/// Completes when another thread calls `set`. The waker is stored under the same lock
/// as the flag, so a `set` cannot slip in between "not set yet" and "waker stored".
#[derive(Clone, Default)]
struct Flag(Arc<Mutex<(bool, Option<Waker>)>>);

impl Flag {
    fn set(&self) {
        let waker = {
            let mut state = self.0.lock().unwrap();
            state.0 = true;
            state.1.take()
        };
        if let Some(w) = waker {
            w.wake(); // outside the lock
        }
    }
}

impl Future for Flag {
    type Output = ();

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        let mut state = self.0.lock().unwrap();
        if state.0 {
            Poll::Ready(())
        } else {
            state.1 = Some(cx.waker().clone()); // keep the newest waker
            Poll::Pending
        }
    }
}
// ANCHOR_END: flag

// ANCHOR: main
fn main() {
    let polls = block_on(YieldTimes { left: 3, polls: 0 });
    println!("YieldTimes: ready after {polls} polls");

    let flag = Flag::default();
    let setter = flag.clone();
    let t = thread::spawn(move || setter.set());
    block_on(flag);
    t.join().unwrap();
    println!("Flag: set by another thread");

    // A real library future: tokio's oneshot needs no tokio runtime.
    let (tx, rx) = tokio::sync::oneshot::channel();
    let t = thread::spawn(move || tx.send(42).unwrap());
    let total = block_on(async {
        let polls = YieldTimes { left: 1, polls: 0 }.await;
        let answer = rx.await.unwrap();
        polls + answer
    });
    t.join().unwrap();
    println!("async block: 2 + 42 = {total}");
}
// ANCHOR_END: main

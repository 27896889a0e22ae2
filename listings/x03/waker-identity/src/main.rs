use std::future::{Future, poll_fn};
use std::pin::Pin;
use std::task::{Context, Poll, Waker};

// ANCHOR: body
/// Keeps the waker of its first poll and compares the waker of every later poll with it.
struct SameWaker {
    first: Option<Waker>,
    polls: u32,
    target: u32,
    all_same: bool,
}

impl SameWaker {
    fn new(target: u32) -> Self {
        SameWaker {
            first: None,
            polls: 0,
            target,
            all_same: true,
        }
    }
}

impl Future for SameWaker {
    type Output = bool;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<bool> {
        match &self.first {
            None => self.first = Some(cx.waker().clone()),
            Some(first) => {
                let same = first.will_wake(cx.waker());
                self.all_same &= same;
            }
        }
        self.polls += 1;
        if self.polls == self.target {
            return Poll::Ready(self.all_same);
        }
        cx.waker().wake_by_ref(); // poll me again
        Poll::Pending
    }
}

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() {
    // A spawned task, rescheduled 1000 times on whichever worker is free.
    let same = tokio::spawn(SameWaker::new(1000)).await.unwrap();
    println!("one task, 1000 polls, always the same waker: {same}");

    // The same future type, polled once by `main`'s task and then moved into a new task.
    let mut moved = Box::pin(SameWaker::new(2));
    poll_fn(|cx| {
        let _ = moved.as_mut().poll(cx); // first poll: `main`'s waker is stored
        Poll::Ready(())
    })
    .await;
    let same = tokio::spawn(moved).await.unwrap(); // second poll: the new task's waker
    println!("polled in one task, then in another: same waker: {same}");
}
// ANCHOR_END: body

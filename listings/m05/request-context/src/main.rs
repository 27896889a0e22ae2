use std::sync::Arc;
use std::time::Duration;

use tokio::time::{Instant, sleep, timeout_at};
use tokio_util::sync::CancellationToken;

// ANCHOR: ctx
#[derive(Debug, Clone, Copy, PartialEq)]
enum CtxError {
    Canceled,         // Go: context.Canceled
    DeadlineExceeded, // Go: context.DeadlineExceeded
}

/// The three things a Go `context.Context` carries, as plain fields.
#[derive(Clone)]
struct Ctx {
    cancel: CancellationToken,
    deadline: Instant,
    request_id: Arc<str>,
}

impl Ctx {
    /// Go: context.WithTimeout(ctx, d): a child that can only be stricter.
    fn with_timeout(&self, d: Duration) -> Ctx {
        Ctx {
            cancel: self.cancel.child_token(),
            deadline: self.deadline.min(Instant::now() + d),
            request_id: Arc::clone(&self.request_id),
        }
    }

    /// Runs `work` until it finishes, the deadline passes, or someone cancels.
    async fn run<T>(&self, work: impl Future<Output = T>) -> Result<T, CtxError> {
        tokio::select! {
            biased;
            () = self.cancel.cancelled() => Err(CtxError::Canceled),
            r = timeout_at(self.deadline, work) => {
                r.map_err(|_| CtxError::DeadlineExceeded)
            }
        }
    }
}
// ANCHOR_END: ctx

// ANCHOR: use
/// A callee takes the context first, as in Go, and hands it further down.
async fn query(ctx: &Ctx, table: &str, takes: Duration, start: Instant) {
    let result = ctx
        .run(async {
            sleep(takes).await;
            "3 rows"
        })
        .await;
    let t = start.elapsed().as_millis();
    println!("[{}] t={t}ms {table}: {result:?}", ctx.request_id);
}

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    let start = Instant::now();
    let server = CancellationToken::new(); // the server's root
    let far_future = start + Duration::from_secs(3600);

    // Request 1: a 100 ms budget for the whole request.
    let base = Ctx {
        cancel: server.child_token(),
        deadline: far_future,
        request_id: "req-1".into(),
    };
    let ctx = base.with_timeout(Duration::from_millis(100));
    query(&ctx, "users", Duration::from_millis(30), start).await;
    query(&ctx, "orders", Duration::from_millis(500), start).await; // budget left: 70 ms

    // Request 2: the client goes away 20 ms in (Go: the server cancels r.Context()).
    let start = Instant::now();
    let ctx = Ctx {
        cancel: server.child_token(),
        deadline: far_future,
        request_id: "req-2".into(),
    };
    let client_gone = ctx.cancel.clone();
    tokio::spawn(async move {
        sleep(Duration::from_millis(20)).await;
        client_gone.cancel();
    });
    query(&ctx, "users", Duration::from_millis(30), start).await;
}
// ANCHOR_END: use

use std::sync::{Arc, OnceLock};

use tokio_util::sync::CancellationToken;

// ANCHOR: body
#[derive(Debug, Clone, Copy, PartialEq)]
enum Cause {
    ClientGone,
    Shutdown,
}

/// Go 1.20: ctx, cancel := context.WithCancelCause(parent); cancel(err)
#[derive(Clone)]
struct CauseToken {
    token: CancellationToken,
    cause: Arc<OnceLock<Cause>>,
}

impl CauseToken {
    fn new() -> Self {
        CauseToken {
            token: CancellationToken::new(),
            cause: Arc::new(OnceLock::new()),
        }
    }

    fn cancel(&self, cause: Cause) {
        let _ = self.cause.set(cause); // like Go, only the first cause is kept
        self.token.cancel();
    }

    /// Go: context.Cause(ctx)
    fn cause(&self) -> Option<Cause> {
        self.cause.get().copied()
    }
}

/// Go 1.21: context.AfterFunc(ctx, f): run `f` on its own task once ctx is done.
fn after_func(ctx: &CauseToken, f: impl FnOnce(Option<Cause>) + Send + 'static) {
    let ctx = ctx.clone();
    tokio::spawn(async move {
        ctx.token.cancelled().await;
        f(ctx.cause());
    });
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let ctx = CauseToken::new();
    let (done_tx, done_rx) = tokio::sync::oneshot::channel();
    after_func(&ctx, move |cause| {
        println!("after-func: closing the upload, cause = {cause:?}");
        done_tx.send(()).unwrap();
    });

    ctx.cancel(Cause::ClientGone);
    ctx.cancel(Cause::Shutdown); // too late: the first cause stays
    done_rx.await.unwrap();
    println!(
        "cancelled: {}, cause: {:?}",
        ctx.token.is_cancelled(),
        ctx.cause()
    );
}
// ANCHOR_END: body

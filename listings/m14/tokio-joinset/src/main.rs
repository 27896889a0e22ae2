use std::any::Any;

use tokio::task::JoinSet;

fn message(payload: &(dyn Any + Send)) -> String {
    if let Some(s) = payload.downcast_ref::<&str>() {
        s.to_string()
    } else if let Some(s) = payload.downcast_ref::<String>() {
        s.clone()
    } else {
        String::from("<non-string payload>")
    }
}

#[tokio::main]
async fn main() {
    // ANCHOR: joinset
    let mut set = JoinSet::new();
    for i in 0..5_u32 {
        set.spawn(async move {
            if i == 3 {
                panic!("something went wrong");
            }
            i * 10
        });
    }
    let stuck = set.spawn(std::future::pending::<u32>()); // never finishes on its own
    stuck.abort();

    let (mut ok, mut panicked, mut cancelled) = (Vec::new(), Vec::new(), 0);
    while let Some(result) = set.join_next().await {
        match result {
            Ok(value) => ok.push(value),
            Err(e) if e.is_panic() => panicked.push(message(&*e.into_panic())),
            Err(e) if e.is_cancelled() => cancelled += 1,
            Err(e) => unreachable!("a JoinError is a panic or a cancellation: {e}"),
        }
    }
    ok.sort_unstable(); // tasks finish in any order
    println!("ok = {ok:?}");
    println!("panicked = {panicked:?}");
    println!("cancelled = {cancelled}");

    let alive = tokio::spawn(async { true }).await.unwrap();
    println!("runtime still works: {alive}");
    // ANCHOR_END: joinset
}

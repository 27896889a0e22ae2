use std::collections::HashMap;
use tokio::sync::{mpsc, oneshot};

// ANCHOR: body
enum Command {
    Get {
        key: String,
        reply: oneshot::Sender<Option<u32>>,
    },
    Forget {
        key: String,
        reply: oneshot::Sender<Option<u32>>,
    },
}

/// One task owns the map; others talk to it through an mpsc queue of commands,
/// each carrying a oneshot sender for its answer.
async fn store(mut commands: mpsc::Receiver<Command>) {
    let mut map = HashMap::from([("a".to_string(), 1)]);
    while let Some(cmd) = commands.recv().await {
        match cmd {
            Command::Get { key, reply } => {
                let _ = reply.send(map.get(&key).copied()); // the asker may be gone
            }
            Command::Forget { key, reply } => {
                map.remove(&key);
                drop(reply); // a bug: no answer, but the asker is not left hanging
            }
        }
    }
}

#[tokio::main]
async fn main() {
    let (tx, rx) = mpsc::channel(16);
    let server = tokio::spawn(store(rx));

    let (reply, answer) = oneshot::channel();
    tx.send(Command::Get {
        key: "a".into(),
        reply,
    })
    .await
    .unwrap();
    println!("get a -> {:?}", answer.await);

    let (reply, answer) = oneshot::channel();
    tx.send(Command::Forget {
        key: "a".into(),
        reply,
    })
    .await
    .unwrap();
    println!("forget a -> {:?}", answer.await);

    drop(tx); // the last sender: `recv` returns `None` and the server ends
    server.await.unwrap();
    println!("server stopped");
}
// ANCHOR_END: body

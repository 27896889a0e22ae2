use std::collections::BTreeSet;
use std::net::{Ipv4Addr, SocketAddr};
use std::sync::{Arc, Mutex};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use tokio::task::JoinSet;

const CLIENTS: usize = 50;

/// The names of the threads tasks ran on, recorded by every task.
type Seen = Arc<Mutex<BTreeSet<String>>>;

fn record(seen: &Seen) {
    let name = std::thread::current()
        .name()
        .unwrap_or("unnamed")
        .to_string();
    seen.lock().unwrap().insert(name);
}

/// The `Threads:` line of /proc/self/status: how many OS threads this process has.
fn os_threads() -> usize {
    let status = std::fs::read_to_string("/proc/self/status").unwrap();
    let line = status.lines().find(|l| l.starts_with("Threads:")).unwrap();
    line["Threads:".len()..].trim().parse().unwrap()
}

// ANCHOR: server
async fn serve(listener: TcpListener, seen: Seen) {
    let mut handlers = JoinSet::new();
    for _ in 0..CLIENTS {
        let (mut conn, _) = listener.accept().await.unwrap();
        let seen = seen.clone();
        handlers.spawn(async move {
            record(&seen);
            let mut buf = [0u8; 64];
            // Each read parks this task, not the thread: the runtime's I/O
            // driver wakes it when epoll reports the socket readable.
            loop {
                let n = conn.read(&mut buf).await.unwrap();
                if n == 0 {
                    return; // the client closed its end
                }
                conn.write_all(&buf[..n]).await.unwrap();
            }
        });
    }
    handlers.join_all().await;
}
// ANCHOR_END: server

// ANCHOR: clients
#[tokio::main(flavor = "current_thread")]
async fn main() {
    let seen = Seen::default();
    let addr = SocketAddr::from((Ipv4Addr::LOCALHOST, 0));
    let listener = TcpListener::bind(addr).await.unwrap();
    let addr = listener.local_addr().unwrap();
    let server = tokio::spawn(serve(listener, seen.clone()));

    // Open every connection first, so that all 50 are alive at the same time.
    let mut conns = Vec::new();
    for _ in 0..CLIENTS {
        conns.push(TcpStream::connect(addr).await.unwrap());
    }
    println!("connections open at once: {}", conns.len());

    let mut clients = JoinSet::new();
    for (i, mut conn) in conns.into_iter().enumerate() {
        let seen = seen.clone();
        clients.spawn(async move {
            record(&seen);
            let msg = format!("hello from client {i:02}");
            conn.write_all(msg.as_bytes()).await.unwrap();
            let mut back = vec![0u8; msg.len()];
            conn.read_exact(&mut back).await.unwrap();
            back == msg.as_bytes()
        }); // dropping `conn` here closes the connection
    }
    let intact = clients.join_all().await;
    server.await.unwrap();
    let all = intact.iter().all(|&ok| ok);
    println!(
        "echoes received: {} of {CLIENTS}, each intact: {all}",
        intact.len()
    );
    println!("threads in the process: {}", os_threads());
    let names: Vec<String> = seen.lock().unwrap().iter().cloned().collect();
    println!("every task ran on thread: {}", names.join(", "));
}
// ANCHOR_END: clients

use std::io::{Read, Write};
use std::net::{Ipv4Addr, SocketAddr, TcpListener, TcpStream};
use std::sync::mpsc;
use std::thread;

const CLIENTS: usize = 20;

fn os_threads() -> usize {
    let status = std::fs::read_to_string("/proc/self/status").unwrap();
    let line = status.lines().find(|l| l.starts_with("Threads:")).unwrap();
    line["Threads:".len()..].trim().parse().unwrap()
}

// ANCHOR: server
/// One thread per connection: while it waits for bytes, the thread sits in
/// the kernel in a blocking `read`, holding its stack.
fn handle(mut conn: TcpStream, finished: mpsc::Sender<()>) {
    let mut buf = [0u8; 64];
    loop {
        let n = conn.read(&mut buf).unwrap();
        if n == 0 {
            break; // the client closed its end
        }
        conn.write_all(&buf[..n]).unwrap();
    }
    finished.send(()).unwrap();
}

fn main() {
    let listener = TcpListener::bind(SocketAddr::from((Ipv4Addr::LOCALHOST, 0))).unwrap();
    let addr = listener.local_addr().unwrap();
    let (finished_tx, finished) = mpsc::channel();
    // ANCHOR_END: server
    // ANCHOR: clients
    let mut conns = Vec::new();
    let mut intact = 0;
    for i in 0..CLIENTS {
        // The kernel completes the handshake before `accept`, so `main` can
        // connect and then accept: no acceptor thread, only `main` and handlers.
        let mut conn = TcpStream::connect(addr).unwrap();
        let (server_end, _) = listener.accept().unwrap();
        let tx = finished_tx.clone();
        thread::spawn(move || handle(server_end, tx));
        let msg = format!("hello from client {i:02}");
        conn.write_all(msg.as_bytes()).unwrap();
        let mut back = vec![0u8; msg.len()];
        conn.read_exact(&mut back).unwrap(); // its handler thread is running
        intact += usize::from(back == msg.as_bytes());
        conns.push(conn); // keep it open
    }
    println!(
        "echoes received: {intact} of {CLIENTS}, each intact: {}",
        intact == CLIENTS
    );
    // Every handler has answered, so all 20 exist, and none can end while its
    // connection is open; no other thread was ever started.
    let threads = os_threads();
    println!("threads while 20 connections are open: {threads} (main and 20 handlers)");
    drop(conns);
    let done = finished.iter().take(CLIENTS).count();
    println!("handlers finished after the clients closed: {done}");
    // ANCHOR_END: clients
}

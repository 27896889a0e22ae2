use std::io::{Read, Write};
use std::net::{Ipv4Addr, SocketAddr};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpListener;

// ANCHOR: body
#[tokio::main(flavor = "current_thread")]
async fn main() {
    let listener = TcpListener::bind(SocketAddr::from((Ipv4Addr::LOCALHOST, 0)))
        .await
        .unwrap();
    let addr = listener.local_addr().unwrap();
    // The echo server is an ordinary task on this runtime.
    tokio::spawn(async move {
        let (mut conn, _) = listener.accept().await.unwrap();
        let mut buf = [0u8; 4];
        conn.read_exact(&mut buf).await.unwrap();
        conn.write_all(&buf).await.unwrap();
    });

    // A blocking std client inside async code: connect and write succeed
    // (the kernel completes the handshake and buffers the bytes) …
    let mut conn = std::net::TcpStream::connect(addr).unwrap();
    conn.write_all(b"ping").unwrap();
    println!("sent ping; waiting for the echo");
    // … but this read blocks the thread in the kernel. The server task never
    // gets polled, because polling it needs this thread.
    let mut buf = [0u8; 4];
    conn.read_exact(&mut buf).unwrap();
    println!("unreachable: {}", String::from_utf8_lossy(&buf));
}
// ANCHOR_END: body

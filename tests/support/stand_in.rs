//! A stand-in HTTP server on 127.0.0.1 for the tests of `opsdeck fetch`:
//! every connection is served on its own thread by a function of the
//! request, which may answer whole, drip its body a byte at a time, or send
//! a body without end. Every request is kept, head and body, in order.

use std::fmt::Write as _;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// One request as received.
#[derive(Debug, Clone)]
pub struct Asked {
    pub method: String,
    /// The path and query.
    pub path: String,
    /// The request line and headers, as sent.
    pub head: String,
    pub body: String,
    /// The stand-in's own address, `http://127.0.0.1:port`.
    pub base: String,
    /// When the request had arrived whole.
    pub at: std::time::SystemTime,
}

impl Asked {
    /// The request as one text: its head, then its body.
    pub fn whole(&self) -> String {
        format!("{}{}", self.head, self.body)
    }
}

/// How the stand-in answers.
pub enum Reply {
    /// A status, headers and a body, sent at once.
    Whole {
        status: u16,
        headers: Vec<(String, String)>,
        body: Vec<u8>,
    },
    /// A 200 announcing `length` bytes, then one byte every `every`.
    Drip { length: usize, every: Duration },
    /// A 200 with no length, then bytes until the client hangs up.
    Endless,
}

impl Reply {
    pub fn json(status: u16, body: impl Into<String>) -> Self {
        Self::with(status, &[("Content-Type", "application/json")], body.into())
    }

    pub fn with(status: u16, headers: &[(&str, &str)], body: impl Into<Vec<u8>>) -> Self {
        Reply::Whole {
            status,
            headers: headers
                .iter()
                .map(|(n, v)| ((*n).to_owned(), (*v).to_owned()))
                .collect(),
            body: body.into(),
        }
    }

    /// A redirect to `to`.
    pub fn redirect(status: u16, to: &str) -> Self {
        Self::with(status, &[("Location", to)], Vec::new())
    }
}

type Answering = dyn Fn(&Asked) -> Reply + Send + Sync;

/// A running stand-in: its port and what it was asked.
pub struct StandIn {
    pub port: u16,
    seen: Arc<Mutex<Vec<Asked>>>,
}

impl StandIn {
    pub fn start(answer: impl Fn(&Asked) -> Reply + Send + Sync + 'static) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        let seen = Arc::new(Mutex::new(Vec::new()));
        let log = Arc::clone(&seen);
        let answer: Arc<Answering> = Arc::new(answer);
        std::thread::spawn(move || {
            for stream in listener.incoming() {
                let Ok(stream) = stream else { break };
                let (log, answer) = (Arc::clone(&log), Arc::clone(&answer));
                std::thread::spawn(move || serve(stream, port, &log, &*answer));
            }
        });
        Self { port, seen }
    }

    /// Its address as `http://127.0.0.1:port`.
    pub fn url(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    pub fn requests(&self) -> Vec<Asked> {
        self.seen.lock().unwrap().clone()
    }
}

fn serve(mut stream: TcpStream, port: u16, log: &Mutex<Vec<Asked>>, answer: &Answering) {
    let Some(asked) = read_request(&stream, port) else {
        return;
    };
    log.lock().unwrap().push(asked.clone());
    let _ = match answer(&asked) {
        Reply::Whole {
            status,
            headers,
            body,
        } => write_head(&mut stream, status, Some(body.len()), &headers)
            .and_then(|()| stream.write_all(&body)),
        Reply::Drip { length, every } => {
            write_head(&mut stream, 200, Some(length), &[]).and_then(|()| {
                for _ in 0..length {
                    std::thread::sleep(every);
                    stream.write_all(b"x")?;
                    stream.flush()?;
                }
                Ok(())
            })
        }
        Reply::Endless => write_head(&mut stream, 200, None, &[]).and_then(|()| {
            let chunk = vec![b'x'; 64 * 1024];
            loop {
                stream.write_all(&chunk)?;
            }
        }),
    };
}

fn read_request(stream: &TcpStream, port: u16) -> Option<Asked> {
    let mut reader = BufReader::new(stream.try_clone().ok()?);
    let mut head = String::new();
    reader.read_line(&mut head).ok()?;
    let mut length = 0;
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).is_err() || line == "\r\n" || line.is_empty() {
            break;
        }
        if let Some(value) = line.to_ascii_lowercase().strip_prefix("content-length:") {
            length = value.trim().parse().unwrap_or(0);
        }
        head.push_str(&line);
    }
    let mut body = vec![0; length];
    reader.read_exact(&mut body).ok()?;
    let mut parts = head.split_whitespace();
    let method = parts.next().unwrap_or_default().to_owned();
    let path = parts.next().unwrap_or("/").to_owned();
    Some(Asked {
        method,
        path,
        head,
        body: String::from_utf8_lossy(&body).into_owned(),
        base: format!("http://127.0.0.1:{port}"),
        at: std::time::SystemTime::now(),
    })
}

fn write_head(
    stream: &mut TcpStream,
    status: u16,
    length: Option<usize>,
    headers: &[(String, String)],
) -> std::io::Result<()> {
    let mut head = format!("HTTP/1.1 {status} X\r\nConnection: close\r\n");
    if let Some(length) = length {
        let _ = write!(head, "Content-Length: {length}\r\n");
    }
    for (name, value) in headers {
        let _ = write!(head, "{name}: {value}\r\n");
    }
    head.push_str("\r\n");
    stream.write_all(head.as_bytes())
}

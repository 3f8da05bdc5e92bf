//! A plain SMTP server on 127.0.0.1 for the tests of `opsdeck send` to
//! e-mail: it greets, offers AUTH PLAIN and LOGIN, takes MAIL, RCPT and
//! DATA, and keeps each mail whole — envelope and content — in order. It
//! can refuse the first mails with a 4xx ("try later") to test retrying.

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

/// One mail as received.
#[derive(Debug, Clone, Default)]
pub struct Mail {
    pub from: String,
    pub to: Vec<String>,
    /// The content after DATA, line ends as sent, dot-stuffing undone.
    pub data: String,
    /// What AUTH carried, decoded (`\0user\0password` for PLAIN).
    pub auth: String,
}

/// A running sink: its port and the mails it took.
pub struct SmtpSink {
    pub port: u16,
    mails: Arc<Mutex<Vec<Mail>>>,
}

impl SmtpSink {
    /// A sink that answers `451` to the first `refuse` mails' DATA.
    pub fn start(refuse: usize) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        let mails = Arc::new(Mutex::new(Vec::new()));
        let log = Arc::clone(&mails);
        let refused = Arc::new(AtomicUsize::new(0));
        std::thread::spawn(move || {
            for stream in listener.incoming() {
                let Ok(stream) = stream else { break };
                let (log, refused) = (Arc::clone(&log), Arc::clone(&refused));
                std::thread::spawn(move || {
                    let _ = serve(stream, &log, &refused, refuse);
                });
            }
        });
        Self { port, mails }
    }

    pub fn mails(&self) -> Vec<Mail> {
        self.mails.lock().unwrap().clone()
    }
}

fn serve(
    stream: TcpStream,
    log: &Mutex<Vec<Mail>>,
    refused: &AtomicUsize,
    refuse: usize,
) -> std::io::Result<()> {
    use base64::Engine as _;
    let decode = |text: &str| {
        base64::engine::general_purpose::STANDARD
            .decode(text.trim())
            .map(|bytes| String::from_utf8_lossy(&bytes).into_owned())
            .unwrap_or_default()
    };
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut out = stream;
    let mut say = |text: &str| out.write_all(format!("{text}\r\n").as_bytes());
    say("220 127.0.0.1 ESMTP sink")?;
    let mut mail = Mail::default();
    let mut line = String::new();
    loop {
        line.clear();
        if reader.read_line(&mut line)? == 0 {
            return Ok(());
        }
        let command = line.trim_end().to_owned();
        let upper = command.to_ascii_uppercase();
        if upper.starts_with("EHLO") {
            say("250-127.0.0.1")?;
            say("250-AUTH PLAIN LOGIN")?;
            say("250 8BITMIME")?;
        } else if let Some(initial) = upper.strip_prefix("AUTH PLAIN").map(|_| &command[10..]) {
            mail.auth = decode(initial);
            say("235 2.7.0 Authentication successful")?;
        } else if upper.starts_with("MAIL FROM:") {
            command[10..].trim().clone_into(&mut mail.from);
            say("250 2.1.0 Ok")?;
        } else if upper.starts_with("RCPT TO:") {
            mail.to.push(command[8..].trim().to_owned());
            say("250 2.1.5 Ok")?;
        } else if upper == "DATA" {
            say("354 End data with <CR><LF>.<CR><LF>")?;
            let mut data = String::new();
            loop {
                line.clear();
                if reader.read_line(&mut line)? == 0 {
                    return Ok(());
                }
                if line == ".\r\n" {
                    break;
                }
                data.push_str(line.strip_prefix('.').unwrap_or(&line));
            }
            if refused.fetch_add(1, Ordering::SeqCst) < refuse {
                say("451 4.3.0 Try again later")?;
            } else {
                mail.data = data;
                log.lock().unwrap().push(std::mem::take(&mut mail));
                say("250 2.0.0 Ok: queued")?;
            }
        } else if upper == "QUIT" {
            say("221 2.0.0 Bye")?;
            return Ok(());
        } else if upper == "RSET" || upper == "NOOP" {
            say("250 2.0.0 Ok")?;
        } else {
            say("502 5.5.2 Command not recognized")?;
        }
    }
}

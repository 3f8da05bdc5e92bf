//! What `opsdeck send` delivered, recorded in the meeting's minutes under
//! the meeting's lock: while a cockpit has the meeting open the record is
//! refused (that cockpit would write over it), and nothing else in the file
//! changes. Pre-reads and digests go to the workspace's log of sent
//! messages, under a lock of its own.

use std::path::Path;

use crate::domain::channel::Sent;
use crate::domain::timing::Now;
use crate::domain::untrusted::clean;
use crate::export::minutes::as_text;
use crate::fs::atomic::write_atomically;
use crate::import::minutes::{SentRow, read_minutes_file};
use crate::import::sent_log::{read_sent_log, sent_log_path};

use super::lock::{Holder, Locking, MeetingLock, lock_meeting};

/// Adds `sent` to the minutes at `minutes`.
pub fn record_sent(minutes: &Path, sent: &[Sent], now: Now) -> Result<(), String> {
    let _held = hold(minutes, now)?;
    let (_, mut file) = read_minutes_file(minutes).map_err(|error| error.to_string())?;
    file.sent.extend(sent.iter().map(SentRow::from));
    write_atomically(minutes, as_text(&file).as_bytes())
        .map_err(|error| format!("{}: cannot write the minutes: {error}", minutes.display()))
}

/// Adds `sent` to the workspace's log of sent pre-reads and digests.
pub fn record_in_log(workspace: &Path, sent: &[Sent], now: Now) -> Result<(), String> {
    let path = sent_log_path(workspace);
    let _held = hold(&path, now)?;
    let mut log = read_sent_log(&path).map_err(|error| error.to_string())?;
    log.sent.extend(sent.iter().map(SentRow::from));
    let text = toml::to_string(&log).map_err(|error| error.to_string())?;
    write_atomically(&path, text.as_bytes())
        .map_err(|error| format!("{}: cannot write the log: {error}", path.display()))
}

/// The lock beside `file`, held while its record is written.
fn hold(file: &Path, now: Now) -> Result<MeetingLock, String> {
    let lock = file.with_extension("lock");
    let me = Holder::this_process(now.wall.to_rfc3339());
    match lock_meeting(&lock, &me, false) {
        Ok(Locking::Acquired(held)) => Ok(held),
        Ok(Locking::Held(holder)) => Err(open_elsewhere(file, holder.as_ref())),
        Ok(Locking::HeldOnOtherHost(holder)) => Err(open_elsewhere(file, Some(&holder))),
        Err(error) => Err(format!("{}: cannot lock: {error}", lock.display())),
    }
}

/// Why the record waits: a cockpit has the meeting open, or another send
/// is writing the log.
fn open_elsewhere(file: &Path, holder: Option<&Holder>) -> String {
    let who = holder.map_or_else(
        || "another opsdeck".to_owned(),
        |h| format!("the opsdeck of {}@{}", clean(&h.user), clean(&h.host)),
    );
    format!(
        "{}: open in {who} (a cockpit holding the meeting, or another send), which would \
         write over the record of what was sent: send again with --resend after it closes",
        file.display()
    )
}

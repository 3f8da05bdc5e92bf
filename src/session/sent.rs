//! What `opsdeck send` delivered, recorded in the meeting's minutes under
//! the meeting's lock: while a cockpit has the meeting open the record is
//! refused (that cockpit would write over it), and nothing else in the file
//! changes.

use std::path::Path;

use crate::domain::channel::Sent;
use crate::domain::timing::Now;
use crate::domain::untrusted::clean;
use crate::export::minutes::as_text;
use crate::fs::atomic::write_atomically;
use crate::import::minutes::{SentRow, read_minutes_file};

use super::lock::{Holder, Locking, lock_meeting};

/// Adds `sent` to the minutes at `minutes`.
pub fn record_sent(minutes: &Path, sent: &[Sent], now: Now) -> Result<(), String> {
    let lock = minutes.with_extension("lock");
    let me = Holder::this_process(now.wall.to_rfc3339());
    let _held = match lock_meeting(&lock, &me, false) {
        Ok(Locking::Acquired(held)) => held,
        Ok(Locking::Held(holder)) => return Err(open_elsewhere(minutes, holder.as_ref())),
        Ok(Locking::HeldOnOtherHost(holder)) => return Err(open_elsewhere(minutes, Some(&holder))),
        Err(error) => {
            return Err(format!(
                "{}: cannot lock the meeting: {error}",
                lock.display()
            ));
        }
    };
    let (_, mut file) = read_minutes_file(minutes).map_err(|error| error.to_string())?;
    file.sent.extend(sent.iter().map(|s| SentRow {
        channel: s.channel.clone(),
        what: s.what.clone(),
        at: s.at.clone(),
        digest: s.digest.clone(),
    }));
    write_atomically(minutes, as_text(&file).as_bytes())
        .map_err(|error| format!("{}: cannot write the minutes: {error}", minutes.display()))
}

/// Why the record waits: a cockpit has the meeting open.
fn open_elsewhere(minutes: &Path, holder: Option<&Holder>) -> String {
    let who = holder.map_or_else(
        || "another cockpit".to_owned(),
        |h| format!("the cockpit of {}@{}", clean(&h.user), clean(&h.host)),
    );
    format!(
        "{}: the meeting is open in {who}, which would write over the record of what was \
         sent: send again with --resend after it closes",
        minutes.display()
    )
}

//! Parsing CSV records on one core while the caller's importer works on
//! another: the parser fills batches of reusable `ByteRecord`s and hands
//! them over a bounded channel, so the import costs little more than the
//! parse alone.

use std::io::Read;
use std::sync::mpsc::{Receiver, SyncSender, sync_channel};
use std::thread;

const BATCH: usize = 512;
const BATCHES_IN_FLIGHT: usize = 4;

/// A run of parsed records; `error` ends the stream.
struct Batch {
    records: Vec<csv::ByteRecord>,
    len: usize,
    error: Option<csv::Error>,
}

impl Batch {
    fn new() -> Self {
        Self {
            records: (0..BATCH).map(|_| csv::ByteRecord::new()).collect(),
            len: 0,
            error: None,
        }
    }

    /// Fills the batch; returns false once the input is exhausted or failed.
    fn fill<R: Read>(&mut self, reader: &mut csv::Reader<R>) -> bool {
        self.len = 0;
        self.error = None;
        while self.len < BATCH {
            match reader.read_byte_record(&mut self.records[self.len]) {
                Ok(true) => self.len += 1,
                Ok(false) => return false,
                Err(error) => {
                    self.error = Some(error);
                    return false;
                }
            }
        }
        true
    }
}

/// Calls `visit` with every record of `reader`, in order, parsing ahead on a
/// second thread when the machine has one. The first error — the visitor's
/// or the parser's — stops both.
pub fn for_each_record<R, E>(
    mut reader: csv::Reader<R>,
    mut visit: impl FnMut(&csv::ByteRecord) -> Result<(), E>,
    parse_error: impl Fn(csv::Error) -> E,
) -> Result<(), E>
where
    R: Read + Send,
{
    let cores = thread::available_parallelism().map_or(1, usize::from);
    if cores < 2 {
        let mut record = csv::ByteRecord::new();
        loop {
            match reader.read_byte_record(&mut record) {
                Ok(true) => visit(&record)?,
                Ok(false) => return Ok(()),
                Err(error) => return Err(parse_error(error)),
            }
        }
    }
    let (full_sender, full) = sync_channel::<Batch>(BATCHES_IN_FLIGHT);
    let (empty_sender, empty) = sync_channel::<Batch>(BATCHES_IN_FLIGHT + 2);
    thread::scope(|scope| {
        scope.spawn(move || parse_ahead(&mut reader, &full_sender, &empty));
        consume(full, &empty_sender, &mut visit, &parse_error)
    })
}

fn parse_ahead<R: Read>(reader: &mut csv::Reader<R>, full: &SyncSender<Batch>, empty: &Receiver<Batch>) {
    loop {
        let mut batch = empty.try_recv().unwrap_or_else(|_| Batch::new());
        let more = batch.fill(reader);
        if full.send(batch).is_err() || !more {
            return;
        }
    }
}

fn consume<E>(
    full: Receiver<Batch>,
    empty: &SyncSender<Batch>,
    visit: &mut impl FnMut(&csv::ByteRecord) -> Result<(), E>,
    parse_error: &impl Fn(csv::Error) -> E,
) -> Result<(), E> {
    for mut batch in full {
        for record in &batch.records[..batch.len] {
            visit(record)?;
        }
        if let Some(error) = batch.error.take() {
            return Err(parse_error(error));
        }
        let _ = empty.try_send(batch);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reader(text: &str) -> csv::Reader<&[u8]> {
        csv::ReaderBuilder::new().has_headers(false).from_reader(text.as_bytes())
    }

    #[test]
    fn visits_every_record_in_order() {
        let text: String = (0..5_000).map(|n| format!("{n},x\n")).collect();
        let mut seen = Vec::new();
        let result: Result<(), String> = for_each_record(
            reader(&text),
            |record| {
                seen.push(String::from_utf8_lossy(&record[0]).parse::<u32>().unwrap());
                Ok(())
            },
            |error| error.to_string(),
        );
        result.unwrap();
        assert_eq!(seen, (0..5_000).collect::<Vec<_>>());
    }

    #[test]
    fn the_visitors_error_stops_everything() {
        let text: String = (0..5_000).map(|n| format!("{n}\n")).collect();
        let mut count = 0;
        let result = for_each_record(
            reader(&text),
            |_| {
                count += 1;
                if count == 700 { Err("stop".to_owned()) } else { Ok(()) }
            },
            |error| error.to_string(),
        );
        assert_eq!(result, Err("stop".to_owned()));
        assert_eq!(count, 700);
    }
}

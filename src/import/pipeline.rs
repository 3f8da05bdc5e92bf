//! Parsing CSV records on one core while the importer aggregates on the
//! other. Batches of reusable `ByteRecord`s circulate between the two over
//! bounded channels. The importer's `prepare` step (typing a row's cells) runs
//! on whichever side has time: the parser prepares a batch when the importer
//! is behind (batches are waiting), and leaves it to the importer when the
//! importer is waiting for input — so both cores stay busy whatever the report.

use std::io::Read;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::{Receiver, SyncSender, sync_channel};
use std::thread;

use super::parallel::in_parallel_worker;

const BATCH: usize = 512;
const BATCHES_IN_FLIGHT: usize = 4;

/// A run of parsed records, with what `prepare` made of each when the parser
/// had time (else `prepared` is empty); `error` ends the stream.
struct Batch<T> {
    records: Vec<csv::ByteRecord>,
    prepared: Vec<T>,
    len: usize,
    error: Option<csv::Error>,
}

impl<T> Batch<T> {
    fn new() -> Self {
        Self {
            records: (0..BATCH).map(|_| csv::ByteRecord::new()).collect(),
            prepared: Vec::with_capacity(BATCH),
            len: 0,
            error: None,
        }
    }

    /// Fills the batch; returns false once the input is exhausted or failed.
    fn fill<R: Read>(&mut self, reader: &mut csv::Reader<R>) -> bool {
        self.len = 0;
        self.error = None;
        self.prepared.clear();
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

    fn prepare_all(&mut self, prepare: &impl Fn(&csv::ByteRecord) -> T) {
        self.prepared
            .extend(self.records[..self.len].iter().map(prepare));
    }
}

/// Calls `prepare` and then `visit` with every record of `reader`, in order,
/// parsing on a second thread when the machine has one. The first error —
/// the visitor's or the parser's — stops both.
pub fn for_each_record<R, T, E>(
    mut reader: csv::Reader<R>,
    prepare: impl Fn(&csv::ByteRecord) -> T + Sync,
    mut visit: impl FnMut(&csv::ByteRecord, T) -> Result<(), E>,
    parse_error: impl Fn(csv::Error) -> E,
) -> Result<(), E>
where
    R: Read + Send,
    T: Send,
{
    // Inside a worker of `map_in_parallel` the cores are already busy with other files.
    let cores = thread::available_parallelism().map_or(1, usize::from);
    if cores < 2 || in_parallel_worker() {
        let mut record = csv::ByteRecord::new();
        loop {
            match reader.read_byte_record(&mut record) {
                Ok(true) => visit(&record, prepare(&record))?,
                Ok(false) => return Ok(()),
                Err(error) => return Err(parse_error(error)),
            }
        }
    }
    let (full_sender, full) = sync_channel::<Batch<T>>(BATCHES_IN_FLIGHT);
    let (empty_sender, empty) = sync_channel::<Batch<T>>(BATCHES_IN_FLIGHT + 1);
    // A fixed pool of batches circulates between the threads: no allocation per batch.
    for _ in 0..=BATCHES_IN_FLIGHT {
        let _ = empty_sender.send(Batch::new());
    }
    let waiting = AtomicUsize::new(0);
    let (prepare, waiting) = (&prepare, &waiting);
    thread::scope(|scope| {
        scope.spawn(move || parse_ahead(&mut reader, prepare, waiting, &full_sender, &empty));
        // The consumer owns the return path: when it stops, the parser's `recv` fails.
        consume(
            full,
            empty_sender,
            prepare,
            waiting,
            &mut visit,
            &parse_error,
        )
    })
}

fn parse_ahead<R: Read, T>(
    reader: &mut csv::Reader<R>,
    prepare: &impl Fn(&csv::ByteRecord) -> T,
    waiting: &AtomicUsize,
    full: &SyncSender<Batch<T>>,
    empty: &Receiver<Batch<T>>,
) {
    while let Ok(mut batch) = empty.recv() {
        let more = batch.fill(reader);
        // Batches already waiting mean the importer is the slower side: help it.
        if waiting.load(Ordering::Relaxed) > 0 {
            batch.prepare_all(prepare);
        }
        waiting.fetch_add(1, Ordering::Relaxed);
        if full.send(batch).is_err() || !more {
            return;
        }
    }
}

// `empty` is taken by value on purpose: dropping it when this returns is what
// stops the parser.
#[allow(clippy::needless_pass_by_value)]
fn consume<T, E>(
    full: Receiver<Batch<T>>,
    empty: SyncSender<Batch<T>>,
    prepare: &impl Fn(&csv::ByteRecord) -> T,
    waiting: &AtomicUsize,
    visit: &mut impl FnMut(&csv::ByteRecord, T) -> Result<(), E>,
    parse_error: &impl Fn(csv::Error) -> E,
) -> Result<(), E> {
    for mut batch in full {
        waiting.fetch_sub(1, Ordering::Relaxed);
        if batch.prepared.is_empty() {
            batch.prepare_all(prepare);
        }
        for (record, prepared) in batch.records.iter().zip(batch.prepared.drain(..)) {
            visit(record, prepared)?;
        }
        if let Some(error) = batch.error.take() {
            return Err(parse_error(error));
        }
        let _ = empty.send(batch);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use std::fmt::Write as _;

    use super::*;

    fn lines(count: u32, suffix: &str) -> String {
        (0..count).fold(String::new(), |mut text, n| {
            let _ = writeln!(text, "{n}{suffix}");
            text
        })
    }

    fn reader(text: &str) -> csv::Reader<&[u8]> {
        csv::ReaderBuilder::new()
            .has_headers(false)
            .from_reader(text.as_bytes())
    }

    fn number(record: &csv::ByteRecord) -> u32 {
        String::from_utf8_lossy(&record[0]).parse().unwrap()
    }

    #[test]
    fn visits_every_record_in_order_with_what_was_prepared() {
        let text = lines(5_000, ",x");
        let mut seen = Vec::new();
        let result: Result<(), String> = for_each_record(
            reader(&text),
            |record| number(record) * 2,
            |record, doubled| {
                assert_eq!(doubled, number(record) * 2);
                seen.push(number(record));
                Ok(())
            },
            |error| error.to_string(),
        );
        result.unwrap();
        assert_eq!(seen, (0..5_000).collect::<Vec<_>>());
    }

    #[test]
    fn the_visitors_error_stops_everything() {
        let text = lines(50_000, "");
        let mut count = 0;
        let result = for_each_record(
            reader(&text),
            |_| (),
            |_, ()| {
                count += 1;
                if count == 700 {
                    Err("stop".to_owned())
                } else {
                    Ok(())
                }
            },
            |error| error.to_string(),
        );
        assert_eq!(result, Err("stop".to_owned()));
        assert_eq!(count, 700);
    }
}

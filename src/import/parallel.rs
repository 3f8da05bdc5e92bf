//! Spreading independent file reads over the machine's cores, keeping the
//! results in input order, with room for one job that runs beside them.

use std::cell::Cell;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::thread;

thread_local! {
    static IN_WORKER: Cell<bool> = const { Cell::new(false) };
}

/// Whether this thread is one of `map_in_parallel`'s workers, whose sibling
/// workers already keep the other cores busy. `map_in_parallel`'s last item
/// is not read as a worker's: the others run out of work while it is read,
/// so it may use their cores (a single file checked gets the machine).
pub fn in_parallel_worker() -> bool {
    IN_WORKER.with(Cell::get)
}

/// Applies `work` to every item on up to `available_parallelism` threads;
/// the results come back in the order of `items`.
pub fn map_in_parallel<T: Sync, R: Send>(items: &[T], work: impl Fn(&T) -> R + Sync) -> Vec<R> {
    spread(|| (), items, work, false).1
}

/// Like `map_in_parallel`, with one thread running `first` before it joins
/// the others on `items`: work that does not need `items` overlaps with them.
pub fn map_in_parallel_after<P: Send, T: Sync, R: Send>(
    first: impl FnOnce() -> P + Send,
    items: &[T],
    work: impl Fn(&T) -> R + Sync,
) -> (P, Vec<R>) {
    spread(first, items, work, true)
}

/// The two above; `first_busy`: `first` may still keep a core busy when
/// the last item is taken, so that item too is read as a worker's.
fn spread<P: Send, T: Sync, R: Send>(
    first: impl FnOnce() -> P + Send,
    items: &[T],
    work: impl Fn(&T) -> R + Sync,
    first_busy: bool,
) -> (P, Vec<R>) {
    let threads = thread::available_parallelism()
        .map_or(1, usize::from)
        .min(items.len() + 1);
    if threads <= 1 {
        return (first(), items.iter().map(work).collect());
    }
    let next = AtomicUsize::new(0);
    let drain = || {
        let mut done = Vec::new();
        loop {
            let index = next.fetch_add(1, Ordering::Relaxed);
            let Some(item) = items.get(index) else { break };
            let others_busy = first_busy || index + 1 < items.len();
            let was_worker = IN_WORKER.with(|flag| flag.replace(others_busy));
            done.push((index, work(item)));
            IN_WORKER.with(|flag| flag.set(was_worker));
        }
        done
    };
    let (first, mut results) = thread::scope(|scope| {
        let leader = scope.spawn(|| {
            IN_WORKER.with(|flag| flag.set(true));
            (first(), drain())
        });
        let helpers: Vec<_> = (1..threads)
            .map(|_| {
                scope.spawn(|| {
                    IN_WORKER.with(|flag| flag.set(true));
                    drain()
                })
            })
            .collect();
        let (first, mut results) = joined(leader);
        for helper in helpers {
            results.extend(joined(helper));
        }
        (first, results)
    });
    results.sort_by_key(|(index, _)| *index);
    (
        first,
        results.into_iter().map(|(_, result)| result).collect(),
    )
}

/// What a scoped thread returned; its panic goes on in the caller.
fn joined<R>(handle: thread::ScopedJoinHandle<'_, R>) -> R {
    handle
        .join()
        .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_input_order() {
        let items: Vec<u64> = (0..100).collect();
        assert_eq!(
            map_in_parallel(&items, |n| n * 2),
            (0..100).map(|n| n * 2).collect::<Vec<_>>()
        );
        assert!(map_in_parallel(&[] as &[u8], |n| *n).is_empty());
    }

    #[test]
    fn runs_first_beside_the_items() {
        let items: Vec<u64> = (0..10).collect();
        let (first, doubled) = map_in_parallel_after(in_parallel_worker, &items, |n| n * 2);
        assert_eq!(doubled, (0..10).map(|n| n * 2).collect::<Vec<_>>());
        let cores = thread::available_parallelism().map_or(1, usize::from);
        assert_eq!(
            first,
            cores > 1,
            "first runs as a worker when there are helpers"
        );
        assert_eq!(
            map_in_parallel_after(|| 7, &[] as &[u8], |n| *n),
            (7, vec![])
        );
    }

    #[test]
    fn every_item_but_the_last_is_read_as_a_worker_when_there_are_helpers() {
        let items: Vec<u64> = (0..5).collect();
        let workers = map_in_parallel(&items, |_| in_parallel_worker());
        let cores = thread::available_parallelism().map_or(1, usize::from);
        let expected: Vec<bool> = (0..5).map(|at| cores > 1 && at < 4).collect();
        assert_eq!(workers, expected);
        assert_eq!(map_in_parallel(&[1], |_| in_parallel_worker()), vec![false]);
    }
}

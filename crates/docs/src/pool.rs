//! The typesetting pool: documents are typeset on threads of their own, never on those that
//! serve requests.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{mpsc, Arc, Mutex, OnceLock, PoisonError};

/// Why a document could not be typeset by the pool.
#[derive(Debug, thiserror::Error)]
pub enum PoolError {
    #[error("typesetting has stopped")]
    Stopped,
    /// The job panicked: its document cannot be typeset; the pool goes on.
    #[error("typesetting failed")]
    Failed,
    /// As many documents as the pool takes are already waiting: ask again in a moment.
    #[error("typesetting is busy")]
    Busy,
}

type Job = Box<dyn FnOnce() + Send>;

/// Threads that typeset, and a queue of documents waiting for them that holds at most
/// `capacity`: beyond, a document is refused at once rather than kept waiting (and in memory)
/// behind a burst.
pub struct Pool {
    queue: mpsc::Sender<Job>,
    waiting: Arc<AtomicUsize>,
    capacity: usize,
}

impl Pool {
    /// Starts `threads` threads (one at least) behind a queue of `capacity` documents.
    pub fn new(threads: usize, capacity: usize) -> Pool {
        let (send, receive) = mpsc::channel::<Job>();
        let receive = Arc::new(Mutex::new(receive));
        for n in 0..threads.max(1) {
            let receive = receive.clone();
            let spawned = std::thread::Builder::new()
                .name(format!("typesetting-{n}"))
                .spawn(move || loop {
                    let job = receive
                        .lock()
                        .unwrap_or_else(PoisonError::into_inner)
                        .recv();
                    match job {
                        // A job that panics drops its answer: its request fails, the thread goes on.
                        Ok(job) => {
                            drop(std::panic::catch_unwind(std::panic::AssertUnwindSafe(job)))
                        }
                        Err(_) => break,
                    }
                });
            if let Err(e) = spawned {
                tracing::error!(error = %e, "a typesetting thread could not start");
            }
        }
        Pool {
            queue: send,
            waiting: Arc::new(AtomicUsize::new(0)),
            capacity,
        }
    }

    /// Typesets with `f` on the pool's threads; refused with [`PoolError::Busy`] when
    /// `capacity` documents already wait or are being typeset.
    pub async fn run<T: Send + 'static>(
        &self,
        f: impl FnOnce() -> T + Send + 'static,
    ) -> Result<T, PoolError> {
        let taken = self
            .waiting
            .fetch_update(Ordering::AcqRel, Ordering::Acquire, |n| {
                (n < self.capacity).then_some(n + 1)
            });
        if taken.is_err() {
            return Err(PoolError::Busy);
        }
        // Given back when the job is done, or dropped unrun.
        let slot = Slot(self.waiting.clone());
        let (answer, answered) = tokio::sync::oneshot::channel();
        self.queue
            .send(Box::new(move || {
                let out = f();
                // The place is free before the answer is known (on a panic, as it unwinds).
                drop(slot);
                let _ = answer.send(out);
            }))
            .map_err(|_| PoolError::Stopped)?;
        answered.await.map_err(|_| PoolError::Failed)
    }
}

/// One place of the queue, given back when dropped.
struct Slot(Arc<AtomicUsize>);

impl Drop for Slot {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::AcqRel);
    }
}

/// How many documents may wait per typesetting thread: a sheet takes 50 to 200 ms, so a full
/// queue is answered within a few seconds; beyond, the request is answered « try again »
/// (503 with `Retry-After`).
pub const WAITING_PER_THREAD: usize = 16;

/// Typesets off the threads that serve requests, on threads of its own, started once: one per
/// core but one (at least one), so that a burst of documents always leaves a core to the pages.
/// Typesetting is CPU and memory (about 35 MiB at its peak for a sheet, measured in
/// `bench/RESULTS.md`): documents asked at once wait their turn, at most
/// [`WAITING_PER_THREAD`] per thread, and the memory stays with these few threads (the
/// allocator keeps an arena per thread) instead of growing the arenas of whichever blocking
/// threads ran it.
pub async fn typeset<T: Send + 'static>(
    f: impl FnOnce() -> T + Send + 'static,
) -> Result<T, PoolError> {
    global().run(f).await
}

/// How many documents the typesetting pool takes at once, waiting or being typeset.
pub fn capacity() -> usize {
    global().capacity
}

fn global() -> &'static Pool {
    static POOL: OnceLock<Pool> = OnceLock::new();
    POOL.get_or_init(|| {
        let threads = std::thread::available_parallelism()
            .map(|n| n.get().saturating_sub(1).max(1))
            .unwrap_or(1);
        Pool::new(threads, threads * WAITING_PER_THREAD)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn typesetting_answers_each_job_and_survives_a_panic() {
        let answers: Vec<_> = (0..6).map(|n| typeset(move || n * 2)).collect();
        let mut got = Vec::new();
        for a in answers {
            got.push(a.await.unwrap());
        }
        assert_eq!(got, [0, 2, 4, 6, 8, 10]);
        let failed = typeset(|| -> u8 { panic!("a document that cannot be typeset") }).await;
        assert!(matches!(failed, Err(PoolError::Failed)));
        // The threads go on.
        assert_eq!(typeset(|| "next").await.unwrap(), "next");
    }

    #[tokio::test]
    async fn a_full_queue_refuses_at_once_and_takes_again_once_it_drains() {
        let pool = std::sync::Arc::new(Pool::new(1, 3));
        let (release, hold) = std::sync::mpsc::channel::<()>();
        let hold = std::sync::Arc::new(std::sync::Mutex::new(hold));
        // Three documents: one typesetting (held), two waiting.
        let mut jobs = Vec::new();
        for n in 0..3 {
            let (pool, hold) = (pool.clone(), hold.clone());
            jobs.push(tokio::spawn(async move {
                pool.run(move || {
                    hold.lock().unwrap().recv().unwrap();
                    n
                })
                .await
            }));
        }
        while pool.waiting.load(Ordering::Acquire) < 3 {
            tokio::task::yield_now().await;
        }
        assert!(matches!(pool.run(|| 9).await, Err(PoolError::Busy)));
        for _ in 0..3 {
            release.send(()).unwrap();
        }
        let mut done = Vec::new();
        for j in jobs {
            done.push(j.await.unwrap().unwrap());
        }
        assert_eq!(done, [0, 1, 2]);
        assert_eq!(pool.run(|| 9).await.unwrap(), 9);
        // A job that panics gives its place back too.
        assert!(matches!(
            pool.run(|| -> u8 { panic!("x") }).await,
            Err(PoolError::Failed)
        ));
        assert_eq!(pool.waiting.load(Ordering::Acquire), 0);
    }
}

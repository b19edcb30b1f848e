//! The typesetting pool: documents are typeset on threads of their own, never on those that
//! serve requests.

/// Why a document could not be typeset by the pool.
#[derive(Debug, thiserror::Error)]
pub enum PoolError {
    #[error("typesetting has stopped")]
    Stopped,
    /// The job panicked: its document cannot be typeset; the pool goes on.
    #[error("typesetting failed")]
    Failed,
}

/// Typesets off the threads that serve requests, on threads of its own, started once: one per
/// core but one (at least one), so that a burst of documents always leaves a core to the pages.
/// Typesetting is CPU and memory (about 35 MiB at its peak for a sheet, measured in
/// `bench/RESULTS.md`): documents asked at once wait their turn, and the memory stays with these
/// few threads (the allocator keeps an arena per thread) instead of growing the arenas of
/// whichever blocking threads ran it.
pub async fn typeset<T: Send + 'static>(
    f: impl FnOnce() -> T + Send + 'static,
) -> Result<T, PoolError> {
    type Job = Box<dyn FnOnce() + Send>;
    static QUEUE: std::sync::OnceLock<std::sync::mpsc::Sender<Job>> = std::sync::OnceLock::new();
    let queue = QUEUE.get_or_init(|| {
        let (send, receive) = std::sync::mpsc::channel::<Job>();
        let receive = std::sync::Arc::new(std::sync::Mutex::new(receive));
        let threads = std::thread::available_parallelism()
            .map(|n| n.get().saturating_sub(1).max(1))
            .unwrap_or(1);
        for n in 0..threads {
            let receive = receive.clone();
            let spawned = std::thread::Builder::new()
                .name(format!("typesetting-{n}"))
                .spawn(move || loop {
                    let job = receive
                        .lock()
                        .unwrap_or_else(std::sync::PoisonError::into_inner)
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
        send
    });
    let (answer, answered) = tokio::sync::oneshot::channel();
    queue
        .send(Box::new(move || {
            let _ = answer.send(f());
        }))
        .map_err(|_| PoolError::Stopped)?;
    answered.await.map_err(|_| PoolError::Failed)
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
}

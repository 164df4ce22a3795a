//! Everything the server logs during one test (every level from debug up, every span field),
//! captured in-process: the test's runtime runs the server on the test's own thread, so a
//! thread-local subscriber sees exactly this test's server and no other test's.

use std::sync::{Arc, Mutex};

use tracing::Dispatch;
use tracing::subscriber::{DefaultGuard, NoSubscriber};
use tracing_subscriber::fmt::MakeWriter;

/// Captures until dropped.
pub struct LogCapture {
    log: Captured,
    _default: DefaultGuard,
    _second: Dispatch,
}

/// Starts capturing this thread's log.
pub fn capture_logs() -> LogCapture {
    let log = Captured::default();
    let subscriber = tracing_subscriber::fmt()
        .with_max_level(tracing::Level::DEBUG)
        .with_ansi(false)
        .with_writer(log.clone())
        .finish();
    let default = tracing::subscriber::set_default(subscriber);
    // tracing caches whether each log statement is wanted. While only one dispatcher is
    // registered, it asks the default of whichever thread reaches a statement first, so a
    // statement first reached by another test's thread would be cached as unwanted for all; a
    // second registered dispatcher makes it ask every dispatcher, this test's included.
    let second = Dispatch::new(NoSubscriber::default());
    LogCapture {
        log,
        _default: default,
        _second: second,
    }
}

impl LogCapture {
    /// What was logged so far.
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.log.0.lock().unwrap()).into_owned()
    }
}

#[derive(Clone, Default)]
struct Captured(Arc<Mutex<Vec<u8>>>);

impl std::io::Write for Captured {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl<'a> MakeWriter<'a> for Captured {
    type Writer = Captured;

    fn make_writer(&'a self) -> Captured {
        self.clone()
    }
}

//! Terminal events read on their own thread, so the main loop stays responsive to signals even
//! when the terminal goes away (a closed window can leave the reader stuck).

use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::time::Duration;

use crossterm::event::{self, Event};

/// Events from the terminal.
pub struct Events {
    inbox: Receiver<std::io::Result<Event>>,
}

impl Events {
    /// Starts the reading thread.
    pub fn start() -> std::io::Result<Self> {
        let (send, inbox) = channel();
        std::thread::Builder::new()
            .name("rekindle-input".to_string())
            .spawn(move || {
                loop {
                    let event = event::read();
                    let failed = event.is_err();
                    if send.send(event).is_err() || failed {
                        break;
                    }
                }
            })?;
        Ok(Self { inbox })
    }

    /// The next event, waiting at most `timeout`; `Ok(None)` when none came.
    pub fn next(&self, timeout: Duration) -> std::io::Result<Option<Event>> {
        match self.inbox.recv_timeout(timeout) {
            Ok(event) => event.map(Some),
            Err(RecvTimeoutError::Timeout) => Ok(None),
            Err(RecvTimeoutError::Disconnected) => {
                Err(std::io::Error::other("the terminal closed"))
            }
        }
    }

    /// An event that is already waiting, if any.
    pub fn ready(&self) -> std::io::Result<Option<Event>> {
        self.next(Duration::ZERO)
    }
}

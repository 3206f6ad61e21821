//! What wakes the main loop: terminal events, read on their own thread so the loop stays
//! responsive to signals even when the terminal goes away (a closed window can leave the reader
//! stuck), and word from other threads (a journal month arrived).

use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender, channel};
use std::time::Duration;

use crossterm::event::{self, Event};

/// Why the loop woke.
pub enum Wake {
    /// The terminal sent an event (a key, a resize), or reading it failed.
    Input(std::io::Result<Event>),
    /// Another thread has something for the loop (the journal loader: a month arrived).
    Arrived,
}

/// The loop's one inbox: terminal events and wake-ups from other threads.
pub struct Events {
    inbox: Receiver<Wake>,
    send: Sender<Wake>,
}

impl Events {
    /// An inbox with nothing reading the terminal yet; hand out [`Events::waker`]s, then
    /// [`Events::start`] once the terminal is ready.
    pub fn new() -> Self {
        let (send, inbox) = channel();
        Self { inbox, send }
    }

    /// A handle another thread uses to wake the loop.
    pub fn waker(&self) -> Sender<Wake> {
        self.send.clone()
    }

    /// Starts the thread reading the terminal.
    pub fn start(&self) -> std::io::Result<()> {
        let send = self.send.clone();
        std::thread::Builder::new()
            .name("rekindle-input".to_string())
            .spawn(move || {
                loop {
                    let event = event::read();
                    let failed = event.is_err();
                    if send.send(Wake::Input(event)).is_err() || failed {
                        break;
                    }
                }
            })?;
        Ok(())
    }

    /// What woke the loop, waiting at most `timeout`; `Ok(None)` when nothing did.
    pub fn next(&self, timeout: Duration) -> std::io::Result<Option<Wake>> {
        match self.inbox.recv_timeout(timeout) {
            Ok(Wake::Input(Err(e))) => Err(e),
            Ok(wake) => Ok(Some(wake)),
            Err(RecvTimeoutError::Timeout) => Ok(None),
            Err(RecvTimeoutError::Disconnected) => {
                Err(std::io::Error::other("the terminal closed"))
            }
        }
    }

    /// What is already waiting, if anything.
    pub fn ready(&self) -> std::io::Result<Option<Wake>> {
        self.next(Duration::ZERO)
    }
}

impl Default for Events {
    fn default() -> Self {
        Self::new()
    }
}

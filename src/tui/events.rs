//! What wakes the main loop: terminal events, read on their own thread so the loop stays
//! responsive to signals even when the terminal goes away (a closed window can leave the reader
//! stuck), and word from other threads (a journal month arrived).

use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender, channel};
use std::sync::{Arc, Condvar, Mutex};
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
    reader: Arc<ReaderGate>,
}

/// How long the reader waits for input before looking whether it is asked to pause.
const READ_SLICE: Duration = Duration::from_millis(100);
/// How long [`Events::pause`] waits for the reader to stop reading.
const PAUSE_WAIT: Duration = Duration::from_secs(1);

/// Whether the reader thread may read the terminal: it stops while another program (the
/// user's editor) has the terminal, so no keystroke meant for that program is taken.
#[derive(Default)]
struct ReaderGate {
    state: Mutex<ReaderState>,
    changed: Condvar,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
enum ReaderState {
    #[default]
    Reading,
    PauseAsked,
    Paused,
}

impl ReaderGate {
    /// Waits here while paused, saying so first when a pause was asked.
    fn wait_while_paused(&self) {
        let mut state = self.state.lock().unwrap_or_else(|e| e.into_inner());
        if *state == ReaderState::PauseAsked {
            *state = ReaderState::Paused;
            self.changed.notify_all();
        }
        while *state == ReaderState::Paused {
            state = self.changed.wait(state).unwrap_or_else(|e| e.into_inner());
        }
    }

    fn set(&self, to: ReaderState) -> std::sync::MutexGuard<'_, ReaderState> {
        let mut state = self.state.lock().unwrap_or_else(|e| e.into_inner());
        *state = to;
        self.changed.notify_all();
        state
    }
}

impl Events {
    /// An inbox with nothing reading the terminal yet; hand out [`Events::waker`]s, then
    /// [`Events::start`] once the terminal is ready.
    pub fn new() -> Self {
        let (send, inbox) = channel();
        Self {
            inbox,
            send,
            reader: Arc::default(),
        }
    }

    /// A handle another thread uses to wake the loop.
    pub fn waker(&self) -> Sender<Wake> {
        self.send.clone()
    }

    /// Starts the thread reading the terminal.
    pub fn start(&self) -> std::io::Result<()> {
        let send = self.send.clone();
        let gate = Arc::clone(&self.reader);
        std::thread::Builder::new()
            .name("rekindle-input".to_string())
            .spawn(move || {
                loop {
                    gate.wait_while_paused();
                    let event = match event::poll(READ_SLICE) {
                        Ok(false) => continue,
                        Ok(true) => event::read(),
                        Err(e) => Err(e),
                    };
                    let failed = event.is_err();
                    if send.send(Wake::Input(event)).is_err() || failed {
                        break;
                    }
                }
            })?;
        Ok(())
    }

    /// Stops reading the terminal until [`Events::resume`], waiting (a moment at most) until the
    /// reader has stopped, so another program can have every key.
    pub fn pause(&self) {
        let state = self.reader.set(ReaderState::PauseAsked);
        let _ = self
            .reader
            .changed
            .wait_timeout_while(state, PAUSE_WAIT, |s| *s != ReaderState::Paused);
    }

    /// Reads the terminal again after [`Events::pause`].
    pub fn resume(&self) {
        drop(self.reader.set(ReaderState::Reading));
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

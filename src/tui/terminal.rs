//! Taking the terminal and always giving it back: after quit, an error, a panic or a signal.

use std::io::{Write, stdout};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use crossterm::cursor::{Hide, Show};
use crossterm::event::{
    DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
};
use crossterm::execute;
use crossterm::terminal::{EnterAlternateScreen, LeaveAlternateScreen};
use ratatui::DefaultTerminal;

/// Restores the terminal: leaves the alternate screen, raw mode, mouse capture and paste mode.
pub fn restore() {
    let _ = execute!(stdout(), DisableMouseCapture, DisableBracketedPaste);
    let _ = ratatui::try_restore();
    let _ = stdout().flush();
}

/// The terminal, restored when dropped.
pub struct TerminalGuard {
    /// The ratatui terminal.
    pub terminal: DefaultTerminal,
}

impl TerminalGuard {
    /// Takes the terminal and installs a panic hook that restores it before the message prints.
    pub fn take() -> std::io::Result<Self> {
        let terminal = ratatui::try_init()?;
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            restore();
            previous(info);
        }));
        execute!(stdout(), EnableMouseCapture, EnableBracketedPaste)?;
        Ok(Self { terminal })
    }
}

impl TerminalGuard {
    /// Gives the terminal back as it was before the workbook took it (main screen, cooked mode,
    /// cursor shown), so another program (the user's editor) can run in it.
    pub fn suspend(&mut self) -> std::io::Result<()> {
        execute!(stdout(), DisableMouseCapture, DisableBracketedPaste)?;
        crossterm::terminal::disable_raw_mode()?;
        execute!(stdout(), LeaveAlternateScreen, Show)?;
        stdout().flush()
    }

    /// Takes the terminal again after [`TerminalGuard::suspend`], and clears it so the next
    /// draw repaints every cell.
    pub fn resume(&mut self) -> std::io::Result<()> {
        crossterm::terminal::enable_raw_mode()?;
        execute!(
            stdout(),
            EnterAlternateScreen,
            EnableMouseCapture,
            EnableBracketedPaste,
            Hide
        )?;
        self.terminal.clear()
    }
}

impl Drop for TerminalGuard {
    fn drop(&mut self) {
        restore();
    }
}

/// The signals that end the workbook (saving everything first): SIGTERM and SIGHUP (the window
/// closed), and SIGINT, kept apart because Ctrl-C typed in the user's own editor sends it to
/// the workbook too, which then must not quit.
pub struct StopSignals {
    ended: Arc<AtomicBool>,
    interrupted: Arc<AtomicBool>,
}

impl StopSignals {
    /// Starts listening for the signals.
    pub fn listen() -> std::io::Result<Self> {
        let ended = Arc::new(AtomicBool::new(false));
        let interrupted = Arc::new(AtomicBool::new(false));
        for signal in [signal_hook::consts::SIGTERM, signal_hook::consts::SIGHUP] {
            signal_hook::flag::register(signal, Arc::clone(&ended))?;
        }
        signal_hook::flag::register(signal_hook::consts::SIGINT, Arc::clone(&interrupted))?;
        Ok(Self { ended, interrupted })
    }

    /// True once any of the signals came.
    pub fn stopped(&self) -> bool {
        self.ended.load(Ordering::Relaxed) || self.interrupted.load(Ordering::Relaxed)
    }

    /// Forgets a SIGINT that came while the user's editor had the terminal (their Ctrl-C).
    pub fn forget_interrupt(&self) {
        self.interrupted.store(false, Ordering::Relaxed);
    }
}

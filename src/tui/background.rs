//! Threads that work behind the screen (reading older journal months, building the search
//! index) give way to the screen's own thread: on two busy cores a key would otherwise wait its
//! turn behind them.

/// How much lower than the screen's thread a background thread runs (a nice value: at 10 the
/// screen's thread gets about nine tenths of a core they share).
const BEHIND_THE_SCREEN: libc::c_int = 10;

/// Lowers the calling thread's priority (Linux: a nice value is kept per thread). Where that
/// cannot be done the thread runs as it was; nothing else changes.
pub fn give_way_to_the_screen() {
    #[cfg(target_os = "linux")]
    // SAFETY: gettid and setpriority only read and set the calling thread's scheduling value.
    unsafe {
        let thread = libc::syscall(libc::SYS_gettid) as libc::id_t;
        libc::setpriority(libc::PRIO_PROCESS, thread, BEHIND_THE_SCREEN);
    }
}

/// The calling thread's nice value (Linux), for tests.
#[cfg(target_os = "linux")]
pub fn niceness() -> i32 {
    // SAFETY: as above, reading only.
    unsafe {
        let thread = libc::syscall(libc::SYS_gettid) as libc::id_t;
        libc::getpriority(libc::PRIO_PROCESS, thread)
    }
}

#[cfg(all(test, target_os = "linux"))]
mod tests {
    use super::*;

    #[test]
    fn a_background_thread_runs_below_the_screen_and_the_screen_does_not() {
        let before = niceness();
        let behind = std::thread::spawn(|| {
            give_way_to_the_screen();
            niceness()
        })
        .join()
        .unwrap();
        assert_eq!(behind, BEHIND_THE_SCREEN.max(before));
        assert_eq!(niceness(), before, "only the calling thread");
    }
}

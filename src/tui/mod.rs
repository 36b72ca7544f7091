//! The terminal UI: the home screen, the on-site interview, its summary, help and the
//! comparison of firms, drawn with ratatui. It edits an assessment, saves it after every change and
//! draws; all scoring comes from the assessment's [`crate::evaluation`].

pub mod app;
pub mod bindings;
pub mod draw;
pub mod keys;
pub mod screens;
pub mod session;
pub mod theme;
pub mod wrap;

use std::io::{self, Stdout, stdout};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use crossterm::cursor::Show;
use crossterm::event::{DisableBracketedPaste, EnableBracketedPaste};
use crossterm::execute;
use crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;

pub use app::{Action, App, Flow, Screen};
pub use session::{Page, Session};
pub use theme::Theme;

/// Leaves raw mode and the alternate screen and shows the cursor; harmless when the
/// terminal is already restored or gone.
pub fn restore_terminal() {
    let _ = execute!(stdout(), DisableBracketedPaste, LeaveAlternateScreen, Show);
    let _ = disable_raw_mode();
}

/// Restores the terminal when dropped: on return, on error and while a panic unwinds.
struct Restore;

impl Drop for Restore {
    fn drop(&mut self) {
        restore_terminal();
    }
}

/// Restores the terminal before a panic message is printed, so the message is readable.
fn install_panic_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore_terminal();
        previous(info);
    }));
}

/// Ends the process when the terminal has gone away, or when a stop signal has not been
/// honoured within a second. crossterm (0.29) spins forever reading a terminal that is gone
/// (crossterm issue #793), so the event loop itself may never see the signal. Everything typed
/// is saved before each wait for a key, so ending here loses nothing.
fn spawn_watchdog(stop: Arc<AtomicBool>, signal: Arc<AtomicUsize>) {
    std::thread::spawn(move || {
        let mut waited = 0;
        loop {
            std::thread::sleep(std::time::Duration::from_millis(250));
            if terminal_gone() {
                std::process::exit(128 + signal_hook::consts::SIGHUP);
            }
            if stop.load(Ordering::Relaxed) {
                waited += 1;
                if waited >= 4 {
                    std::process::exit(128 + signal.load(Ordering::Relaxed) as i32);
                }
            }
        }
    });
}

/// Whether standard input is a terminal that has hung up.
#[cfg(unix)]
fn terminal_gone() -> bool {
    use rustix::event::{PollFd, PollFlags, Timespec, poll};
    let stdin = rustix::stdio::stdin();
    if !rustix::termios::isatty(stdin) {
        return false;
    }
    let mut fds = [PollFd::new(&stdin, PollFlags::IN)];
    let zero = Timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    match poll(&mut fds, Some(&zero)) {
        Ok(_) => fds[0]
            .revents()
            .intersects(PollFlags::HUP | PollFlags::ERR | PollFlags::NVAL),
        Err(_) => false,
    }
}

#[cfg(not(unix))]
fn terminal_gone() -> bool {
    false
}

fn enter() -> io::Result<Terminal<CrosstermBackend<Stdout>>> {
    enable_raw_mode()?;
    execute!(stdout(), EnterAlternateScreen, EnableBracketedPaste)?;
    Terminal::new(CrosstermBackend::new(stdout()))
}

/// Runs the app in the terminal until it quits, input ends or a signal (SIGTERM, SIGHUP,
/// SIGINT) arrives; returns the signal's number if one ended it. Everything typed is saved
/// before each key is read, and the terminal is restored however this ends.
pub fn run(app: &mut App) -> io::Result<Option<i32>> {
    let signal = Arc::new(AtomicUsize::new(0));
    let stop = Arc::new(AtomicBool::new(false));
    for sig in [
        signal_hook::consts::SIGTERM,
        signal_hook::consts::SIGHUP,
        signal_hook::consts::SIGINT,
    ] {
        signal_hook::flag::register_usize(sig, signal.clone(), sig as usize)?;
        signal_hook::flag::register(sig, stop.clone())?;
    }
    install_panic_hook();
    spawn_watchdog(stop.clone(), signal.clone());
    let _restore = Restore;
    let mut terminal = enter()?;
    let result = app::run(&mut terminal, app, &stop);
    drop(terminal);
    let sig = signal.load(Ordering::Relaxed);
    match result {
        // The terminal went away (closed window): what was typed is saved; end quietly.
        Err(_) if sig != 0 => Ok(Some(sig as i32)),
        Err(e) => Err(e),
        Ok(()) => Ok((sig != 0).then_some(sig as i32)),
    }
}

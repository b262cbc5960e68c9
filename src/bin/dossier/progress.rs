//! Progress of `dossier build` on stderr, for inputs of more than a few hundred documents.
//!
//! - stderr is a terminal: one line redrawn in place (`\r`, at most 10 times a second) with
//!   the documents indexed, files read out of the total (when more than one), the
//!   percentage of input bytes read, the rate and the elapsed time; it is erased when
//!   ingestion ends, and the line `writing the index…` shows while the index is written.
//! - stderr is not a terminal (a log, a pipe): a plain line at every 10% of the input.
//! - Shown only once the input has [`SHOW_FROM`] files or [`SHOW_FROM`] documents were
//!   indexed, so small builds stay silent.
//! - `--quiet` turns it off; so does `DOSSIER_PROGRESS=never`. `DOSSIER_PROGRESS=always`
//!   draws the terminal line even when stderr is not a terminal, whatever the input's size
//!   (for tests, and for tools that render `\r`).

use std::io::{IsTerminal, Write};
use std::time::{Duration, Instant};

use dossier::ingest::Progress;

/// Inputs with fewer files and documents than this show no progress.
pub const SHOW_FROM: usize = 256;
/// Least time between two redraws of the terminal line.
const REDRAW: Duration = Duration::from_millis(100);

/// How progress is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    /// Nothing.
    Off,
    /// One line redrawn in place; `forced` shows it whatever the input's size.
    Terminal { forced: bool },
    /// A plain line every 10%.
    Lines,
}

/// The progress display of one build.
pub struct Bar {
    mode: Mode,
    started: Instant,
    /// When the terminal line was last drawn (None: never, or erased).
    drawn: Option<Instant>,
    /// Tenths of the input already reported in [`Mode::Lines`].
    tenths: u32,
}

impl Bar {
    /// The display for this run: off when `quiet`, else from `DOSSIER_PROGRESS` and whether
    /// stderr is a terminal.
    pub fn new(quiet: bool) -> Bar {
        let setting = std::env::var("DOSSIER_PROGRESS").unwrap_or_default();
        let mode = match setting.as_str() {
            _ if quiet => Mode::Off,
            "never" | "0" => Mode::Off,
            "always" => Mode::Terminal { forced: true },
            _ if std::io::stderr().is_terminal() => Mode::Terminal { forced: false },
            _ => Mode::Lines,
        };
        Bar { mode, started: Instant::now(), drawn: None, tenths: 0 }
    }

    /// Shows `progress` if it is time to.
    pub fn update(&mut self, progress: &Progress) {
        let big = progress.files_total >= SHOW_FROM || progress.documents >= SHOW_FROM;
        match self.mode {
            Mode::Off => {}
            Mode::Terminal { forced } if forced || big => {
                if self.drawn.is_none_or(|at| at.elapsed() >= REDRAW) {
                    self.draw(&format!("indexing: {}", self.status(progress)));
                }
            }
            Mode::Terminal { .. } => {}
            Mode::Lines if big => {
                let tenths = (progress.fraction() * 10.0).floor() as u32;
                if tenths > self.tenths {
                    self.tenths = tenths;
                    eprintln!("dossier: {}", self.status(progress));
                }
            }
            Mode::Lines => {}
        }
    }

    /// Ingestion is over: erases the terminal line, or replaces it with `writing the index…`
    /// when `writing` is true (call [`Bar::done`] after).
    pub fn ingested(&mut self, writing: bool) {
        if self.drawn.is_some() {
            if writing {
                self.draw("writing the index…");
            } else {
                self.done();
            }
        }
    }

    /// Erases the terminal line, if one is drawn.
    pub fn done(&mut self) {
        if self.drawn.take().is_some() {
            let mut err = std::io::stderr().lock();
            // Progress is best effort: a closed stderr is no reason to fail the build.
            let _ = write!(err, "\r\x1b[K");
            let _ = err.flush();
        }
    }

    fn draw(&mut self, line: &str) {
        let mut err = std::io::stderr().lock();
        let _ = write!(err, "\r{line}\x1b[K");
        let _ = err.flush();
        self.drawn = Some(Instant::now());
    }

    /// `12,345 documents · 1,234/5,000 files · 45% · 2,345 docs/s · 1m 02s` (no file count
    /// for a single file, such as one big JSONL).
    fn status(&self, p: &Progress) -> String {
        let elapsed = self.started.elapsed();
        let rate = p.documents as f64 / elapsed.as_secs_f64().max(1e-3);
        let files = if p.files_total > 1 {
            format!(" · {}/{} files", thousands(p.files_done as u64), thousands(p.files_total as u64))
        } else {
            String::new()
        };
        format!(
            "{} documents{files} · {:.0}% · {} docs/s · {}",
            thousands(p.documents as u64),
            p.fraction() * 100.0,
            thousands(rate.round() as u64),
            clock(elapsed)
        )
    }
}

/// `1234567` → `"1,234,567"`.
fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// `62 s` → `"1m 02s"`, `5.2 s` → `"5s"`.
fn clock(d: Duration) -> String {
    let s = d.as_secs();
    if s >= 60 {
        format!("{}m {:02}s", s / 60, s % 60)
    } else {
        format!("{s}s")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_and_times_are_written_for_people() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1000), "1,000");
        assert_eq!(thousands(1_234_567), "1,234,567");
        assert_eq!(clock(Duration::from_millis(5200)), "5s");
        assert_eq!(clock(Duration::from_secs(62)), "1m 02s");
    }

    #[test]
    fn lines_mode_reports_each_tenth_once_and_only_for_big_inputs() {
        let mut bar = Bar { mode: Mode::Lines, started: Instant::now(), drawn: None, tenths: 0 };
        let p = Progress { documents: 10, files_done: 1, files_total: 10, bytes_done: 50, bytes_total: 100 };
        bar.update(&p);
        assert_eq!(bar.tenths, 0, "10 files and 10 documents are too few to report");
        let p = Progress { documents: 300, files_total: 1, bytes_done: 25, bytes_total: 100, ..p };
        bar.update(&p);
        assert_eq!(bar.tenths, 2);
        bar.update(&p);
        assert_eq!(bar.tenths, 2);
    }
}

//! What the batch says on stderr while it runs.
//!
//! The policy is ripgrep's: a failure on one file is one line, `path:
//! reason`, and the run goes on; the exit code tells the story at the end.
//! All lines go through [`Reporter`], from the thread that drives the batch,
//! so they never interleave and come in path order. The progress bar is only
//! drawn when the caller says stderr is a terminal a person watches.

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use super::summary::Failure;

pub struct Reporter {
    bar: Option<ProgressBar>,
}

impl Reporter {
    pub fn new(show_bar: bool) -> Reporter {
        let bar = show_bar.then(|| {
            let bar = ProgressBar::with_draw_target(Some(0), ProgressDrawTarget::hidden());
            let style =
                ProgressStyle::with_template("{msg:>10} [{bar:40}] {pos}/{len} files {elapsed}")
                    .unwrap_or_else(|_| ProgressStyle::default_bar())
                    .progress_chars("=> ");
            bar.set_style(style);
            // Drawn from the first phase on, not while the folders are walked.
            bar
        });
        Reporter { bar }
    }

    /// Starts a pass over `total` files ("learning", "processing").
    pub fn phase(&self, name: &'static str, total: u64) {
        if let Some(bar) = &self.bar {
            bar.set_position(0);
            bar.set_length(total);
            bar.set_message(name);
            if bar.is_hidden() {
                bar.set_draw_target(ProgressDrawTarget::stderr());
            }
        }
    }

    /// Called from worker threads when a file is done; only moves the bar.
    pub fn advance(&self) {
        if let Some(bar) = &self.bar {
            bar.inc(1);
        }
    }

    pub fn failure(&self, failure: &Failure) {
        let line = format!("{}: {}", failure.path, failure.reason);
        match &self.bar {
            Some(bar) => bar.suspend(|| eprintln!("{line}")),
            None => eprintln!("{line}"),
        }
    }

    pub fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}

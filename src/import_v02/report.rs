//! What the operator reads at the end: every fixed or skipped row, then the counts and the time.

use std::fmt;
use std::time::Duration;

use app::i18n::plural;

use super::note::Outcome;
use super::write::Written;

pub struct Report {
    pub source: String,
    pub target: String,
    pub dry_run: bool,
    pub written: Written,
    /// Accounts whose e-mail address is not carried over.
    pub emails: usize,
    pub elapsed: Duration,
}

impl Report {
    fn count(&self, outcome: Outcome) -> usize {
        self.written
            .notes
            .iter()
            .filter(|n| n.outcome == outcome)
            .count()
    }
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let w = &self.written;
        writeln!(f, "v0.2 import from {} into {}", self.source, self.target)?;
        for (outcome, title) in [(Outcome::Fixed, "Fixed"), (Outcome::Skipped, "Skipped")] {
            let count = self.count(outcome);
            if count > 0 {
                writeln!(f, "\n{title} ({count}):")?;
                for note in w.notes.iter().filter(|n| n.outcome == outcome) {
                    writeln!(f, "  {note}")?;
                }
            }
        }
        writeln!(f)?;
        if w.earlier_tasks + w.earlier_accounts > 0 {
            writeln!(
                f,
                "Already imported by an earlier run, not imported again: {}, {}.",
                plural::en(w.earlier_tasks as u64, "task", "tasks"),
                plural::en(w.earlier_accounts as u64, "account", "accounts")
            )?;
        }
        if w.tasks + w.accounts == 0 {
            writeln!(f, "Nothing new to import.")?;
        }
        if self.emails > 0 && w.accounts > 0 {
            writeln!(
                f,
                "Not carried over: the e-mail addresses of v0.2 accounts ({}); this version keeps none.",
                self.emails
            )?;
        }
        if self.dry_run {
            writeln!(f, "Dry run: nothing was written.")?;
        }
        writeln!(
            f,
            "users: {} ({} new), tasks: {}, accounts: {}, fixed: {}, skipped: {}",
            w.users,
            w.users_created,
            w.tasks,
            w.accounts,
            self.count(Outcome::Fixed),
            self.count(Outcome::Skipped)
        )?;
        writeln!(f, "time: {:.2} s", self.elapsed.as_secs_f64())
    }
}

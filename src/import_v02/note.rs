//! What the report says about one v0.2 row that could not come over as it was.

use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum RowKind {
    Task,
    Account,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Outcome {
    /// Imported with the smallest change that makes it valid.
    Fixed,
    /// Not imported.
    Skipped,
}

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Note {
    pub outcome: Outcome,
    pub kind: RowKind,
    pub v02_id: i64,
    pub reason: String,
}

impl Note {
    pub fn fixed(kind: RowKind, v02_id: i64, changes: &[String]) -> Note {
        Note {
            outcome: Outcome::Fixed,
            kind,
            v02_id,
            reason: changes.join("; "),
        }
    }

    pub fn skipped(kind: RowKind, v02_id: i64, reason: impl Into<String>) -> Note {
        Note {
            outcome: Outcome::Skipped,
            kind,
            v02_id,
            reason: reason.into(),
        }
    }
}

impl fmt::Display for Note {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let kind = match self.kind {
            RowKind::Task => "task",
            RowKind::Account => "account",
        };
        write!(f, "{kind} {}: {}", self.v02_id, self.reason)
    }
}

//! A checklist item: its phase, its status and the evidence behind it.

use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Phase {
    Before,
    During,
    After,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Done,
    Warning,
    Todo,
    NotApplicable,
}

/// One fact behind a status: a translation key and its arguments (`name`, `count`, …).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Evidence {
    pub key: &'static str,
    pub args: Vec<(&'static str, String)>,
}

impl Evidence {
    pub fn new(key: &'static str) -> Evidence {
        Evidence {
            key,
            args: Vec::new(),
        }
    }

    pub fn with(mut self, name: &'static str, value: impl ToString) -> Evidence {
        self.args.push((name, value.to_string()));
        self
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Item {
    pub phase: Phase,
    pub key: &'static str,
    pub status: Status,
    pub evidence: Vec<Evidence>,
}

/// A cohort may be declared ready when no "before" duty is left to do.
pub fn open_items(items: &[Item]) -> Vec<&'static str> {
    items
        .iter()
        .filter(|i| i.phase == Phase::Before && i.status == Status::Todo)
        .map(|i| i.key)
        .collect()
}

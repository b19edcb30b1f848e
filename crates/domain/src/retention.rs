//! How long the académie keeps each kind of record (its retention policy), as `hybride purge`
//! applies it: an archived cohort's whole record, the mails sent, the traces of connections, and
//! the accounts of trainees left with nothing.

use crate::{FieldErrors, Invalid};
use serde::{Deserialize, Serialize};

/// A kind of record and how long it is kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum RecordKind {
    /// An archived cohort's record (enrollments, schedule, attendance and its documents, forum,
    /// reviews, surveys, pay lines), counted in months after its last day.
    Cohorts,
    /// Mails sent (or given up), counted in days after they were queued.
    Mails,
    /// Expired sessions and login links, revoked tokens, counters of attempts: days after they
    /// ended.
    Connections,
    /// Trainee accounts in no cohort any more, counted in months since they were created and
    /// since their last connection.
    Accounts,
}

impl RecordKind {
    pub const ALL: [RecordKind; 4] = [
        RecordKind::Cohorts,
        RecordKind::Mails,
        RecordKind::Connections,
        RecordKind::Accounts,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            RecordKind::Cohorts => "cohorts",
            RecordKind::Mails => "mails",
            RecordKind::Connections => "connections",
            RecordKind::Accounts => "accounts",
        }
    }

    /// The form field that sets it.
    pub fn field(self) -> &'static str {
        match self {
            RecordKind::Cohorts => "cohorts_months",
            RecordKind::Mails => "mails_days",
            RecordKind::Connections => "connections_days",
            RecordKind::Accounts => "accounts_months",
        }
    }

    /// Whether its duration counts months (else days).
    pub fn in_months(self) -> bool {
        matches!(self, RecordKind::Cohorts | RecordKind::Accounts)
    }

    /// The durations the académie may choose from.
    pub fn range(self) -> (i64, i64) {
        match self {
            // At least a year after the end: the pay and the certificates are claimed later.
            RecordKind::Cohorts => (12, 600),
            RecordKind::Mails => (30, 3_650),
            RecordKind::Connections => (1, 365),
            RecordKind::Accounts => (6, 120),
        }
    }
}

/// The académie's retention policy.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Retention {
    // The bounds are `RecordKind::range`'s (a test compares them).
    #[schema(minimum = 12, maximum = 600)]
    pub cohorts_months: i64,
    #[schema(minimum = 30, maximum = 3650)]
    pub mails_days: i64,
    #[schema(minimum = 1, maximum = 365)]
    pub connections_days: i64,
    #[schema(minimum = 6, maximum = 120)]
    pub accounts_months: i64,
}

impl Default for Retention {
    fn default() -> Self {
        Retention {
            cohorts_months: 60,
            mails_days: 365,
            connections_days: 30,
            accounts_months: 36,
        }
    }
}

impl Retention {
    pub fn get(&self, kind: RecordKind) -> i64 {
        match kind {
            RecordKind::Cohorts => self.cohorts_months,
            RecordKind::Mails => self.mails_days,
            RecordKind::Connections => self.connections_days,
            RecordKind::Accounts => self.accounts_months,
        }
    }

    /// Reads the settings form (`get(field)`), each duration inside its range.
    pub fn parse(get: impl Fn(&str) -> String) -> Result<Retention, FieldErrors> {
        let mut e = FieldErrors::new();
        let mut values = [0i64; 4];
        for (i, kind) in RecordKind::ALL.into_iter().enumerate() {
            let raw = get(kind.field());
            let (low, high) = kind.range();
            if let Some(v) = e.check(
                kind.field(),
                raw.trim()
                    .parse::<i64>()
                    .ok()
                    .filter(|v| (low..=high).contains(v))
                    .ok_or_else(|| {
                        Invalid::with(
                            if kind.in_months() {
                                "error-retention-months"
                            } else {
                                "error-retention-days"
                            },
                            format!("{low}–{high}"),
                        )
                    }),
            ) {
                values[i] = v;
            }
        }
        e.finish(|| Retention {
            cohorts_months: values[0],
            mails_days: values[1],
            connections_days: values[2],
            accounts_months: values[3],
        })
    }

    /// Checks a policy given whole (as the API does) by the same rules as the form.
    pub fn check(&self) -> Result<Retention, FieldErrors> {
        Retention::parse(|field| {
            RecordKind::ALL
                .into_iter()
                .find(|k| k.field() == field)
                .map(|k| self.get(k).to_string())
                .unwrap_or_default()
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn the_default_policy_is_inside_every_range() {
        assert_eq!(Retention::default().check(), Ok(Retention::default()));
    }

    #[test]
    fn durations_outside_their_range_are_named_field_by_field() {
        let e = Retention::parse(|f| match f {
            "cohorts_months" => "6".into(),
            "mails_days" => "abc".into(),
            "connections_days" => "30".into(),
            _ => String::new(),
        })
        .unwrap_err();
        assert_eq!(
            e.get("cohorts_months").unwrap().key,
            "error-retention-months"
        );
        assert_eq!(
            e.get("cohorts_months").unwrap().arg.as_deref(),
            Some("12–600")
        );
        assert_eq!(e.get("mails_days").unwrap().key, "error-retention-days");
        assert!(e.get("connections_days").is_none());
        assert!(e.get("accounts_months").is_some());
    }

    proptest! {
        #[test]
        fn any_form_is_read_or_refused_without_panic(values in proptest::collection::vec(".{0,12}", 4)) {
            let fields: Vec<&str> = RecordKind::ALL.iter().map(|k| k.field()).collect();
            let got = Retention::parse(|f| {
                fields.iter().position(|x| *x == f).map(|i| values[i].clone()).unwrap_or_default()
            });
            if let Ok(r) = got {
                for k in RecordKind::ALL {
                    let (low, high) = k.range();
                    prop_assert!((low..=high).contains(&r.get(k)));
                }
            }
        }
    }
}

//! Who a user is to Hybride. One role per account: the same person acting as trainer and trainee
//! uses two accounts, which keeps every proof attributable to one capacity.

use crate::Invalid;
use serde::{Deserialize, Serialize};

#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    utoipa::ToSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Admin,
    Pilot,
    Trainer,
    Trainee,
}

impl Role {
    pub const ALL: [Role; 4] = [Role::Admin, Role::Pilot, Role::Trainer, Role::Trainee];

    pub fn as_str(self) -> &'static str {
        match self {
            Role::Admin => "admin",
            Role::Pilot => "pilot",
            Role::Trainer => "trainer",
            Role::Trainee => "trainee",
        }
    }

    /// Accepts the code names and the French words used in académie spreadsheets.
    pub fn parse(raw: &str) -> Result<Role, Invalid> {
        match raw.trim().to_lowercase().as_str() {
            "" => Err(Invalid::new("error-required")),
            "admin" | "gestionnaire" | "gestionnaire eafc" => Ok(Role::Admin),
            "pilot" | "pilote" => Ok(Role::Pilot),
            "trainer" | "formateur" | "formatrice" => Ok(Role::Trainer),
            "trainee" | "stagiaire" => Ok(Role::Trainee),
            other => Err(Invalid::with("error-role-unknown", other)),
        }
    }

    /// Staff roles may manage trainings; trainees may not.
    pub fn is_staff(self) -> bool {
        !matches!(self, Role::Trainee)
    }

    /// Whether login links are mailed to this role: to trainees only. Staff sign in with a
    /// password (and a second factor, for admins) or through the académie's provider; a link
    /// in a mailbox would pass both by.
    pub fn signs_in_by_mailed_link(self) -> bool {
        self == Role::Trainee
    }
}

impl TryFrom<String> for Role {
    type Error = crate::Invalid;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        Role::parse(&s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_reads_french() {
        for r in Role::ALL {
            assert_eq!(Role::parse(r.as_str()).unwrap(), r);
        }
        assert_eq!(Role::parse(" Formatrice ").unwrap(), Role::Trainer);
        assert_eq!(Role::parse("Stagiaire").unwrap(), Role::Trainee);
        assert_eq!(Role::parse("chef").unwrap_err().key, "error-role-unknown");
    }

    #[test]
    fn only_trainees_get_login_links() {
        for r in Role::ALL {
            assert_eq!(r.signs_in_by_mailed_link(), r == Role::Trainee);
        }
    }
}

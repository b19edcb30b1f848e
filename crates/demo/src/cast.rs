//! The demo's people: the demo accounts, and pilots, trainers and trainees drawn from the
//! catalogue's names and establishments; then their accounts, written.

use crate::catalogue::{ESTABLISHMENTS, FIRST_NAMES, LAST_NAMES};
use crate::lcg::Lcg;
use crate::{refused, DEMO_ACCOUNTS};
use hybride_domain::accounts::NewAccount;
use hybride_domain::{Email, PersonName, Role};
use hybride_store::{people, Store, StoreError};
use std::collections::{HashMap, HashSet};

/// A reserved domain (RFC 6761): demo mail is never relayed, whatever the SMTP server.
const MAIL_DOMAIN: &str = "ac-demo.test";

/// One person of the demo, before their account is written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct PersonSpec {
    email: String,
    first_name: String,
    last_name: String,
    role: Role,
    establishment: Option<String>,
}

impl PersonSpec {
    fn account(&self) -> Result<NewAccount, StoreError> {
        Ok(NewAccount {
            email: Email::parse(&self.email).map_err(refused)?,
            last_name: PersonName::parse(&self.last_name).map_err(refused)?,
            first_name: PersonName::parse(&self.first_name).map_err(refused)?,
            role: self.role,
            establishment: self.establishment.clone(),
        })
    }
}

/// Everyone in the demo. Index 0 of pilots, trainers and trainees is the demo account.
pub(crate) struct Cast {
    pub(crate) admin: PersonSpec,
    pub(crate) pilots: Vec<PersonSpec>,
    pub(crate) trainers: Vec<PersonSpec>,
    pub(crate) trainees: Vec<PersonSpec>,
}

const PILOTS: usize = 3;
pub(crate) const TRAINERS: usize = 10;
pub(crate) const TRAINEES: usize = 300;

/// The demo accounts' people: (first name, last name, establishment), as [`DEMO_ACCOUNTS`].
const DEMO_PEOPLE: [(&str, &str, Option<&str>); 4] = [
    ("Isabelle", "Roux", None),
    ("Sophie", "Marchand", None),
    ("Karim", "Benali", Some("Lycée Ampère Saxe (Lyon 3e)")),
    (
        "Léa",
        "Fontaine",
        Some("Collège Lucie Aubrac (Villeurbanne)"),
    ),
];

fn establishment_label(name: &str, city: &str) -> String {
    format!("{name} ({city})")
}

/// Lower-case ASCII for an e-mail's local part: accents stripped, spaces and apostrophes → `-`.
fn slug(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars().flat_map(char::to_lowercase) {
        let mapped: &str = match c {
            'à' | 'â' | 'ä' | 'á' | 'ã' | 'å' => "a",
            'ç' => "c",
            'é' | 'è' | 'ê' | 'ë' => "e",
            'î' | 'ï' | 'í' | 'ì' => "i",
            'ô' | 'ö' | 'ó' | 'ò' | 'õ' => "o",
            'ù' | 'û' | 'ü' | 'ú' => "u",
            'ÿ' => "y",
            'ñ' => "n",
            'œ' => "oe",
            'æ' => "ae",
            ' ' | '\'' | '’' | '-' => {
                if !out.is_empty() && !out.ends_with('-') {
                    out.push('-');
                }
                continue;
            }
            c if c.is_ascii_alphanumeric() => {
                out.push(c);
                continue;
            }
            _ => continue,
        };
        out.push_str(mapped);
    }
    out.trim_end_matches('-').to_owned()
}

/// Everyone in the demo, drawn from the catalogue's names: the same people every time.
pub(crate) fn cast() -> Cast {
    let demo = |i: usize| {
        let (first, last, establishment) = DEMO_PEOPLE[i];
        PersonSpec {
            email: DEMO_ACCOUNTS[i].0.to_owned(),
            first_name: first.to_owned(),
            last_name: last.to_owned(),
            role: DEMO_ACCOUNTS[i].1,
            establishment: establishment.map(str::to_owned),
        }
    };
    let mut rng = Lcg::new(0x2026_2027);
    let mut emails: HashSet<String> = HashSet::new();
    let demo_names: HashSet<(&str, &str)> = DEMO_PEOPLE.iter().map(|(f, l, _)| (*f, *l)).collect();
    let mut person = |role: Role, rng: &mut Lcg| loop {
        let first = FIRST_NAMES[rng.below(FIRST_NAMES.len())];
        let last = LAST_NAMES[rng.below(LAST_NAMES.len())];
        if demo_names.contains(&(first, last)) {
            continue;
        }
        let base = format!("{}.{}", slug(first), slug(last));
        let mut email = format!("{base}@{MAIL_DOMAIN}");
        let mut n = 2;
        while emails.contains(&email) {
            email = format!("{base}{n}@{MAIL_DOMAIN}");
            n += 1;
        }
        emails.insert(email.clone());
        let establishment = match role {
            Role::Trainer | Role::Trainee => {
                let e = &ESTABLISHMENTS[rng.below(ESTABLISHMENTS.len())];
                Some(establishment_label(e.name, e.city))
            }
            Role::Admin | Role::Pilot => None,
        };
        break PersonSpec {
            email,
            first_name: first.to_owned(),
            last_name: last.to_owned(),
            role,
            establishment,
        };
    };
    let mut group = |role: Role, demo: PersonSpec, n: usize| {
        let mut v = vec![demo];
        while v.len() < n {
            v.push(person(role, &mut rng));
        }
        v
    };
    let pilots = group(Role::Pilot, demo(1), PILOTS);
    let trainers = group(Role::Trainer, demo(2), TRAINERS);
    let trainees = group(Role::Trainee, demo(3), TRAINEES);
    Cast {
        admin: demo(0),
        pilots,
        trainers,
        trainees,
    }
}

/// The ids of the imported pilots, trainers and trainees, in the [`Cast`]'s order.
pub(crate) struct CastIds {
    pub(crate) pilots: Vec<i64>,
    pub(crate) trainers: Vec<i64>,
    pub(crate) trainees: Vec<i64>,
}

impl CastIds {
    /// How many people were imported.
    pub(crate) fn count(&self) -> usize {
        self.pilots.len() + self.trainers.len() + self.trainees.len()
    }
}

/// Imports everyone but the demo admin in one all-or-nothing import.
pub(crate) async fn import(store: &Store, cast: &Cast) -> Result<CastIds, StoreError> {
    let mut batch = Vec::new();
    for p in cast
        .pilots
        .iter()
        .chain(&cast.trainers)
        .chain(&cast.trainees)
    {
        batch.push(p.account()?);
    }
    if people::import(store, &batch).await?.is_err() {
        return Err(StoreError::Conflict("email"));
    }
    let ids = user_ids(store).await?;
    let id_of = |p: &PersonSpec| ids.get(&p.email).copied().ok_or(StoreError::NotFound);
    let ids_of = |group: &[PersonSpec]| group.iter().map(id_of).collect::<Result<Vec<_>, _>>();
    Ok(CastIds {
        pilots: ids_of(&cast.pilots)?,
        trainers: ids_of(&cast.trainers)?,
        trainees: ids_of(&cast.trainees)?,
    })
}

/// Gives the demo password to every pilot and trainer, and to the demo trainee (the other
/// trainees have none, as after an import).
pub(crate) async fn give_password(
    store: &Store,
    ids: &CastIds,
    password_hash: &str,
) -> Result<(), StoreError> {
    for &id in ids.pilots.iter().chain(&ids.trainers) {
        people::set_password(store, id, password_hash).await?;
    }
    people::set_password(store, ids.trainees[0], password_hash).await?;
    Ok(())
}

/// Creates the demo admin, with the demo password.
pub(crate) async fn create_admin(
    store: &Store,
    admin: &PersonSpec,
    password_hash: &str,
) -> Result<(), StoreError> {
    people::create(store, &admin.account()?, Some(password_hash)).await?;
    Ok(())
}

/// E-mail → id of every pilot, trainer and trainee (the import does not return ids).
async fn user_ids(store: &Store) -> Result<HashMap<String, i64>, StoreError> {
    const PAGE: i64 = 1000;
    let mut ids = HashMap::new();
    for role in [Role::Pilot, Role::Trainer, Role::Trainee] {
        let mut offset = 0;
        loop {
            let filter = people::UserFilter {
                role: Some(role),
                limit: PAGE,
                offset,
                ..Default::default()
            };
            let page = people::list(store, &filter).await?;
            let n = page.len() as i64;
            ids.extend(page.into_iter().map(|u| (u.email, u.id)));
            if n < PAGE {
                break;
            }
            offset += PAGE;
        }
    }
    Ok(ids)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_plain_ascii() {
        assert_eq!(slug("Lefèvre"), "lefevre");
        assert_eq!(slug("Le Gall"), "le-gall");
        assert_eq!(slug("Jean-Pierre"), "jean-pierre");
        assert_eq!(slug("Leïla"), "leila");
        assert_eq!(slug("Étienne"), "etienne");
        assert_eq!(slug("D’Alembert"), "d-alembert");
        assert_eq!(slug("Bensaïd"), "bensaid");
    }

    #[test]
    fn the_cast_is_complete_and_unique() {
        let cast = cast();
        assert_eq!(
            (cast.pilots.len(), cast.trainers.len(), cast.trainees.len()),
            (3, 10, 300)
        );
        let all: Vec<&PersonSpec> = [&cast.admin]
            .into_iter()
            .chain(&cast.pilots)
            .chain(&cast.trainers)
            .chain(&cast.trainees)
            .collect();
        let emails: HashSet<&str> = all.iter().map(|p| p.email.as_str()).collect();
        assert_eq!(emails.len(), 314);
        for p in &all {
            let account = p.account().unwrap();
            assert_eq!(account.email.as_str(), p.email, "already normalised");
            assert!(p.email.is_ascii());
        }
        assert!(cast.trainees.iter().all(|p| p.establishment.is_some()));
        assert_eq!(cast.trainers[0].email, "formateur@demo.hybride.test");
        assert_eq!(cast.pilots[0].last_name, "Marchand");
        // Deterministic.
        assert_eq!(cast.trainees[150], super::cast().trainees[150]);
    }
}

//! Who signs the certificats de réalisation: the EAFC's director, or a delegate who signs for
//! the direction « par délégation ». The académie's admins name them; a certificate without
//! its signatory is not issued.

use crate::{FieldErrors, PersonName, Title};
use serde::{Deserialize, Serialize};

crate::words! {
    /// In what capacity the signatory signs.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, utoipa::ToSchema)]
    #[serde(rename_all = "snake_case")]
    pub enum Capacity (refused "error-signatory-capacity") {
        /// The EAFC's director signs in their own name.
        Director = "director",
        /// A delegate signs for the direction, « par délégation ».
        Delegate = "delegate",
    }
}

/// The signatory of the certificates: a full name (« Claire Martin », one line, at most
/// [`PersonName::MAX`] characters), a title (« Directrice de l’EAFC », one line, at most
/// [`Title::MAX`]) and a capacity.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Signatory {
    pub name: PersonName,
    pub title: Title,
    pub capacity: Capacity,
}

impl Signatory {
    /// Reads the three fields (`name`, `title`, `capacity`), every error against its field.
    pub fn parse(name: &str, title: &str, capacity: &str) -> Result<Signatory, FieldErrors> {
        let mut e = FieldErrors::new();
        let name = e.check("name", PersonName::parse(name));
        let title = e.check("title", Title::parse(title));
        let capacity = e.check("capacity", Capacity::parse(capacity));
        e.finish(|| Signatory {
            name: name.expect("checked"),
            title: title.expect("checked"),
            capacity: capacity.expect("checked"),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn a_signatory_is_read_field_by_field() {
        let s = Signatory::parse(" Claire Martin ", "Directrice de l’EAFC", "director").unwrap();
        assert_eq!(s.name.as_str(), "Claire Martin");
        assert_eq!(s.capacity, Capacity::Director);
        let e = Signatory::parse("", "x\u{7}", "recteur").unwrap_err();
        let fields: Vec<_> = e.0.iter().map(|(f, i)| (*f, i.key)).collect();
        assert_eq!(
            fields,
            [
                ("name", "error-required"),
                ("title", "error-control-characters"),
                ("capacity", "error-signatory-capacity"),
            ]
        );
        assert!(Signatory::parse(&"x".repeat(101), "Directeur", "delegate").is_err());
        for c in Capacity::ALL {
            assert_eq!(Capacity::parse(c.as_str()), Ok(c));
        }
    }

    proptest! {
        #[test]
        fn any_form_is_read_or_refused_without_panic(a in ".{0,120}", b in ".{0,220}", c in ".{0,12}") {
            if let Ok(s) = Signatory::parse(&a, &b, &c) {
                prop_assert!(!s.name.as_str().is_empty() && !s.title.as_str().is_empty());
            }
        }
    }
}

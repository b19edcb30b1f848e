//! The closed lists of words that the record, the forms and the API share (a protocol, a
//! status, a kind): each one is an enum with its stored word, the list of all its values, and a
//! parser that refuses anything else with a translated error.

/// Declares an enum whose values are written as words (`"create_trainee"`), with `ALL`,
/// `as_str`, `parse` (trimmed, refused with the given error key) and `TryFrom<String>`.
///
/// `refused "key"` gives an error without the value; `refused_with_value "key"` names the value
/// refused (`Invalid::with`). Other methods go in an `impl` block of their own beside it.
#[macro_export]
macro_rules! words {
    (@invalid refused $code:literal, $raw:expr) => {
        $crate::Invalid::new($code)
    };
    (@invalid refused_with_value $code:literal, $raw:expr) => {
        $crate::Invalid::with($code, $raw)
    };
    (
        $(#[$meta:meta])*
        $vis:vis enum $name:ident ($how:ident $code:literal) {
            $( $(#[$vmeta:meta])* $variant:ident = $word:literal, )+
        }
    ) => {
        $(#[$meta])*
        $vis enum $name {
            $( $(#[$vmeta])* $variant, )+
        }

        impl $name {
            /// Every value, in the order of the declaration.
            pub const ALL: [$name; [$(stringify!($variant)),+].len()] = [$($name::$variant),+];

            /// The word that stores this value.
            pub fn as_str(self) -> &'static str {
                match self {
                    $( $name::$variant => $word, )+
                }
            }

            /// The value a word names (spaces around it ignored).
            pub fn parse(raw: &str) -> Result<$name, $crate::Invalid> {
                let raw = raw.trim();
                $name::ALL
                    .into_iter()
                    .find(|v| v.as_str() == raw)
                    .ok_or_else(|| $crate::words!(@invalid $how $code, raw))
            }
        }

        impl TryFrom<String> for $name {
            type Error = $crate::Invalid;
            fn try_from(s: String) -> Result<Self, $crate::Invalid> {
                $name::parse(&s)
            }
        }
    };
}

#[cfg(test)]
mod tests {
    crate::words! {
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        enum Colour (refused_with_value "error-colour") {
            /// Documented.
            DeepBlue = "deep_blue",
            Red = "red",
        }
    }

    #[test]
    fn a_word_reads_back_as_its_value_and_nothing_else_does() {
        assert_eq!(Colour::ALL, [Colour::DeepBlue, Colour::Red]);
        for c in Colour::ALL {
            assert_eq!(Colour::parse(&format!(" {} ", c.as_str())), Ok(c));
            assert_eq!(Colour::try_from(c.as_str().to_owned()), Ok(c));
        }
        let refused = Colour::parse("DeepBlue").unwrap_err();
        assert_eq!(refused, crate::Invalid::with("error-colour", "DeepBlue"));
    }
}

//! Why a value was refused: a translation key, optionally with one argument.

use std::fmt;

/// A refused value. `key` is a Fluent message id (`locales/*.ftl`); `arg` fills its `$value`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Invalid {
    pub key: &'static str,
    pub arg: Option<String>,
}

impl Invalid {
    pub const fn new(key: &'static str) -> Self {
        Invalid { key, arg: None }
    }

    pub fn with(key: &'static str, arg: impl fmt::Display) -> Self {
        Invalid {
            key,
            arg: Some(arg.to_string()),
        }
    }
}

impl fmt::Display for Invalid {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.arg {
            Some(a) => write!(f, "{} ({a})", self.key),
            None => f.write_str(self.key),
        }
    }
}

impl std::error::Error for Invalid {}

/// Errors collected field by field, so that a form shows every problem at once.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FieldErrors(pub Vec<(&'static str, Invalid)>);

impl FieldErrors {
    pub fn new() -> Self {
        Self::default()
    }

    /// Keeps the parsed value, or records the error against `field`.
    pub fn check<T>(&mut self, field: &'static str, result: Result<T, Invalid>) -> Option<T> {
        match result {
            Ok(v) => Some(v),
            Err(e) => {
                self.0.push((field, e));
                None
            }
        }
    }

    pub fn add(&mut self, field: &'static str, invalid: Invalid) {
        self.0.push((field, invalid));
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn get(&self, field: &str) -> Option<&Invalid> {
        self.0.iter().find(|(f, _)| *f == field).map(|(_, e)| e)
    }

    /// `Ok(value)` when no error was recorded. The value is built lazily because the checked
    /// parts are only all present when there is no error.
    pub fn finish<T>(self, build: impl FnOnce() -> T) -> Result<T, FieldErrors> {
        if self.0.is_empty() {
            Ok(build())
        } else {
            Err(self)
        }
    }
}

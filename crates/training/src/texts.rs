//! Plain-text mails, written with minijinja templates (`templates/mail/*.txt`) in the reader's
//! language, and the wording helpers every text shares: the `t` function and the `day`, `time`,
//! `duration`, `iso` and `hundredths` filters, which the web layer registers for its pages too.

use crate::i18n::{self, Lang};
use crate::Error;
use minijinja::value::{Kwargs, Value};
use minijinja::{context, AutoEscape, Environment, ErrorKind, State};

/// The mails' templates, compiled into the binary.
pub struct Texts {
    env: Environment<'static>,
}

macro_rules! mail_sources {
    ($($name:literal),+ $(,)?) => {
        [$( ($name, include_str!(concat!("../templates/", $name))) ),+]
    };
}

const SOURCES: [(&str, &str); 8] = mail_sources!(
    "mail/convocation.txt",
    "mail/opening.txt",
    "mail/instructions.txt",
    "mail/post.txt",
    "mail/digest.txt",
    "mail/review.txt",
    "mail/closing.txt",
    "mail/survey.txt",
);

impl Texts {
    pub fn new() -> Texts {
        let mut env = Environment::new();
        // Mails are plain text: nothing is escaped.
        env.set_auto_escape_callback(|_| AutoEscape::None);
        env.set_undefined_behavior(minijinja::UndefinedBehavior::SemiStrict);
        for (name, source) in SOURCES {
            env.add_template(name, source).expect(name);
        }
        register(&mut env);
        Texts { env }
    }

    /// Renders a plain-text mail in `lang`.
    pub fn text(&self, name: &str, lang: Lang, page: Value) -> Result<String, Error> {
        let tmpl = self
            .env
            .get_template(name)
            .map_err(|e| Error::Internal(anyhow::anyhow!("template {name}: {e}")))?;
        tmpl.render(context! { ..page, ..context! { lang => lang.code() } })
            .map(|s| s.trim().replace("\n\n\n", "\n\n"))
            .map_err(|e| Error::Internal(anyhow::anyhow!("rendering {name}: {e:#}")))
    }
}

impl Default for Texts {
    fn default() -> Self {
        Self::new()
    }
}

/// Adds the shared function and filters to an environment.
pub fn register(env: &mut Environment<'static>) {
    env.add_function("t", t);
    env.add_filter("day", day);
    env.add_filter("time", time);
    env.add_filter("duration", duration_filter);
    env.add_filter("iso", iso);
    env.add_filter("hundredths", hundredths);
}

fn lang_of(state: &State) -> Lang {
    state
        .lookup("lang")
        .and_then(|v| v.as_str().and_then(Lang::parse))
        .unwrap_or_default()
}

/// `{{ t("key", name=value) }}`
fn t(state: &State, key: &str, kwargs: Kwargs) -> Result<String, minijinja::Error> {
    let mut args = Vec::new();
    let names: Vec<String> = kwargs.args().map(str::to_owned).collect();
    for name in &names {
        let v: Value = kwargs.get(name)?;
        args.push((name.as_str(), v.to_string()));
    }
    kwargs.assert_all_used()?;
    Ok(i18n::tr(lang_of(state), key, &args))
}

fn zoned(ts: i64) -> Result<jiff::Zoned, minijinja::Error> {
    jiff::Timestamp::from_second(ts)
        .map(|t| t.to_zoned(hybride_domain::time::paris()))
        .map_err(|e| minijinja::Error::new(ErrorKind::InvalidOperation, e.to_string()))
}

/// `{{ ts | day }}` for Unix seconds, or `{{ "2026-11-30" | day }}` for ISO dates.
fn day(state: &State, v: Value) -> Result<String, minijinja::Error> {
    let date = if let Some(s) = v.as_str() {
        s.parse::<jiff::civil::Date>()
            .map_err(|e| minijinja::Error::new(ErrorKind::InvalidOperation, e.to_string()))?
    } else {
        let ts = i64::try_from(v)?;
        zoned(ts)?.date()
    };
    Ok(i18n::day_words(lang_of(state), date))
}

/// `{{ ts | time }}`: « 9 h 30 » in French, « 09:30 » in English (Europe/Paris).
fn time(state: &State, ts: i64) -> Result<String, minijinja::Error> {
    zoned(ts)?;
    Ok(i18n::clock(lang_of(state), ts))
}

/// `{{ minutes | duration }}`: « 6 h 30 ».
fn duration_filter(m: i64) -> String {
    i18n::duration(m)
}

/// `{{ ts | iso }}`: the instant in Europe/Paris as `YYYY-MM-DDTHH:MM`, for `<time datetime>`.
fn iso(ts: i64) -> Result<String, minijinja::Error> {
    Ok(zoned(ts)?.strftime("%Y-%m-%dT%H:%M").to_string())
}

/// `{{ 412 | hundredths }}`: « 4,12 » in French, « 4.12 » in English.
fn hundredths(state: &State, v: i64) -> String {
    let sep = match lang_of(state) {
        Lang::Fr => ',',
        Lang::En => '.',
    };
    let sign = if v < 0 { "-" } else { "" };
    let v = v.unsigned_abs();
    format!("{sign}{}{sep}{:02}", v / 100, v % 100)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_mail_compiles_and_every_key_it_names_exists() {
        let texts = Texts::new();
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("templates/mail");
        for entry in std::fs::read_dir(&dir).unwrap() {
            let name = format!("mail/{}", entry.unwrap().file_name().to_str().unwrap());
            assert!(
                SOURCES.iter().any(|(n, _)| *n == name),
                "{name} is not registered"
            );
            assert!(texts.env.get_template(&name).is_ok(), "{name} compiles");
        }
        for (name, source) in SOURCES {
            for key in i18n::keys_named(source) {
                assert!(i18n::exists(&key), "{name} uses {key:?}, missing from fr");
            }
        }
    }
}

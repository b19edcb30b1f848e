//! HTML rendering with minijinja. Templates are compiled into the binary; every text goes
//! through `t(...)`; autoescaping is on for every template.

use crate::auth::Ctx;
use crate::error::{AppError, ErrorReport};
use crate::i18n::{self, Lang};
use axum::http::StatusCode;
use axum::response::Html;
use minijinja::value::{Kwargs, Value};
use minijinja::{context, AutoEscape, Environment, Error, ErrorKind, State};

pub struct Templates {
    env: Environment<'static>,
}

macro_rules! templates {
    ($env:expr, $($name:literal),+ $(,)?) => {
        $( $env.add_template($name, include_str!(concat!("../templates/", $name))).expect($name); )+
    };
}

fn lang_of(state: &State) -> Lang {
    state
        .lookup("lang")
        .and_then(|v| v.as_str().and_then(Lang::parse))
        .unwrap_or_default()
}

/// `{{ t("key", name=value) }}`
fn t(state: &State, key: &str, kwargs: Kwargs) -> Result<String, Error> {
    let mut args = Vec::new();
    let names: Vec<String> = kwargs.args().map(str::to_owned).collect();
    for name in &names {
        let v: Value = kwargs.get(name)?;
        args.push((name.as_str(), v.to_string()));
    }
    kwargs.assert_all_used()?;
    Ok(i18n::tr(lang_of(state), key, &args))
}

fn zoned(ts: i64) -> Result<jiff::Zoned, Error> {
    let tz = jiff::tz::TimeZone::get("Europe/Paris")
        .map_err(|e| Error::new(ErrorKind::InvalidOperation, e.to_string()))?;
    jiff::Timestamp::from_second(ts)
        .map(|t| t.to_zoned(tz))
        .map_err(|e| Error::new(ErrorKind::InvalidOperation, e.to_string()))
}

/// A calendar day in words: « lundi 30 novembre 2026 ».
pub fn day_words(lang: Lang, date: jiff::civil::Date) -> String {
    let weekday = i18n::t(
        lang,
        &format!("weekday-{}", date.weekday().to_monday_one_offset()),
    );
    let month = i18n::t(lang, &format!("month-{}", date.month()));
    match (lang, date.day()) {
        // « le 1er décembre »: French writes the first of the month as an ordinal.
        (Lang::Fr, 1) => format!("{weekday} 1er {month} {}", date.year()),
        _ => format!("{weekday} {} {month} {}", date.day(), date.year()),
    }
}

/// `{{ ts | day }}` for Unix seconds, or `{{ "2026-11-30" | day }}` for ISO dates.
fn day(state: &State, v: Value) -> Result<String, Error> {
    let date = if let Some(s) = v.as_str() {
        s.parse::<jiff::civil::Date>()
            .map_err(|e| Error::new(ErrorKind::InvalidOperation, e.to_string()))?
    } else {
        let ts = i64::try_from(v)?;
        zoned(ts)?.date()
    };
    Ok(day_words(lang_of(state), date))
}

/// `{{ ts | time }}`: « 9 h 30 » in French, « 09:30 » in English (Europe/Paris).
fn time(state: &State, ts: i64) -> Result<String, Error> {
    let z = zoned(ts)?;
    Ok(match lang_of(state) {
        Lang::Fr => format!("{}\u{a0}h\u{a0}{:02}", z.hour(), z.minute()),
        Lang::En => format!("{:02}:{:02}", z.hour(), z.minute()),
    })
}

/// `{{ minutes | duration }}`: « 6 h 30 ».
pub fn duration(m: i64) -> String {
    hybride_domain::Minutes::new(u32::try_from(m.max(0)).unwrap_or(u32::MAX))
        .map(|m| m.to_string())
        .unwrap_or_else(|_| format!("{m}\u{a0}min"))
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

/// `{{ ts | iso }}`: the instant in Europe/Paris as `YYYY-MM-DDTHH:MM`, for `<time datetime>`.
fn iso(ts: i64) -> Result<String, Error> {
    Ok(zoned(ts)?.strftime("%Y-%m-%dT%H:%M").to_string())
}

impl Templates {
    pub fn new() -> Templates {
        let mut env = Environment::new();
        // Mails are plain text: no escaping there; every page is HTML-escaped.
        env.set_auto_escape_callback(|name| {
            if name.ends_with(".txt") {
                AutoEscape::None
            } else {
                AutoEscape::Html
            }
        });
        env.set_undefined_behavior(minijinja::UndefinedBehavior::SemiStrict);
        templates!(
            env,
            "base.html",
            "macros.html",
            "error.html",
            "login.html",
            "login_link.html",
            "magic.html",
            "dashboard.html",
            "accounts.html",
            "account_form.html",
            "accounts_import.html",
            "plans.html",
            "trainings.html",
            "training_form.html",
            "training.html",
            "cohort_form.html",
            "cohort.html",
            "outbox.html",
            "equipment.html",
            "scenario.html",
            "step_form.html",
            "accompaniment.html",
            "qualifications.html",
            "holidays.html",
            "cohort_edit.html",
            "activity_form.html",
            "opening_form.html",
            "join.html",
            "calendar.html",
            "mail/convocation.txt",
            "mail/opening.txt",
            "mail/instructions.txt",
            "mail/post.txt",
            "mail/digest.txt",
            "mail/review.txt",
            "mail/closing.txt",
            "forum.html",
            "thread.html",
            "follow_up.html",
            "accessibility.html",
            "attendance.html",
            "attendance_sheet.html",
            "attendance_live.html",
            "sign.html",
            "signed.html",
            "sign_qr.html",
            "declaration.html",
            "validation.html",
            "documents.html",
            "pay.html",
            "pay_rates.html",
            "training_after.html",
            "review.html",
            "reviews.html",
            "courses.html",
            "insights.html",
            "surveys.html",
            "survey_form.html",
            "survey_settings.html",
            "training_surveys.html",
            "mail/survey.txt",
            "retention.html",
            "settings.html",
            "exports.html",
            "exports_live.html",
        );
        env.add_function("t", t);
        env.add_filter("day", day);
        env.add_filter("time", time);
        env.add_filter("duration", duration);
        env.add_filter("iso", iso);
        env.add_filter("hundredths", hundredths);
        Templates { env }
    }

    /// Renders a page with the common context (user, language, CSRF token, path).
    pub fn render(
        &self,
        name: &str,
        ctx: &Ctx,
        demo: bool,
        page: Value,
    ) -> Result<Html<String>, AppError> {
        let base = context! {
            user => ctx.user,
            lang => ctx.lang.code(),
            csrf => ctx.csrf,
            path => ctx.path,
            demo => demo,
        };
        let tmpl = self
            .env
            .get_template(name)
            .map_err(|e| AppError::Internal(anyhow::anyhow!("template {name}: {e}")))?;
        tmpl.render(context! { ..page, ..base })
            .map(Html)
            .map_err(|e| AppError::Internal(anyhow::anyhow!("rendering {name}: {e:#}")))
    }

    /// Renders a plain-text mail in `lang`.
    pub fn text(&self, name: &str, lang: Lang, page: Value) -> Result<String, AppError> {
        let tmpl = self
            .env
            .get_template(name)
            .map_err(|e| AppError::Internal(anyhow::anyhow!("template {name}: {e}")))?;
        tmpl.render(context! { ..page, ..context! { lang => lang.code() } })
            .map(|s| s.trim().replace("\n\n\n", "\n\n"))
            .map_err(|e| AppError::Internal(anyhow::anyhow!("rendering {name}: {e:#}")))
    }

    pub fn error_page(
        &self,
        ctx: Option<&Ctx>,
        lang: Lang,
        status: StatusCode,
        report: &ErrorReport,
    ) -> Html<String> {
        let fallback = Ctx {
            user: None,
            lang,
            csrf: String::new(),
            bearer: false,
            path: "/".into(),
        };
        let ctx = ctx.unwrap_or(&fallback);
        let page = context! {
            status => status.as_u16(),
            title_key => report.key,
            detail => report.detail,
        };
        self.render("error.html", ctx, false, page)
            .unwrap_or_else(|_| {
                Html(format!(
                    "<!doctype html><html lang=\"{}\"><title>{}</title><h1>{}</h1></html>",
                    lang.code(),
                    status.as_u16(),
                    i18n::t(lang, &report.key)
                ))
            })
    }
}

impl Default for Templates {
    fn default() -> Self {
        Self::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_template_compiles_and_every_key_it_names_exists() {
        let templates = Templates::new();
        let fr: Vec<String> = i18n::FRENCH_SOURCES
            .iter()
            .flat_map(|s| i18n::ids(s))
            .collect();
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("templates");
        let mut files = Vec::new();
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                files.extend(std::fs::read_dir(&path).unwrap().map(|e| e.unwrap().path()));
            } else {
                files.push(path);
            }
        }
        for path in files {
            let name = path
                .strip_prefix(&dir)
                .unwrap()
                .to_str()
                .unwrap()
                .to_owned();
            assert!(
                templates.env.get_template(&name).is_ok(),
                "{name} is not registered"
            );
            let text = std::fs::read_to_string(&path).unwrap();
            let mut parts = text.split("t(\"");
            let mut before = parts.next().unwrap_or("");
            for part in parts {
                // `t("…")`, not the end of another name such as `select("…")`.
                let is_call = !before.ends_with(|c: char| c.is_alphanumeric() || c == '_');
                before = part;
                if !is_call {
                    continue;
                }
                let key = part.split('"').next().unwrap();
                if key.ends_with('-') {
                    continue; // a prefix completed at run time, e.g. "role-" ~ user.role
                }
                assert!(
                    fr.iter().any(|k| k == key),
                    "{name} uses {key:?}, missing from fr.ftl"
                );
            }
        }
    }
}

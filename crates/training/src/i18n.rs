//! Translations (Fluent), French first. Every user-visible string goes through `locales/*.ftl`.

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use serde::Serialize;
use std::sync::OnceLock;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    Fr,
    En,
}

impl Lang {
    pub fn code(self) -> &'static str {
        match self {
            Lang::Fr => "fr",
            Lang::En => "en",
        }
    }

    pub fn parse(s: &str) -> Option<Lang> {
        match s.trim().get(..2).map(str::to_ascii_lowercase).as_deref() {
            Some("fr") => Some(Lang::Fr),
            Some("en") => Some(Lang::En),
            _ => None,
        }
    }

    /// The language of an account's `locale`, French when it names none we have.
    pub fn of_locale(locale: &str) -> Lang {
        Lang::parse(locale).unwrap_or_default()
    }

    /// The first supported language of an `Accept-Language` header, by preference order.
    pub fn from_accept_language(header: &str) -> Option<Lang> {
        let mut langs: Vec<(f32, Lang)> = header
            .split(',')
            .filter_map(|part| {
                let mut it = part.split(';');
                let tag = it.next()?.trim();
                let q = it
                    .find_map(|p| p.trim().strip_prefix("q="))
                    .and_then(|q| q.parse::<f32>().ok())
                    .unwrap_or(1.0);
                Lang::parse(tag).map(|l| (q, l))
            })
            .collect();
        langs.sort_by(|a, b| b.0.total_cmp(&a.0));
        langs.first().map(|(_, l)| *l)
    }
}

struct Bundles {
    fr: FluentBundle<FluentResource>,
    en: FluentBundle<FluentResource>,
}

/// The translation files, one per area of the product; each language has the same set.
macro_rules! locale_files {
    ($lang:literal) => {
        [
            include_str!(concat!("../locales/", $lang, "/main.ftl")),
            include_str!(concat!("../locales/", $lang, "/before.ftl")),
            include_str!(concat!("../locales/", $lang, "/equipment.ftl")),
            include_str!(concat!("../locales/", $lang, "/during.ftl")),
            include_str!(concat!("../locales/", $lang, "/attendance.ftl")),
            include_str!(concat!("../locales/", $lang, "/after.ftl")),
            include_str!(concat!("../locales/", $lang, "/surveys.ftl")),
            include_str!(concat!("../locales/", $lang, "/sign_in.ftl")),
            include_str!(concat!("../locales/", $lang, "/second_factor.ftl")),
        ]
    };
}

/// Every French source, for tests that check keys and typography.
pub const FRENCH_SOURCES: [&str; 9] = locale_files!("fr");
/// Every English source.
pub const ENGLISH_SOURCES: [&str; 9] = locale_files!("en");

fn bundle(lang: &str, sources: &[&'static str]) -> FluentBundle<FluentResource> {
    let id: unic_langid::LanguageIdentifier = lang.parse().expect("valid language id");
    let mut b = FluentBundle::new_concurrent(vec![id]);
    // Bidi isolation marks would end up inside HTML attributes and e-mails.
    b.set_use_isolating(false);
    for source in sources {
        let res = FluentResource::try_new((*source).to_owned()).expect("locale files parse");
        b.add_resource(res).expect("no duplicate message ids");
    }
    b
}

fn bundles() -> &'static Bundles {
    static B: OnceLock<Bundles> = OnceLock::new();
    B.get_or_init(|| Bundles {
        fr: bundle("fr", &FRENCH_SOURCES),
        en: bundle("en", &ENGLISH_SOURCES),
    })
}

/// Translates `key` with named arguments; falls back to French, then to the key itself
/// (a missing key is caught by the test that compares the two files).
pub fn tr(lang: Lang, key: &str, args: &[(&str, String)]) -> String {
    let b = bundles();
    let primary = match lang {
        Lang::Fr => &b.fr,
        Lang::En => &b.en,
    };
    for bundle in [primary, &b.fr] {
        if let Some(pattern) = bundle.get_message(key).and_then(|m| m.value()) {
            let mut fargs = FluentArgs::new();
            for (k, v) in args {
                // Plain integers become numbers so that plural rules apply to them.
                let integer = !v.is_empty()
                    && v.len() <= 15
                    && v.bytes().all(|c| c.is_ascii_digit())
                    && (v == "0" || !v.starts_with('0'));
                match v.parse::<f64>() {
                    Ok(n) if integer => fargs.set(*k, FluentValue::from(n)),
                    _ => fargs.set(*k, FluentValue::from(v.as_str())),
                }
            }
            let mut errors = vec![];
            return bundle
                .format_pattern(pattern, Some(&fargs), &mut errors)
                .into_owned();
        }
    }
    key.to_owned()
}

pub fn t(lang: Lang, key: &str) -> String {
    tr(lang, key, &[])
}

/// The message for a refused value, in `lang`.
pub fn invalid(lang: Lang, e: &hybride_domain::Invalid) -> String {
    match &e.arg {
        Some(a) => tr(lang, e.key, &[("value", a.clone())]),
        None => t(lang, e.key),
    }
}

/// Message ids defined in a locale file.
pub fn ids(source: &str) -> Vec<String> {
    source
        .lines()
        .filter(|l| !l.starts_with([' ', '#', '-', '\t']) && l.contains(" ="))
        .filter_map(|l| l.split(" =").next())
        .map(|s| s.trim().to_owned())
        .collect()
}

/// Whether `key` is a message of the French catalogue.
pub fn exists(key: &str) -> bool {
    bundles().fr.has_message(key)
}

/// The keys a template names through `t("…")`, except prefixes completed at run time
/// (`t("role-" ~ user.role)`).
pub fn keys_named(template: &str) -> Vec<String> {
    let mut keys = Vec::new();
    let mut parts = template.split("t(\"");
    let mut before = parts.next().unwrap_or("");
    for part in parts {
        // `t("…")`, not the end of another name such as `select("…")`.
        let is_call = !before.ends_with(|c: char| c.is_alphanumeric() || c == '_');
        before = part;
        let key = part.split('"').next().unwrap_or("");
        if is_call && !key.ends_with('-') {
            keys.push(key.to_owned());
        }
    }
    keys
}

/// A calendar day in words: « lundi 30 novembre 2026 ».
pub fn day_words(lang: Lang, date: jiff::civil::Date) -> String {
    let weekday = t(
        lang,
        &format!("weekday-{}", date.weekday().to_monday_one_offset()),
    );
    let month = t(lang, &format!("month-{}", date.month()));
    match (lang, date.day()) {
        // « le 1er décembre »: French writes the first of the month as an ordinal.
        (Lang::Fr, 1) => format!("{weekday} 1er {month} {}", date.year()),
        _ => format!("{weekday} {} {month} {}", date.day(), date.year()),
    }
}

/// A number of minutes as people read it: « 6 h 30 ».
pub fn duration(m: i64) -> String {
    hybride_domain::Minutes::new(u32::try_from(m.max(0)).unwrap_or(u32::MAX))
        .map(|m| m.to_string())
        .unwrap_or_else(|_| format!("{m}\u{a0}min"))
}

/// A time of day as documents print it: `14:05` (Europe/Paris).
pub fn hm(ts: i64) -> String {
    hybride_domain::time::civil(ts)
        .time()
        .strftime("%H:%M")
        .to_string()
}

/// A time of day as people read it: « 8 h 23 » in French, « 08:23 » in English (Europe/Paris).
pub fn clock(lang: Lang, ts: i64) -> String {
    let t = hybride_domain::time::civil(ts).time();
    match lang {
        Lang::Fr => format!("{}\u{a0}h\u{a0}{:02}", t.hour(), t.minute()),
        Lang::En => format!("{:02}:{:02}", t.hour(), t.minute()),
    }
}

/// An instant in words: « jeudi 3 décembre 2026, 8 h 23 » (Europe/Paris).
pub fn instant_words(lang: Lang, ts: i64) -> String {
    format!(
        "{}, {}",
        day_words(lang, hybride_domain::time::civil(ts).date()),
        clock(lang, ts)
    )
}

/// A half-day named in words: « jeudi 14 janvier 2027, matin ».
pub fn slot_label(lang: Lang, s: &hybride_domain::attendance::Slot) -> String {
    format!(
        "{}, {}",
        day_words(lang, s.date),
        t(lang, &format!("half-day-{}", s.half.as_str()))
    )
}

/// The snake_case name serde gives a unit enum value (`in_person`, `on_track`…).
pub fn key(x: &impl Serialize) -> String {
    serde_json::to_value(x)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_languages_define_the_same_messages() {
        let mut fr: Vec<String> = FRENCH_SOURCES.iter().flat_map(|s| ids(s)).collect();
        let mut en: Vec<String> = ENGLISH_SOURCES.iter().flat_map(|s| ids(s)).collect();
        fr.sort();
        en.sort();
        let missing_en: Vec<_> = fr.iter().filter(|k| !en.contains(k)).collect();
        let missing_fr: Vec<_> = en.iter().filter(|k| !fr.contains(k)).collect();
        assert!(
            missing_en.is_empty() && missing_fr.is_empty(),
            "en lacks {missing_en:?}, fr lacks {missing_fr:?}"
        );
        let mut dedup = fr.clone();
        dedup.dedup();
        assert_eq!(dedup.len(), fr.len(), "duplicate ids");
    }

    #[test]
    fn french_typography_uses_non_breaking_spaces() {
        for line in FRENCH_SOURCES.iter().flat_map(|s| s.lines()) {
            if line.trim_start().starts_with('#') {
                continue;
            }
            let value = line.split_once(" = ").map(|x| x.1).unwrap_or(line);
            for p in [" :", " ;", " ?", " !", "« ", " »"] {
                assert!(!value.contains(p), "ordinary space in {p:?}: {line}");
            }
        }
    }

    #[test]
    fn translates_with_arguments() {
        assert_eq!(
            tr(Lang::En, "error-too-long", &[("value", "100".into())]),
            "At most 100 characters."
        );
        assert!(tr(Lang::Fr, "error-too-long", &[("value", "100".into())]).contains("100"));
        assert_eq!(
            Lang::from_accept_language("en-GB,en;q=0.9,fr;q=0.8"),
            Some(Lang::En)
        );
        assert_eq!(Lang::from_accept_language("de, fr;q=0.5"), Some(Lang::Fr));
        assert_eq!(Lang::from_accept_language("de"), None);
        // French counts 0 as singular: zero is said in words, never « 0 message ».
        let ex = |p: &str, a: &str, m: &str| {
            tr(
                Lang::Fr,
                "exchanges-line",
                &[
                    ("posts", p.into()),
                    ("answers", a.into()),
                    ("messages", m.into()),
                ],
            )
        };
        assert_eq!(
            ex("0", "1", "2"),
            "Échanges avec les formateurs\u{a0}: aucun message sur le forum, une réponse reçue, 2 relances personnelles."
        );
    }
}

//! Every message is rendered with 0, 1 and 2 for each of its variables, in both languages: no
//! « (s) » anywhere, and no plural noun after « 1 » (nor after « 0 » in French, which reads 0
//! as singular). Counts go through Fluent's plural rules instead.

use hybride_training::i18n::{self, Lang, ENGLISH_SOURCES, FRENCH_SOURCES};

/// Words that end in s or x in the singular too.
const INVARIABLE: [&str; 14] = [
    "mois", "cours", "fois", "temps", "sur", "dans", "sous", "après", "depuis", "plus", "moins",
    "prix", "choix", "is",
];

/// Variables that hold no count, by message: a person's name, a label, a duration or a date
/// already in words, a suffix written by another message. A digit in their place would read as
/// a count and the word after it be judged, so they are rendered with the sample given here.
const NOT_COUNTS: [(&str, &str, &str); 21] = [
    // A person's name, then a verb or a participle: « Camille Martin n’a pas testé… ».
    ("evidence-equipment-untested", "name", "Camille Martin"),
    ("evidence-question-overdue", "name", "Camille Martin"),
    ("evidence-review-submitted", "name", "Camille Martin"),
    ("forum-overdue-line", "name", "Camille Martin"),
    ("mail-mention-intro", "name", "Camille Martin"),
    ("mail-mention-subject", "name", "Camille Martin"),
    // The trainer who sends the review: a name too.
    ("review-mail-intro", "trainer", "Camille Martin"),
    (
        "mail-qualification-asked-subject",
        "trainer",
        "Camille Martin",
    ),
    ("mail-qualification-asked-body", "trainer", "Camille Martin"),
    (
        "mail-qualification-enrolled-body",
        "pilot",
        "Camille Martin",
    ),
    ("mail-question-asked-body", "trainer", "Camille Martin"),
    ("mail-question-passed-body", "admin", "Camille Martin"),
    // The hours budget's label (« Distanciel synchrone »), then the scenario's and the
    // training's durations, already written « 6 h 30 »: « 6 h 30 déclarées ».
    ("advice-hours-mismatch", "budget", "Distanciel synchrone"),
    ("advice-hours-mismatch", "planned", "6 h 30"),
    ("advice-hours-mismatch", "declared", "6 h 30"),
    // The time credited and the time estimated, durations written « 6 h 30 »: « sur 6 h 30
    // estimés ».
    ("pdf-declarations-total", "credited", "6 h 30"),
    ("pdf-declarations-total", "estimated", "6 h 30"),
    // The certificate's completed and planned durations, written « 6 h 30 »: « sur 6 h 30
    // prévues ».
    ("pdf-certificate-attests", "achieved", "6 h 30"),
    ("pdf-certificate-attests", "planned", "6 h 30"),
    ("pdf-certificate-attests-delegate", "achieved", "6 h 30"),
    ("pdf-certificate-attests-delegate", "planned", "6 h 30"),
];

/// What `var` of message `id` is rendered with for `n`: `n`, unless it holds no count.
fn sample(id: &str, var: &str, n: &str) -> String {
    NOT_COUNTS
        .iter()
        .find(|(i, v, _)| *i == id && *v == var)
        .map_or(n, |(_, _, s)| s)
        .to_owned()
}

/// The variables a message's source names (`{ $count }`), in its value, variants and attributes.
fn variables(source: &str, id: &str) -> Vec<String> {
    let mut lines = source
        .lines()
        .skip_while(|l| !l.starts_with(&format!("{id} =")));
    let mut block = lines.next().unwrap_or("").to_owned();
    for l in lines {
        // A select's closing brace may start a line: « } sur le forum, { $answers -> ».
        if l.starts_with([' ', '\t', '}']) || l.is_empty() {
            block.push('\n');
            block.push_str(l);
        } else {
            break;
        }
    }
    let mut out = Vec::new();
    for part in block.split('$').skip(1) {
        let name: String = part
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == '-')
            .collect();
        if !name.is_empty() && !out.contains(&name) {
            out.push(name);
        }
    }
    out
}

/// The word that follows each standalone number `n` in `text`.
fn words_after(text: &str, n: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let digits: Vec<char> = n.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i + digits.len() <= chars.len() {
        let starts = i == 0 || !(chars[i - 1].is_alphanumeric() || ",.:/-".contains(chars[i - 1]));
        let end = i + digits.len();
        let whole = chars[i..end] == digits[..]
            && (end == chars.len()
                || !(chars[end].is_alphanumeric() || ",.:".contains(chars[end])));
        if starts && whole {
            let rest: String = chars[end..].iter().collect();
            let rest = rest.trim_start_matches([' ', '\u{a0}', '\u{202f}']);
            let word: String = rest.chars().take_while(|c| c.is_alphabetic()).collect();
            if !word.is_empty() && rest.len() < chars[end..].iter().collect::<String>().len() {
                out.push(word);
            }
        }
        i += 1;
    }
    out
}

fn check(lang: Lang, sources: &[&str], problems: &mut Vec<String>) {
    for source in sources {
        for id in i18n::ids(source) {
            let vars = variables(source, &id);
            // A message without variables is read too: « L’intervenant(e) » has no count, but
            // no « (e) » either.
            for n in ["0", "1", "2"] {
                let args: Vec<(&str, String)> = vars
                    .iter()
                    .map(|v| (v.as_str(), sample(&id, v, n)))
                    .collect();
                let text = i18n::tr(lang, &id, &args);
                for mark in ["(s)", "(x)", "(e)", "(es)", "(nt)"] {
                    if text.contains(mark) {
                        problems.push(format!("{lang:?} {id} with {n}: « {text} »"));
                    }
                }
                let singular = n == "1" || (n == "0" && lang == Lang::Fr);
                if singular {
                    for word in words_after(&text, n) {
                        let lower = word.to_lowercase();
                        let plural = lower.len() > 2
                            && (lower.ends_with('s') || (lang == Lang::Fr && lower.ends_with('x')))
                            && !INVARIABLE.contains(&lower.as_str());
                        if plural {
                            problems.push(format!("{lang:?} {id} with {n}: « {text} »"));
                        }
                    }
                }
            }
        }
    }
}

#[test]
fn every_count_agrees_with_its_number() {
    let mut problems = Vec::new();
    check(Lang::Fr, &FRENCH_SOURCES, &mut problems);
    check(Lang::En, &ENGLISH_SOURCES, &mut problems);
    problems.sort();
    problems.dedup();
    assert!(
        problems.is_empty(),
        "{} messages read wrong:\n{}",
        problems.len(),
        problems.join("\n")
    );
}

#[test]
fn the_checks_find_what_they_look_for() {
    assert_eq!(words_after("1 stagiaire sur 2", "1"), ["stagiaire"]);
    assert_eq!(
        words_after("11 stagiaires, 1,5 h", "1"),
        Vec::<String>::new()
    );
    assert_eq!(words_after("à 1\u{a0}h", "1"), ["h"]);
    assert_eq!(
        variables(
            "a = { $count ->\n    [one] x\n   *[other] { $n } y\n}\nb = z",
            "a"
        ),
        ["count", "n"]
    );
    assert_eq!(
        variables(
            "a = { $posts ->\n   *[other] x\n} et { $answers ->\n   *[other] y\n}.\nb = z",
            "a"
        ),
        ["posts", "answers"]
    );
    // Every variable said to hold no count is one of its message's.
    for (id, var, _) in NOT_COUNTS {
        let named = FRENCH_SOURCES
            .iter()
            .chain(&ENGLISH_SOURCES)
            .any(|s| variables(s, id).iter().any(|v| v == var));
        assert!(named, "{id} has no variable {var}");
    }
}

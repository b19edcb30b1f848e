//! The satisfaction surveys of a cohort: « à chaud » when it ends, « à froid » some weeks later.
//! The académie writes the questions (a 1-to-5 scale, or a free comment); each survey keeps the
//! questions it was sent with, so that later edits never change what a trainee answered. Answers
//! are kept without the name of who gave them; the results are counts, means and comments.

use crate::{FieldErrors, Invalid};
use serde::{Deserialize, Serialize};

crate::words! {
    /// When a survey is sent.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, utoipa::ToSchema)]
    #[serde(rename_all = "snake_case")]
    pub enum SurveyKind (refused_with_value "error-survey-kind") {
        /// À chaud: when the cohort's last activity has ended.
        Hot = "hot",
        /// À froid: some weeks after the end, to ask what became of it in practice.
        Cold = "cold",
    }
}

crate::words! {
    /// How a question is answered.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, utoipa::ToSchema)]
    #[serde(rename_all = "snake_case")]
    pub enum QuestionKind (refused_with_value "error-question-kind") {
        /// 1 (pas du tout) to 5 (tout à fait); required.
        Scale = "scale",
        /// A free comment; optional.
        Text = "text",
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Question {
    /// One line with a visible character, 300 characters at most.
    #[schema(
        min_length = 1,
        max_length = 300,
        pattern = r"^[^\x00-\x1f\x7f-\x9f]*[^\s\x00-\x1f\x7f-\x9f][^\x00-\x1f\x7f-\x9f]*$"
    )]
    pub text: String,
    pub kind: QuestionKind,
}

impl Question {
    fn new(text: &str, kind: QuestionKind) -> Question {
        Question {
            text: text.to_owned(),
            kind,
        }
    }
}

/// The most questions a survey holds (a satisfaction survey is answered in a few minutes).
pub const MAX_QUESTIONS: usize = 10;
/// The longest question, in characters.
pub const MAX_QUESTION_CHARS: usize = 300;
/// The longest comment, in characters.
pub const MAX_COMMENT_CHARS: usize = 4_000;

/// What the académie sets for its surveys.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct SurveySettings {
    /// One scale question at least.
    #[schema(min_items = 1, max_items = 10)]
    pub hot: Vec<Question>,
    /// One scale question at least.
    #[schema(min_items = 1, max_items = 10)]
    pub cold: Vec<Question>,
    /// Days between the end of the cohort and the « à froid » survey (7 to 365).
    #[schema(minimum = 7, maximum = 365)]
    pub cold_after_days: i64,
    /// Days a survey stays open to answers once sent (3 to 90).
    #[schema(minimum = 3, maximum = 90)]
    pub open_days: i64,
    /// Days before a survey closes when those who have not answered are reminded once (0: no
    /// reminder; fewer than `open_days`).
    #[serde(default = "default_remind_days")]
    #[schema(minimum = 0, maximum = 89)]
    pub remind_days: i64,
}

fn default_remind_days() -> i64 {
    3
}

impl Default for SurveySettings {
    fn default() -> Self {
        use QuestionKind::{Scale, Text};
        SurveySettings {
            hot: vec![
                Question::new(
                    "Les objectifs annoncés de la formation ont été atteints.",
                    Scale,
                ),
                Question::new(
                    "L’articulation entre présentiel, classe virtuelle et travail à distance m’a convenu.",
                    Scale,
                ),
                Question::new(
                    "L’accompagnement à distance (forum, tutorat, réponses) m’a aidé.",
                    Scale,
                ),
                Question::new("Je recommanderais cette formation à un collègue.", Scale),
                Question::new("Ce que je retiens, ce qui serait à améliorer :", Text),
            ],
            cold: vec![
                Question::new(
                    "J’ai réinvesti ce que j’ai appris dans ma pratique professionnelle.",
                    Scale,
                ),
                Question::new("Les ressources de la formation me sont encore utiles.", Scale),
                Question::new("Un exemple de ce que j’ai changé depuis la formation :", Text),
            ],
            cold_after_days: 42,
            open_days: 21,
            remind_days: default_remind_days(),
        }
    }
}

impl SurveySettings {
    pub fn questions(&self, kind: SurveyKind) -> &[Question] {
        match kind {
            SurveyKind::Hot => &self.hot,
            SurveyKind::Cold => &self.cold,
        }
    }

    /// Checks settings given whole (as the API does) by the same rules as the form, each
    /// question named by its form field (`hot_text_0`…).
    pub fn check(&self) -> Result<SurveySettings, FieldErrors> {
        for kind in SurveyKind::ALL {
            if self.questions(kind).len() > MAX_QUESTIONS {
                let mut e = FieldErrors::new();
                e.add(
                    row_fields(kind).0[0],
                    Invalid::with("error-too-many-questions", MAX_QUESTIONS),
                );
                return Err(e);
            }
        }
        // An empty question would be left out silently, as an empty row of the form is.
        let mut e = FieldErrors::new();
        for kind in SurveyKind::ALL {
            for (i, q) in self.questions(kind).iter().enumerate() {
                if q.text.trim().is_empty() {
                    e.add(row_fields(kind).0[i], Invalid::new("error-required"));
                }
            }
        }
        if !e.is_empty() {
            return Err(e);
        }
        parse_settings(|field| {
            if field == "cold_after_days" {
                return self.cold_after_days.to_string();
            }
            if field == "open_days" {
                return self.open_days.to_string();
            }
            if field == "remind_days" {
                return self.remind_days.to_string();
            }
            for kind in SurveyKind::ALL {
                let (texts, kinds) = row_fields(kind);
                for (i, q) in self.questions(kind).iter().enumerate() {
                    if texts[i] == field {
                        return q.text.clone();
                    }
                    if kinds[i] == field {
                        return q.kind.as_str().to_owned();
                    }
                }
            }
            String::new()
        })
    }
}

/// Field names of the settings form, row by row (static, as field errors name their field).
pub const HOT_TEXT: [&str; MAX_QUESTIONS] = [
    "hot_text_0",
    "hot_text_1",
    "hot_text_2",
    "hot_text_3",
    "hot_text_4",
    "hot_text_5",
    "hot_text_6",
    "hot_text_7",
    "hot_text_8",
    "hot_text_9",
];
pub const HOT_KIND: [&str; MAX_QUESTIONS] = [
    "hot_kind_0",
    "hot_kind_1",
    "hot_kind_2",
    "hot_kind_3",
    "hot_kind_4",
    "hot_kind_5",
    "hot_kind_6",
    "hot_kind_7",
    "hot_kind_8",
    "hot_kind_9",
];
pub const COLD_TEXT: [&str; MAX_QUESTIONS] = [
    "cold_text_0",
    "cold_text_1",
    "cold_text_2",
    "cold_text_3",
    "cold_text_4",
    "cold_text_5",
    "cold_text_6",
    "cold_text_7",
    "cold_text_8",
    "cold_text_9",
];
pub const COLD_KIND: [&str; MAX_QUESTIONS] = [
    "cold_kind_0",
    "cold_kind_1",
    "cold_kind_2",
    "cold_kind_3",
    "cold_kind_4",
    "cold_kind_5",
    "cold_kind_6",
    "cold_kind_7",
    "cold_kind_8",
    "cold_kind_9",
];
/// Field names of a trainee's answers, question by question.
pub const ANSWER: [&str; MAX_QUESTIONS] =
    ["q0", "q1", "q2", "q3", "q4", "q5", "q6", "q7", "q8", "q9"];

/// The field names of one survey's rows in the settings form.
pub fn row_fields(kind: SurveyKind) -> (&'static [&'static str], &'static [&'static str]) {
    match kind {
        SurveyKind::Hot => (&HOT_TEXT, &HOT_KIND),
        SurveyKind::Cold => (&COLD_TEXT, &COLD_KIND),
    }
}

/// Reads the settings form: `get(field)` gives a field's raw value (empty when absent). A row
/// whose text is empty is left out; each survey needs one scale question at least.
pub fn parse_settings(get: impl Fn(&str) -> String) -> Result<SurveySettings, FieldErrors> {
    let mut e = FieldErrors::new();
    let days = |field: &'static str, range: std::ops::RangeInclusive<i64>, key: &'static str| {
        let raw = get(field);
        raw.trim()
            .parse::<i64>()
            .ok()
            .filter(|d| range.contains(d))
            .ok_or_else(|| Invalid::with(key, raw.trim()))
    };
    let cold_after_days = e.check(
        "cold_after_days",
        days("cold_after_days", 7..=365, "error-survey-cold-days"),
    );
    let open_days = e.check(
        "open_days",
        days("open_days", 3..=90, "error-survey-open-days"),
    );
    let remind_days = e.check(
        "remind_days",
        days("remind_days", 0..=89, "error-survey-remind-days"),
    );
    if let (Some(r), Some(o)) = (remind_days, open_days) {
        if r >= o {
            e.add(
                "remind_days",
                Invalid::with("error-survey-remind-after-close", o),
            );
        }
    }
    let mut lists = Vec::new();
    for kind in SurveyKind::ALL {
        let (texts, kinds) = row_fields(kind);
        let mut questions = Vec::new();
        for (text_field, kind_field) in texts.iter().zip(kinds.iter()) {
            let raw = get(text_field);
            if raw.trim().is_empty() {
                continue;
            }
            let q_kind = e.check(kind_field, QuestionKind::parse(&get(kind_field)));
            let Some(text) = e.check(
                text_field,
                crate::text::clean(&raw, MAX_QUESTION_CHARS, false),
            ) else {
                continue;
            };
            if let Some(k) = q_kind {
                questions.push(Question { text, kind: k });
            }
        }
        if !questions.iter().any(|q| q.kind == QuestionKind::Scale) && e.get(texts[0]).is_none() {
            e.add(texts[0], Invalid::new("error-survey-needs-scale"));
        }
        lists.push(questions);
    }
    let cold = lists.pop().unwrap_or_default();
    let hot = lists.pop().unwrap_or_default();
    match (cold_after_days, open_days, remind_days) {
        (Some(cold_after_days), Some(open_days), Some(remind_days)) if e.is_empty() => {
            Ok(SurveySettings {
                hot,
                cold,
                cold_after_days,
                open_days,
                remind_days,
            })
        }
        _ => Err(e),
    }
}

/// One answer to one question.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Answer {
    Score(u8),
    Comment(String),
    /// A free comment left empty.
    Skipped,
}

/// Reads a trainee's answers, one raw value per question: a scale needs 1 to 5, a comment may be
/// empty (up to [`MAX_COMMENT_CHARS`]).
pub fn parse_answers(questions: &[Question], raw: &[String]) -> Result<Vec<Answer>, FieldErrors> {
    let mut e = FieldErrors::new();
    let mut out = Vec::new();
    for (i, q) in questions.iter().enumerate().take(MAX_QUESTIONS) {
        let value = raw.get(i).map(String::as_str).unwrap_or("").trim();
        match q.kind {
            QuestionKind::Scale => match value.parse::<u8>() {
                Ok(n) if (1..=5).contains(&n) => out.push(Answer::Score(n)),
                _ if value.is_empty() => e.add(ANSWER[i], Invalid::new("error-answer-required")),
                _ => e.add(ANSWER[i], Invalid::with("error-answer-scale", value)),
            },
            QuestionKind::Text => {
                let text = match crate::text::clean(value, MAX_COMMENT_CHARS, true) {
                    Ok(t) => t,
                    Err(invalid) => {
                        e.add(ANSWER[i], invalid);
                        continue;
                    }
                };
                if text.is_empty() {
                    out.push(Answer::Skipped);
                } else {
                    out.push(Answer::Comment(text));
                }
            }
        }
    }
    e.finish(|| out)
}

/// The results of one question over the responses.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct QuestionResult {
    pub text: String,
    pub kind: QuestionKind,
    /// Responses that answered it.
    pub answered: usize,
    /// For a scale: how many gave 1, 2, 3, 4 and 5.
    pub distribution: [usize; 5],
    /// For a scale: the mean, in hundredths (e.g. 412 for 4.12); none without answers.
    pub mean_hundredths: Option<i64>,
    /// For a comment: the comments, in the order they came.
    pub comments: Vec<String>,
}

/// Sums the responses of surveys that asked the same questions; questions are matched by their
/// text and kind, in the order they first appear.
pub fn aggregate<'a>(
    surveys: impl IntoIterator<Item = (&'a [Question], &'a [Vec<Answer>])>,
) -> Vec<QuestionResult> {
    let mut out: Vec<QuestionResult> = Vec::new();
    for (questions, responses) in surveys {
        for (i, q) in questions.iter().enumerate() {
            let at = match out
                .iter()
                .position(|r| r.text == q.text && r.kind == q.kind)
            {
                Some(at) => at,
                None => {
                    out.push(QuestionResult {
                        text: q.text.clone(),
                        kind: q.kind,
                        answered: 0,
                        distribution: [0; 5],
                        mean_hundredths: None,
                        comments: Vec::new(),
                    });
                    out.len() - 1
                }
            };
            let r = &mut out[at];
            for response in responses {
                match (q.kind, response.get(i)) {
                    (QuestionKind::Scale, Some(Answer::Score(n))) if (1..=5).contains(n) => {
                        r.answered += 1;
                        r.distribution[usize::from(*n) - 1] += 1;
                    }
                    (QuestionKind::Text, Some(Answer::Comment(c))) => {
                        r.answered += 1;
                        r.comments.push(c.clone());
                    }
                    _ => {}
                }
            }
        }
    }
    for r in &mut out {
        r.mean_hundredths = mean(&r.distribution);
    }
    out
}

/// The mean of a 1-to-5 distribution, in hundredths, rounded half up.
pub fn mean(distribution: &[usize; 5]) -> Option<i64> {
    let n: usize = distribution.iter().sum();
    if n == 0 {
        return None;
    }
    let total: usize = distribution
        .iter()
        .enumerate()
        .map(|(i, c)| (i + 1) * c)
        .sum();
    let (total, n) = (total as i64, n as i64);
    Some((total * 100 + n / 2) / n)
}

/// The mean over every scale question of the results, in hundredths.
pub fn overall_mean(results: &[QuestionResult]) -> Option<i64> {
    let mut all = [0usize; 5];
    for r in results.iter().filter(|r| r.kind == QuestionKind::Scale) {
        for (a, b) in all.iter_mut().zip(r.distribution) {
            *a += b;
        }
    }
    mean(&all)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use std::collections::HashMap;

    fn form(pairs: &[(&str, &str)]) -> impl Fn(&str) -> String {
        let map: HashMap<String, String> = pairs
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect();
        move |k| map.get(k).cloned().unwrap_or_default()
    }

    #[test]
    fn the_default_surveys_each_have_a_scale_and_a_comment() {
        let s = SurveySettings::default();
        for kind in SurveyKind::ALL {
            let q = s.questions(kind);
            assert!(q.iter().any(|q| q.kind == QuestionKind::Scale));
            assert!(q.iter().any(|q| q.kind == QuestionKind::Text));
            assert!(q.len() <= MAX_QUESTIONS);
        }
    }

    #[test]
    fn settings_are_read_row_by_row_and_empty_rows_are_left_out() {
        let s = parse_settings(form(&[
            ("cold_after_days", "30"),
            ("open_days", "14"),
            ("remind_days", "0"),
            ("hot_text_0", "  Utile ?  "),
            ("hot_kind_0", "scale"),
            ("hot_text_1", ""),
            ("hot_kind_1", "bogus"),
            ("hot_text_2", "Un mot"),
            ("hot_kind_2", "text"),
            ("cold_text_3", "Réinvesti ?"),
            ("cold_kind_3", "scale"),
        ]))
        .unwrap();
        assert_eq!(s.hot.len(), 2);
        assert_eq!(s.hot[0].text, "Utile ?");
        assert_eq!(s.hot[1].kind, QuestionKind::Text);
        assert_eq!(s.cold.len(), 1);
        assert_eq!((s.cold_after_days, s.open_days, s.remind_days), (30, 14, 0));
        // A reminder after the close would never go.
        let e = parse_settings(form(&[
            ("cold_after_days", "30"),
            ("open_days", "7"),
            ("remind_days", "7"),
            ("hot_text_0", "Utile ?"),
            ("hot_kind_0", "scale"),
            ("cold_text_0", "Utile ?"),
            ("cold_kind_0", "scale"),
        ]))
        .unwrap_err();
        assert_eq!(
            e.get("remind_days").unwrap().key,
            "error-survey-remind-after-close"
        );
    }

    #[test]
    fn bad_settings_are_named_field_by_field() {
        let e = parse_settings(form(&[
            ("cold_after_days", "3"),
            ("open_days", "abc"),
            ("remind_days", "x"),
            ("hot_text_0", "Un mot seulement"),
            ("hot_kind_0", "text"),
            ("cold_text_1", &"x".repeat(301)),
            ("cold_kind_1", "scale"),
            ("cold_text_2", "Et ?"),
            ("cold_kind_2", "multiple"),
        ]))
        .unwrap_err();
        assert_eq!(
            e.get("cold_after_days").unwrap().key,
            "error-survey-cold-days"
        );
        assert_eq!(e.get("open_days").unwrap().key, "error-survey-open-days");
        assert_eq!(
            e.get("remind_days").unwrap().key,
            "error-survey-remind-days"
        );
        assert_eq!(e.get("hot_text_0").unwrap().key, "error-survey-needs-scale");
        assert_eq!(e.get("cold_text_1").unwrap().key, "error-too-long");
        assert_eq!(e.get("cold_kind_2").unwrap().key, "error-question-kind");
    }

    #[test]
    fn answers_need_every_scale_and_allow_empty_comments() {
        let q = SurveySettings::default().hot;
        let mut raw = vec![
            "5".to_owned(),
            "4".into(),
            "3".into(),
            "2".into(),
            "".into(),
        ];
        let a = parse_answers(&q, &raw).unwrap();
        assert_eq!(a[0], Answer::Score(5));
        assert_eq!(a[4], Answer::Skipped);
        raw[1] = "6".into();
        raw[2] = "".into();
        raw[4] = "x".repeat(4_001);
        let e = parse_answers(&q, &raw).unwrap_err();
        assert_eq!(e.get("q1").unwrap().key, "error-answer-scale");
        assert_eq!(e.get("q2").unwrap().key, "error-answer-required");
        assert_eq!(e.get("q4").unwrap().key, "error-too-long");
        assert!(e.get("q0").is_none());
    }

    #[test]
    fn results_count_means_and_comments_across_surveys() {
        let q = vec![
            Question::new("Utile ?", QuestionKind::Scale),
            Question::new("Un mot", QuestionKind::Text),
        ];
        let first = vec![
            vec![Answer::Score(5), Answer::Comment("Bien".into())],
            vec![Answer::Score(4), Answer::Skipped],
        ];
        let second = vec![vec![Answer::Score(2), Answer::Comment("Trop long".into())]];
        let other = vec![Question::new("Un mot", QuestionKind::Text)];
        let third = vec![vec![Answer::Comment("Encore".into())]];
        let r = aggregate([
            (q.as_slice(), first.as_slice()),
            (q.as_slice(), second.as_slice()),
            (other.as_slice(), third.as_slice()),
        ]);
        assert_eq!(r.len(), 2);
        assert_eq!(r[0].answered, 3);
        assert_eq!(r[0].distribution, [0, 1, 0, 1, 1]);
        assert_eq!(r[0].mean_hundredths, Some(367));
        assert_eq!(r[1].comments, ["Bien", "Trop long", "Encore"]);
        assert_eq!(overall_mean(&r), Some(367));
    }

    #[test]
    fn settings_given_whole_are_checked_like_the_form() {
        assert_eq!(
            SurveySettings::default().check().unwrap(),
            SurveySettings::default()
        );
        let mut s = SurveySettings::default();
        s.hot[1].text = "  ".into();
        let e = s.check().unwrap_err();
        assert_eq!(e.get("hot_text_1").unwrap().key, "error-required");
        let mut s = SurveySettings {
            cold_after_days: 2,
            ..Default::default()
        };
        s.cold[0].text = "Tab\there".into();
        let e = s.check().unwrap_err();
        assert!(e.get("cold_after_days").is_some());
        assert_eq!(
            e.get("cold_text_0").unwrap().key,
            "error-control-characters"
        );
        let mut s = SurveySettings::default();
        s.cold = vec![s.cold[0].clone(); 11];
        assert_eq!(
            s.check().unwrap_err().get("cold_text_0").unwrap().key,
            "error-too-many-questions"
        );
    }

    proptest! {
        #[test]
        fn a_mean_lies_within_the_scale(d in proptest::array::uniform5(0usize..1000)) {
            match mean(&d) {
                None => prop_assert_eq!(d.iter().sum::<usize>(), 0),
                Some(m) => prop_assert!((100..=500).contains(&m)),
            }
        }

        #[test]
        fn any_answer_text_is_read_or_refused_without_panic(
            raw in proptest::collection::vec(".{0,50}", 0..12)
        ) {
            let q = SurveySettings::default().hot;
            match parse_answers(&q, &raw) {
                Ok(a) => prop_assert_eq!(a.len(), q.len()),
                Err(e) => prop_assert!(!e.is_empty()),
            }
        }

        #[test]
        fn any_settings_form_is_read_or_refused_without_panic(
            values in proptest::collection::vec(".{0,40}", 45)
        ) {
            let mut names: Vec<&str> = vec!["cold_after_days", "open_days", "remind_days"];
            names.extend(HOT_TEXT.iter().chain(&HOT_KIND).chain(&COLD_TEXT).chain(&COLD_KIND));
            let pairs: Vec<(&str, &str)> =
                names.iter().copied().zip(values.iter().map(String::as_str)).collect();
            if let Ok(s) = parse_settings(form(&pairs)) {
                prop_assert!(s.hot.len() <= MAX_QUESTIONS && s.cold.len() <= MAX_QUESTIONS);
                prop_assert!(s.hot.iter().any(|q| q.kind == QuestionKind::Scale));
            }
        }
    }
}

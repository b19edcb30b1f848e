//! The académie's pay rates (arrêté du 7 mai 2012 bands), set by admins.

use super::*;

/// The académie's pay rates form, as typed (euros) or as stored.
#[derive(Deserialize, Default, serde::Serialize)]
pub struct RatesForm {
    #[serde(default)]
    pub(super) hourly_initiation: String,
    #[serde(default)]
    pub(super) hourly_deepening: String,
    #[serde(default)]
    pub(super) hourly_expertise: String,
    #[serde(default)]
    pub(super) hourly_lecture: String,
    #[serde(default)]
    pub(super) hourly_exceptional_lecture: String,
    #[serde(default)]
    pub(super) lump_engineering: String,
    #[serde(default)]
    pub(super) lump_tutoring: String,
    #[serde(default)]
    pub(super) coanimation: String,
}

impl RatesForm {
    pub(super) fn of(r: &Rates) -> RatesForm {
        let e = |c: i64| {
            let s = pay::euros(c);
            s.trim_end_matches('€').trim().replace('\u{202f}', "")
        };
        RatesForm {
            hourly_initiation: e(r.hourly[0]),
            hourly_deepening: e(r.hourly[1]),
            hourly_expertise: e(r.hourly[2]),
            hourly_lecture: e(r.hourly[3]),
            hourly_exceptional_lecture: e(r.hourly[4]),
            lump_engineering: e(r.lumps[0]),
            lump_tutoring: e(r.lumps[1]),
            coanimation: pay::per_mille_words(r.coanimation_per_mille),
        }
    }

    fn hourly(&self) -> [&str; 5] {
        [
            &self.hourly_initiation,
            &self.hourly_deepening,
            &self.hourly_expertise,
            &self.hourly_lecture,
            &self.hourly_exceptional_lecture,
        ]
    }
}

/// Reads the rates form: every amount in euros inside the arrêté's range, the co-animation rule
/// as hours per hour (`1,5`).
pub fn parse_rates(f: &RatesForm) -> Result<Rates, FieldErrors> {
    let mut e = FieldErrors::new();
    let mut r = Rates::default();
    for (i, (raw, field)) in f.hourly().into_iter().zip(HOURLY_FIELDS).enumerate() {
        if let Some(v) = e.check(field, pay::parse_euros(raw)) {
            r.hourly[i] = v;
        }
    }
    for (i, (raw, field)) in [&f.lump_engineering, &f.lump_tutoring]
        .into_iter()
        .zip(LUMP_FIELDS)
        .enumerate()
    {
        if let Some(v) = e.check(field, pay::parse_euros(raw)) {
            r.lumps[i] = v;
        }
    }
    // `1,5` hours per hour: the same reading as an amount, in thousandths.
    match pay::parse_euros(&f.coanimation) {
        Ok(hundredths) => r.coanimation_per_mille = hundredths * 10,
        Err(_) => e.add("coanimation", Invalid::new("error-pay-coanimation-range")),
    }
    if e.is_empty() {
        if let Err(more) = r.check() {
            e = more;
        }
    }
    if e.is_empty() {
        Ok(r)
    } else {
        Err(e)
    }
}

fn rates_page(
    state: &AppState,
    who: &Allowed<Admins>,
    values: &RatesForm,
    errors: Option<&FieldErrors>,
    ok: String,
) -> Result<Response, AppError> {
    page(
        state,
        &who.ctx,
        "pay_rates.html",
        context! {
            values => values,
            errors => errors.map(|e| field_errors(&who.ctx, e)).unwrap_or_default(),
            bands => Band::ALL.iter().zip(HOURLY_FIELDS).map(|(b, f)| {
                let (lo, hi) = b.range();
                context! { band => b.as_str(), field => f, range => format!("{} – {}", pay::euros(lo), pay::euros(hi)) }
            }).collect::<Vec<_>>(),
            lumps => LumpKind::ALL.iter().zip(LUMP_FIELDS).map(|(k, f)| {
                let (lo, hi) = k.range();
                context! { kind => k.as_str(), field => f, range => format!("{} – {}", pay::euros(lo), pay::euros(hi)) }
            }).collect::<Vec<_>>(),
            flash => flash(&Flash { ok }),
        },
        errors.is_some(),
    )
}

/// The académie's pay rates: admins.
pub async fn rates_form(
    State(state): State<AppState>,
    who: Allowed<Admins>,
    Query(q): Query<PayQuery>,
) -> Result<Response, AppError> {
    let r = hybride_training::pay::rates(&state.store).await?;
    rates_page(&state, &who, &RatesForm::of(&r), None, q.ok)
}

pub async fn save_rates(
    State(state): State<AppState>,
    who: Allowed<Admins>,
    CsrfForm(f): CsrfForm<RatesForm>,
) -> Result<Response, AppError> {
    match parse_rates(&f) {
        Ok(r) => {
            hybride_training::pay::set_rates(&state.store, &who.user, &r).await?;
            Ok(done("/settings/pay", "rates-saved"))
        }
        Err(e) => rates_page(&state, &who, &f, Some(&e), String::new()),
    }
}

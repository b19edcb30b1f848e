//! The catalogue of free-access courses (M@gistère, Réseau Canopé, IFÉ), and what the first
//! trainings recommend from it.

use hybride_store::courses::{self, NewCourse};
use hybride_store::{Store, StoreError};

/// Adds the free-access courses to the catalogue (on behalf of `demo_pilot`), and has each of
/// the first six trainings recommend two of them.
pub(crate) async fn add(
    store: &Store,
    training_ids: &[i64],
    demo_pilot: i64,
) -> Result<(), StoreError> {
    let open: Vec<NewCourse> = OPEN_COURSES
        .iter()
        .map(|(title, provider, url, minutes, themes)| NewCourse {
            title: (*title).to_owned(),
            provider: (*provider).to_owned(),
            url: (*url).to_owned(),
            minutes: *minutes,
            themes: (*themes).to_owned(),
        })
        .collect();
    courses::add_all(store, &open, demo_pilot)
        .await
        .map_err(|(_, e)| e)?;
    let catalogue = courses::list(store).await?;
    for (i, training) in training_ids.iter().enumerate().take(6) {
        for course in catalogue.iter().skip(i % 3).step_by(3).take(2) {
            courses::recommend(store, *training, course.id, demo_pilot).await?;
        }
    }
    Ok(())
}

/// Free-access courses of the demo catalogue: title, provider, address, minutes, themes.
const OPEN_COURSES: [(&str, &str, &str, i64, &str); 6] = [
    (
        "Enseigner en mode hybride\u{a0}: les fondamentaux",
        "DGESCO",
        "https://magistere.education.fr/dgesco/course/view.php?id=1201",
        180,
        "hybridation, scénarisation",
    ),
    (
        "Évaluer par compétences au collège",
        "DGESCO",
        "https://magistere.education.fr/dgesco/course/view.php?id=1187",
        120,
        "évaluation, compétences",
    ),
    (
        "Animer une classe virtuelle",
        "Réseau Canopé",
        "https://www.reseau-canope.fr/service/animer-une-classe-virtuelle.html",
        90,
        "classe virtuelle, animation",
    ),
    (
        "Les neurosciences au service des apprentissages",
        "IFÉ",
        "https://ife.ens-lyon.fr/formations/neurosciences-apprentissages",
        240,
        "apprentissages, cognition",
    ),
    (
        "Accueillir les élèves à besoins éducatifs particuliers",
        "Réseau Canopé",
        "https://www.reseau-canope.fr/service/ecole-inclusive-besoins-particuliers.html",
        150,
        "école inclusive",
    ),
    (
        "Le numérique responsable en classe",
        "DGESCO",
        "https://magistere.education.fr/dgesco/course/view.php?id=1240",
        60,
        "numérique, sobriété",
    ),
];

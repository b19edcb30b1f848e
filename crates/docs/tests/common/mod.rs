//! Sample scenarios shared by the tests and the example.

#![allow(dead_code)]

use hybride_docs::{ChronoHeaders, ChronoStep, Chronogramme};

pub fn headers() -> ChronoHeaders {
    ChronoHeaders {
        position: "N°".into(),
        title: "Étape".into(),
        modality: "Modalité".into(),
        learning: "Objectif d'apprentissage".into(),
        duration: "Durée".into(),
        instructions: "Consignes".into(),
        evidence: "Traces attendues".into(),
        trainer_role: "Rôle du formateur".into(),
    }
}

/// Eight steps, as a real hybrid training has them.
pub fn realistic() -> Chronogramme {
    let steps = [
        ("Accueil et positionnement", "Distanciel asynchrone", "async", "Situer ses pratiques d'évaluation au regard des attendus du cycle 3.", "30 min", "Répondez au questionnaire de positionnement en ligne. Déposez une trace d'évaluation récente que vous avez conçue.", "Questionnaire complété, document déposé", "Analyse les réponses pour adapter la journée", vec![]),
        ("Classe virtuelle de lancement", "Classe virtuelle", "virtual_class", "Comprendre les enjeux de l'évaluation positive.", "1 h", "Connectez-vous à la classe virtuelle avec micro et caméra. Présentez-vous en une phrase et partagez une attente.", "Présence, attentes recueillies", "Anime, présente le parcours", vec!["activité sociale"]),
        ("Lecture et apports", "Distanciel asynchrone", "async", "S'approprier les principes de l'évaluation par compétences.", "45 min", "Lisez les deux articles proposés et visionnez la capsule vidéo. Notez trois idées que vous souhaitez mettre en œuvre.", "Trois idées notées dans le padlet", "Répond aux questions sur le forum", vec![]),
        ("Journée en présentiel : ateliers", "Présentiel", "in_person", "Concevoir une grille d'évaluation critériée.", "3 h", "En groupes de quatre, construisez une grille critériée pour une tâche complexe de votre discipline. Confrontez-la à celle d'un autre groupe.", "Grille produite par chaque groupe", "Régule les groupes, apporte des exemples", vec!["activité sociale"]),
        ("Journée en présentiel : analyse", "Présentiel", "in_person", "Analyser des productions d'élèves à l'aide de la grille.", "3 h", "Appliquez votre grille à un corpus de copies anonymisées. Comparez vos évaluations et discutez des écarts.", "Synthèse des écarts", "Anime la mise en commun", vec![]),
        ("Webinaire d'expert", "Webinaire", "webinar", "Connaître les apports de la recherche sur la rétroaction.", "1 h", "Assistez au webinaire et posez vos questions dans la discussion.", "Questions posées", "Modère les questions", vec!["facultative"]),
        ("Mise en œuvre en classe", "Distanciel asynchrone", "async", "Expérimenter la grille avec ses élèves.", "45 min", "Utilisez votre grille avec une classe et recueillez deux productions d'élèves évaluées. Rédigez un court retour d'expérience.", "Retour d'expérience déposé", "Donne un retour individualisé", vec![]),
        ("Classe virtuelle de bilan", "Classe virtuelle", "virtual_class", "Mutualiser et ajuster ses pratiques.", "30 min", "Présentez votre retour d'expérience en trois minutes. Identifiez une piste d'amélioration.", "Pistes d'amélioration partagées", "Synthétise, clôt le parcours", vec!["activité sociale"]),
    ];
    Chronogramme {
        lang: "fr".into(),
        title: "Évaluer pour faire progresser les élèves au cycle 3".into(),
        subtitle: "Plan 2026-2027 · GAIA 26A0100123 / 48213".into(),
        public: "Professeurs des écoles (CM1, CM2) et professeurs de collège (6e)".into(),
        hours: vec![
            ("Présentiel".into(), "6 h".into()),
            ("Distanciel synchrone".into(), "1 h 30".into()),
            ("Distanciel asynchrone".into(), "2 h".into()),
        ],
        headers: headers(),
        steps: steps
            .into_iter()
            .enumerate()
            .map(
                |(
                    i,
                    (title, modality, key, learning, duration, instructions, evidence, role, tags),
                )| ChronoStep {
                    position: u32::try_from(i + 1).unwrap(),
                    title: title.into(),
                    modality: modality.into(),
                    modality_key: key.into(),
                    learning: learning.into(),
                    duration: duration.into(),
                    instructions: instructions.into(),
                    evidence: evidence.into(),
                    trainer_role: role.into(),
                    tags: tags.into_iter().map(String::from).collect(),
                },
            )
            .collect(),
        footer: "Généré par Hybride le 29 novembre 2026".into(),
    }
}

/// `n` steps with three-sentence instructions.
pub fn with_steps(n: usize) -> Chronogramme {
    let mut c = realistic();
    let keys = ["in_person", "virtual_class", "webinar", "async"];
    c.steps = (0..n)
        .map(|i| ChronoStep {
            position: u32::try_from(i + 1).unwrap(),
            title: format!("Étape numéro {}", i + 1),
            modality: format!("Modalité {}", keys[i % 4]),
            modality_key: keys[i % 4].into(),
            learning: "Identifier les leviers d'une évaluation qui fait progresser.".into(),
            duration: "45 min".into(),
            instructions: "Lisez le document d'appui et repérez les notions clés. Échangez avec un pair sur une situation vécue en classe. Déposez une courte synthèse sur l'espace de formation.".into(),
            evidence: "Synthèse déposée".into(),
            trainer_role: "Accompagne, relance, donne un retour".into(),
            tags: if i % 3 == 0 { vec!["activité sociale".into()] } else { vec![] },
        })
        .collect();
    c
}

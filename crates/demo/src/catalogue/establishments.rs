//! The académie's establishments, where trainers and trainees work.

/// A school or establishment of the académie, identified by its UAI.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Establishment {
    /// UAI (RNE): 7 digits (département code first) and one uppercase letter.
    pub uai: &'static str,
    /// One of `école`, `collège`, `lycée`, `lycée professionnel`.
    pub kind: &'static str,
    /// Full name, e.g. `Collège Jean Moulin`.
    pub name: &'static str,
    /// City, e.g. `Villeurbanne`.
    pub city: &'static str,
}

/// Establishments of the académie (écoles, collèges, lycées, lycées professionnels).
#[rustfmt::skip]
pub const ESTABLISHMENTS: &[Establishment] = &[
    // Rhône (069)
    Establishment { uai: "0690012K", kind: "école", name: "École élémentaire Jean Jaurès", city: "Villeurbanne" },
    Establishment { uai: "0690345B", kind: "école", name: "École maternelle Les Tilleuls", city: "Lyon 8e" },
    Establishment { uai: "0690778T", kind: "école", name: "École élémentaire Victor Hugo", city: "Caluire-et-Cuire" },
    Establishment { uai: "0691122P", kind: "école", name: "École primaire Louis Pasteur", city: "Vénissieux" },
    Establishment { uai: "0692201H", kind: "collège", name: "Collège Jean Moulin", city: "Lyon 5e" },
    Establishment { uai: "0692250L", kind: "collège", name: "Collège Lucie Aubrac", city: "Villeurbanne" },
    Establishment { uai: "0692318D", kind: "collège", name: "Collège Elsa Triolet", city: "Vénissieux" },
    Establishment { uai: "0692407S", kind: "collège", name: "Collège Gabriel Rosset", city: "Lyon 7e" },
    Establishment { uai: "0692520C", kind: "collège", name: "Collège Simone Veil", city: "Villefranche-sur-Saône" },
    Establishment { uai: "0693015F", kind: "lycée", name: "Lycée Ampère Saxe", city: "Lyon 3e" },
    Establishment { uai: "0693120N", kind: "lycée", name: "Lycée Marie Curie", city: "Villeurbanne" },
    Establishment { uai: "0693188U", kind: "lycée", name: "Lycée Rosa Parks", city: "Givors" },
    Establishment { uai: "0693301R", kind: "lycée professionnel", name: "Lycée professionnel Louis Lumière", city: "Vaulx-en-Velin" },
    Establishment { uai: "0693402W", kind: "lycée professionnel", name: "Lycée professionnel Frédéric Mistral", city: "Bron" },
    // Ain (001)
    Establishment { uai: "0010456G", kind: "école", name: "École primaire du Bugey", city: "Belley" },
    Establishment { uai: "0011023X", kind: "collège", name: "Collège Jean de La Fontaine", city: "Bourg-en-Bresse" },
    Establishment { uai: "0011145M", kind: "collège", name: "Collège Louis Aragon", city: "Oyonnax" },
    Establishment { uai: "0010820Z", kind: "lycée", name: "Lycée du Val de Saône", city: "Trévoux" },
    Establishment { uai: "0011290E", kind: "lycée professionnel", name: "Lycée professionnel Paul Painlevé", city: "Oyonnax" },
    // Loire (042)
    Establishment { uai: "0420088J", kind: "école", name: "École élémentaire Jules Ferry", city: "Saint-Étienne" },
    Establishment { uai: "0420561L", kind: "école", name: "École maternelle Les Hirondelles", city: "Montbrison" },
    Establishment { uai: "0421034Y", kind: "collège", name: "Collège Jules Vallès", city: "Saint-Étienne" },
    Establishment { uai: "0421207A", kind: "collège", name: "Collège Pierre et Marie Curie", city: "Roanne" },
    Establishment { uai: "0422001V", kind: "lycée", name: "Lycée Claude Fauriel", city: "Saint-Étienne" },
    Establishment { uai: "0422145T", kind: "lycée professionnel", name: "Lycée professionnel Benoît Fourneyron", city: "Saint-Chamond" },
    // Isère (038)
    Establishment { uai: "0380234R", kind: "école", name: "École élémentaire Paul Bert", city: "Grenoble" },
    Establishment { uai: "0381290B", kind: "collège", name: "Collège Stendhal", city: "Grenoble" },
    Establishment { uai: "0381544D", kind: "collège", name: "Collège Jacques Prévert", city: "Bourgoin-Jallieu" },
    Establishment { uai: "0382015H", kind: "lycée", name: "Lycée Champollion", city: "Grenoble" },
    Establishment { uai: "0382304K", kind: "lycée professionnel", name: "Lycée professionnel Jean Jaurès", city: "Échirolles" },
    // Drôme (026)
    Establishment { uai: "0260412S", kind: "école", name: "École primaire Les Lavandes", city: "Montélimar" },
    Establishment { uai: "0261023C", kind: "collège", name: "Collège Camille Vernet", city: "Valence" },
    Establishment { uai: "0262007E", kind: "lycée", name: "Lycée Émile Loubet", city: "Valence" },
    // Ardèche (007)
    Establishment { uai: "0070145P", kind: "collège", name: "Collège Les Perrières", city: "Annonay" },
    Establishment { uai: "0071020N", kind: "lycée professionnel", name: "Lycée professionnel Léonard de Vinci", city: "Aubenas" },
    // Savoie (073)
    Establishment { uai: "0730310W", kind: "école", name: "École élémentaire du Biollay", city: "Chambéry" },
    Establishment { uai: "0731098F", kind: "collège", name: "Collège Jean Rostand", city: "Albertville" },
    Establishment { uai: "0732001L", kind: "lycée", name: "Lycée Louis Armand", city: "Chambéry" },
    // Haute-Savoie (074)
    Establishment { uai: "0740789Z", kind: "école", name: "École primaire Les Marmottes", city: "Cluses" },
    Establishment { uai: "0741234G", kind: "collège", name: "Collège Jean-Jacques Rousseau", city: "Thonon-les-Bains" },
    Establishment { uai: "0742056R", kind: "lycée", name: "Lycée Berthollet", city: "Annecy" },
    Establishment { uai: "0742301U", kind: "lycée professionnel", name: "Lycée professionnel Charles Poncet", city: "Cluses" },
];

//! The names demo people are drawn from.

/// French surnames, realistic variety.
#[rustfmt::skip]
pub const LAST_NAMES: &[&str] = &[
    "Martin", "Bernard", "Thomas", "Petit", "Robert", "Richard", "Durand", "Dubois",
    "Moreau", "Laurent", "Simon", "Michel", "Lefèvre", "Leroy", "Roux", "David",
    "Bertrand", "Morel", "Fournier", "Girard", "Bonnet", "Dupont", "Lambert", "Fontaine",
    "Rousseau", "Vincent", "Muller", "Faure", "André", "Mercier", "Blanc", "Guérin",
    "Boyer", "Garnier", "Chevalier", "François", "Legrand", "Gauthier", "Garcia", "Perrin",
    "Robin", "Clément", "Morin", "Nicolas", "Henry", "Roussel", "Mathieu", "Masson",
    "Marchand", "Duval", "Denis", "Dumont", "Lemaire", "Noël", "Meyer", "Dufour",
    "Meunier", "Brun", "Blanchard", "Giraud", "Joly", "Rivière", "Lucas", "Brunet",
    "Gaillard", "Barbier", "Arnaud", "Martinez", "Gérard", "Roche", "Renard", "Schmitt",
    "Roy", "Colin", "Vidal", "Caron", "Picard", "Fabre", "Aubert", "Lemoine",
    "Renaud", "Dumas", "Lacroix", "Olivier", "Bourgeois", "Benoît", "Rey", "Leclerc",
    "Rolland", "Guillaume", "Lecomte", "Lopez", "Dupuy", "Guillot", "Hubert", "Berger",
    "Carpentier", "Sanchez", "Moulin", "Deschamps", "Huet", "Perez", "Fleury", "Klein",
    "Jacquet", "Poirier", "Marty", "Carré", "Charpentier", "Ménard", "Maillard", "Bailly",
    "Hervé", "Fernandez", "Le Gall", "Léger", "Bouvier", "Prévost", "Perrot", "Germain",
    "Besson", "Le Goff", "Pelletier", "Lévêque", "Weber", "Monnier", "Michaud", "Étienne",
    "Chauvin", "Lemaître", "Maréchal", "Reynaud", "Barthélemy", "Delaunay", "Favre", "Chappaz",
    "Perrillat", "Mollard", "Nguyen", "Tran", "Benali", "Haddad", "Belkacem", "Mansouri",
    "Rahmani", "Chérif", "Ben Ahmed", "Bensaïd", "Diallo", "Traoré", "Ndiaye", "Da Silva",
    "Ferreira", "Pereira", "Dos Santos", "Rossi", "Yilmaz", "Cohen", "Kowalski", "Le Roux",
];

/// French first names, mixed genders and generations.
#[rustfmt::skip]
pub const FIRST_NAMES: &[&str] = &[
    "Camille", "Léa", "Mohamed", "Inès", "Jean-Pierre", "Marie", "Nathalie", "Isabelle",
    "Sylvie", "Catherine", "Christine", "Sandrine", "Valérie", "Céline", "Stéphanie", "Aurélie",
    "Émilie", "Julie", "Sophie", "Claire", "Anne", "Hélène", "Élodie", "Mélanie",
    "Audrey", "Virginie", "Caroline", "Pauline", "Manon", "Chloé", "Sarah", "Lucie",
    "Mathilde", "Charlotte", "Juliette", "Alice", "Emma", "Louise", "Zoé", "Yasmine",
    "Nadia", "Fatima", "Samira", "Leïla", "Aïcha", "Karima", "Linh", "Ana",
    "Françoise", "Monique", "Brigitte", "Martine", "Agnès", "Dominique", "Pascale", "Véronique",
    "Florence", "Marion", "Morgane", "Océane", "Noémie", "Anaïs", "Jean", "Pierre",
    "Michel", "Philippe", "Alain", "Patrick", "Christophe", "Stéphane", "Laurent", "Frédéric",
    "Olivier", "Sébastien", "Nicolas", "Julien", "Thomas", "Guillaume", "Maxime", "Antoine",
    "Alexandre", "Romain", "Vincent", "François", "Benoît", "Jérôme", "Cédric", "Damien",
    "Mathieu", "Hugo", "Lucas", "Théo", "Louis", "Gabriel", "Arthur", "Nathan",
    "Karim", "Mehdi", "Rachid", "Youssef", "Amine", "Samir", "Bilal", "Ibrahima",
    "Moussa", "Kevin", "Bruno", "Gilles", "Hervé", "Didier", "Thierry", "Jean-Marc",
    "Jean-François", "Marc-Antoine", "Loïc", "Yann", "Quentin", "Adrien", "Baptiste", "Rémi",
];

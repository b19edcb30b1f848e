# Avant la formation : scénario, accompagnement, espace numérique, équipement, formateurs qualifiés.

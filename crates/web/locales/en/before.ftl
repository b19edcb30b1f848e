# Before the training: scenario, accompaniment, digital space, equipment, qualified trainers.

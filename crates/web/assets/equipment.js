// Equipment test page (being written).

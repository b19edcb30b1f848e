equipment-title = Tester mon équipement

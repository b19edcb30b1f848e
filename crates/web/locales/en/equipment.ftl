equipment-title = Test my equipment

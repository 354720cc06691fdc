-- fact_unit_people of one snapshot ($snapshot): per unit, the people of the rows whose outcomes do not vary within the
-- snapshot's window, counted at the snapshot date by the metric macro itself (unit_people_at).
INSERT INTO fact_unit_people
SELECT $snapshot, p.* FROM unit_people_at($snapshot, false) p;

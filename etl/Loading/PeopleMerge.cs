namespace Analytics.Etl.Loading;

/// <summary>
/// The people a file names. While the rows are appended, each good row's person (key and masked forms, never the ID
/// number) goes to the temp table load_person, made in the shape of person itself; after the merge, person gets the
/// people who are new and the new masked name of people whose name changed (the file's last line for each person),
/// and nothing for the people it already holds unchanged, so a roster of the same 300,000 people does not rewrite them.
/// </summary>
internal static class PeopleMerge
{
    /// <summary>The columns of load_person: person's own without load_id, plus the line the person was read from.</summary>
    public const string Table = "load_person";

    public static void Prepare(MergeContext merge) => merge.Execute(
        $"CREATE OR REPLACE TEMP TABLE {Table} AS SELECT * EXCLUDE (load_id), CAST(NULL AS INTEGER) AS line_number FROM person WHERE false");

    /// <param name="target">The kind's table: people whose rows were all bad (removed there) are not recorded.</param>
    /// <param name="onePerPerson">Each person is on one row at most (the roster's key is the person): no need to pick the last.</param>
    public static void Settle(MergeContext merge, string target, bool rowsRemoved, bool onePerPerson)
    {
        var kept = rowsRemoved ? $"WHERE person_key IN (SELECT person_key FROM {target} WHERE load_id = $load)" : "";
        merge.Execute(onePerPerson
            ? $"CREATE OR REPLACE TEMP TABLE load_person_last AS SELECT * EXCLUDE (line_number) FROM {Table} {kept}"
            : $"""
              CREATE OR REPLACE TEMP TABLE load_person_last AS
              SELECT person_key, arg_max(id_masked, line_number) AS id_masked, arg_max(name_masked, line_number) AS name_masked,
                     arg_max(gender, line_number) AS gender, arg_max(birth_year, line_number) AS birth_year
              FROM {Table} {kept} GROUP BY person_key
              """);
        merge.Execute("""
            DELETE FROM person p WHERE EXISTS (
                SELECT 1 FROM load_person_last n WHERE n.person_key = p.person_key
                AND (n.name_masked <> p.name_masked OR n.id_masked <> p.id_masked OR n.gender <> p.gender OR n.birth_year <> p.birth_year))
            """);
        merge.Execute("""
            INSERT INTO person (person_key, id_masked, name_masked, gender, birth_year, load_id)
            SELECT n.person_key, n.id_masked, n.name_masked, n.gender, n.birth_year, $load
            FROM load_person_last n WHERE NOT EXISTS (SELECT 1 FROM person p WHERE p.person_key = n.person_key)
            """);
        merge.Execute($"DROP TABLE load_person_last; DROP TABLE {Table}");
    }
}

namespace Analytics.Etl.Extracts;

/// <summary>Row rules of 区划名录 (org units). Whether the parent is a known unit is checked by the loader.</summary>
internal static class OrgUnitRules
{
    private static readonly int[] CodeLengths = [6, 9, 12];

    public static RowOutcome<OrgUnitRow> Check(RowChecks row, int lineNumber)
    {
        var code = row.Code(OrgUnitColumns.Code, CodeLengths);
        var name = row.Required(OrgUnitColumns.Name);
        var kind = row.Required(OrgUnitColumns.Kind);
        var parent = row.Optional(OrgUnitColumns.ParentCode);
        var established = row.Date(OrgUnitColumns.Established, required: false);
        var abolished = row.Date(OrgUnitColumns.Abolished, required: false);

        if (code is not null && kind is not null)
        {
            CheckKind(row, code, kind);
        }

        if (code is not null)
        {
            parent = CheckParent(row, code, parent);
        }

        if (established is { } from && abolished is { } to && to < from)
        {
            row.Problem(OrgUnitColumns.Abolished,
                $"撤销日期 {to:yyyy-MM-dd} 早于设立日期 {from:yyyy-MM-dd}：请核对。",
                $"abolished (撤销日期) {to:yyyy-MM-dd} is before established (设立日期) {from:yyyy-MM-dd}: please check.");
        }

        return row.Outcome(lineNumber, () => new OrgUnitRow(code!, name!, kind!, parent, established, abolished));
    }

    private static void CheckKind(RowChecks row, string code, string kind)
    {
        var allowed = code.Length switch
        {
            6 => ContractVocabulary.DistrictKinds,
            9 => ContractVocabulary.TownKinds,
            _ => ContractVocabulary.CommunityKinds,
        };
        if (!allowed.Contains(kind))
        {
            row.Problem(OrgUnitColumns.Kind,
                $"类型「{CellText.ForMessage(kind)}」与 {code.Length} 位区划代码不符：{code.Length} 位代码的类型应为 {string.Join("、", allowed)}。",
                $"kind (类型) \"{CellText.ForMessage(kind)}\" does not fit a {code.Length}-digit code: it must be one of {string.Join(", ", allowed)}.");
            return;
        }

        if (code.Length != 12)
        {
            return;
        }

        var suffix = int.Parse(code[9..], System.Globalization.CultureInfo.InvariantCulture);
        var expected = suffix switch
        {
            >= 1 and <= 199 => "社区",
            >= 200 and <= 399 => "建制村",
            _ => null,
        };
        if (expected != kind)
        {
            row.Problem(OrgUnitColumns.Kind,
                $"区划代码 {code} 末三位为 {code[9..]}，与类型「{kind}」不符：社区的末三位为 001–199，建制村为 200–399。",
                $"code {code} ends in {code[9..]}, which does not fit kind \"{kind}\": 社区 (community) codes end in 001–199, "
                + "建制村 (village) codes in 200–399.");
        }
    }

    private static string? CheckParent(RowChecks row, string code, string? parent)
    {
        if (code.Length == 6)
        {
            if (parent is not null)
            {
                row.Warning(OrgUnitColumns.ParentCode,
                    "6 位（区(市)县）代码不需要上级代码，已忽略该值。",
                    "A 6-digit (district) code needs no parent_code (上级代码); the value was ignored.");
            }

            return null;
        }

        var prefix = code[..(code.Length - 3)];
        if (parent is null)
        {
            row.Problem(OrgUnitColumns.ParentCode,
                $"上级代码为空：{code.Length} 位代码必须填写上级代码（应为 {prefix}）。",
                $"parent_code (上级代码) is empty: a {code.Length}-digit code needs its parent code (here {prefix}).");
            return null;
        }

        if (parent != prefix)
        {
            row.Problem(OrgUnitColumns.ParentCode,
                $"上级代码「{CellText.ForMessage(parent)}」应为区划代码的前 {prefix.Length} 位 {prefix}。",
                $"parent_code (上级代码) \"{CellText.ForMessage(parent)}\" must be the first {prefix.Length} digits of the code, {prefix}.");
            return null;
        }

        return parent;
    }
}

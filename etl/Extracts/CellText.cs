using System.Buffers;
using System.Text.RegularExpressions;

namespace Analytics.Etl.Extracts;

/// <summary>How the contract wants cell and header text cleaned before anything is validated.</summary>
internal static partial class CellText
{
    private static readonly SearchValues<char> FullWidthLettersAndDigits =
        SearchValues.Create("０１２３４５６７８９ＡＢＣＤＥＦＧＨＩＪＫＬＭＮＯＰＱＲＳＴＵＶＷＸＹＺａｂｃｄｅｆｇｈｉｊｋｌｍｎｏｐｑｒｓｔｕｖｗｘｙｚ");

    /// <summary>
    /// Cleans a cell in place, without allocating: trims ASCII and full-width spaces (and a stray BOM) and turns
    /// full-width digits and letters into ASCII. Returns the cleaned part of <paramref name="cell"/>.
    /// </summary>
    public static Span<char> CleanInPlace(Span<char> cell)
    {
        var start = 0;
        var end = cell.Length;
        while (start < end && IsSpace(cell[start])) start++;
        while (end > start && IsSpace(cell[end - 1])) end--;
        var clean = cell[start..end];
        var at = clean.IndexOfAny(FullWidthLettersAndDigits);
        if (at < 0) return clean;
        for (var i = at; i < clean.Length; i++)
            clean[i] = ToAscii(clean[i]);
        return clean;
    }

    /// <summary>Trims ASCII and full-width spaces (and a stray BOM), turns full-width digits and letters into ASCII.</summary>
    public static string Normalise(ReadOnlySpan<char> raw)
    {
        if (raw.IsEmpty) return string.Empty;
        var copy = raw.Length <= 256 ? stackalloc char[raw.Length] : new char[raw.Length];
        raw.CopyTo(copy);
        return new string(CleanInPlace(copy));
    }

    /// <summary>
    /// A header name as compared with the contract's names: like a cell, plus every full-width ASCII sign
    /// (＿ for _) converted, and lower-cased so English aliases match in any case.
    /// </summary>
    public static string HeaderKey(string? raw)
    {
        var text = Normalise(raw).ToCharArray();
        for (var i = 0; i < text.Length; i++)
            if (text[i] is >= '！' and <= '～') text[i] = (char)(text[i] - '！' + '!');
        return new string(text).ToLowerInvariant();
    }

    /// <summary>
    /// A cell value as it may be quoted back in a reason: shortened, and any run that looks like an ID number
    /// masked (a value typed into the wrong column must not put an ID number in clear into the quarantine).
    /// </summary>
    public static string ForMessage(ReadOnlySpan<char> value)
    {
        var shown = value.Length > 40 ? string.Concat(value[..40], "…") : value.ToString();
        return IdLikeRun().Replace(shown, m => m.Value[..6] + new string('*', m.Value.Length - 10) + m.Value[^4..]);
    }

    public static bool IsAsciiDigits(ReadOnlySpan<char> text) => !text.IsEmpty && !text.ContainsAnyExceptInRange('0', '9');

    private static bool IsSpace(char c) => c <= ' ' ? c is ' ' or '\t' or '\r' or '\n' or '\v' or '\f' : c is '\u3000' or '\u00A0' or '\uFEFF';

    private static char ToAscii(char c) => c switch
    {
        >= '０' and <= '９' => (char)(c - '０' + '0'),
        >= 'Ａ' and <= 'Ｚ' => (char)(c - 'Ａ' + 'A'),
        >= 'ａ' and <= 'ｚ' => (char)(c - 'ａ' + 'a'),
        _ => c,
    };

    [GeneratedRegex(@"[0-9]{14,17}[0-9Xx]")]
    private static partial Regex IdLikeRun();
}

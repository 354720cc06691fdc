using System.Text;
using System.Text.RegularExpressions;

namespace Analytics.Etl.Extracts;

/// <summary>How the contract wants cell and header text cleaned before anything is validated.</summary>
internal static partial class CellText
{
    /// <summary>Trims ASCII and full-width spaces (and a stray BOM), turns full-width digits and letters into ASCII.</summary>
    public static string Normalise(string? raw)
    {
        if (string.IsNullOrEmpty(raw))
        {
            return string.Empty;
        }

        var trimmed = raw.AsSpan().Trim(SpaceChars);
        var builder = new StringBuilder(trimmed.Length);
        foreach (var c in trimmed)
        {
            builder.Append(c switch
            {
                >= '０' and <= '９' => (char)(c - '０' + '0'),
                >= 'Ａ' and <= 'Ｚ' => (char)(c - 'Ａ' + 'A'),
                >= 'ａ' and <= 'ｚ' => (char)(c - 'ａ' + 'a'),
                _ => c,
            });
        }

        return builder.ToString();
    }

    /// <summary>
    /// A header name as compared with the contract's names: like a cell, plus every full-width ASCII sign
    /// (＿ for _) converted, and lower-cased so English aliases match in any case.
    /// </summary>
    public static string HeaderKey(string? raw)
    {
        var text = Normalise(raw);
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            builder.Append(c is >= '！' and <= '～' ? (char)(c - '！' + '!') : c);
        }

        return builder.ToString().ToLowerInvariant();
    }

    /// <summary>
    /// A cell value as it may be quoted back in a reason: shortened, and any run that looks like an ID number
    /// masked (a value typed into the wrong column must not put an ID number in clear into the quarantine).
    /// </summary>
    public static string ForMessage(string value)
    {
        var shown = value.Length > 40 ? value[..40] + "…" : value;
        return IdLikeRun().Replace(shown, m => m.Value[..6] + new string('*', m.Value.Length - 10) + m.Value[^4..]);
    }

    public static bool IsAsciiDigits(string text)
    {
        if (text.Length == 0)
        {
            return false;
        }

        foreach (var c in text)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }
        }

        return true;
    }

    private static readonly char[] SpaceChars = [' ', '\t', '\r', '\n', '\v', '\f', '\u3000', '\u00A0', '\uFEFF'];

    [GeneratedRegex(@"[0-9]{14,17}[0-9Xx]")]
    private static partial Regex IdLikeRun();
}

using System;
using System.Linq;

namespace ErrorCatalog.Tests.Shared;

/// <summary>
/// Seeded random edits of a catalog's lines (removed, repeated or swapped lines, odd values, a
/// byte-order mark, a tab, a stray character): the corpus the validator parity test and the YAML
/// reader's differential test both run on.
/// </summary>
internal static class CatalogMutations
{
    internal static readonly string[] BadValues =
    {
        "2Bad", "Conn\u00ADect", "class", "nameof", "_", "Message", "Code", "BindException", "WSAEACCES", "EACCES", "absent", "same",
        "-1", "0", "99999999999", "\"quoted\"", "[a, b]", "{x: 1}", "~", "Bind.nameof", "lower", "Ex\u200Btra", "x: y",
        "[]", "[linux, freebsd]", "[openbsd]", "[aarch64]", "[x64, x64]", "[windows, ios]",
    };

    /// <summary>One edit of <paramref name="text"/>, chosen by <paramref name="random"/>.</summary>
    internal static string Mutate(string text, Random random)
    {
        var lines = text.Split('\n').ToList();
        var index = random.Next(lines.Count);
        switch (random.Next(11))
        {
            case 0:
                lines.RemoveAt(index);
                break;
            case 1:
                lines.Insert(index, lines[index]);
                break;
            case 2:
                var other = random.Next(lines.Count);
                (lines[index], lines[other]) = (lines[other], lines[index]);
                break;
            case 3:
            case 4:
                var colon = lines[index].IndexOf(": ", StringComparison.Ordinal);
                if (colon > 0)
                {
                    lines[index] = lines[index].Substring(0, colon + 2) + BadValues[random.Next(BadValues.Length)];
                }

                break;
            case 5:
                var withValue = lines.Where(l => l.Contains(": ", StringComparison.Ordinal)).ToList();
                var from = withValue[random.Next(withValue.Count)];
                var valueColon = lines[index].IndexOf(": ", StringComparison.Ordinal);
                if (valueColon > 0)
                {
                    lines[index] = lines[index].Substring(0, valueColon) + from.Substring(from.IndexOf(": ", StringComparison.Ordinal));
                }

                break;
            case 6:
                return "\uFEFF" + text;
            case 7:
                lines[index] = lines[index].Length > 1 && lines[index][0] == ' ' ? "\t" + lines[index].Substring(2) : "\t" + lines[index];
                break;
            case 8:
                var at = random.Next(lines[index].Length + 1);
                lines[index] = lines[index].Insert(at, ((char)random.Next(0x20, 0x3000)).ToString());
                break;
            case 9:
                lines[index] = new string(lines[index].Select(c => char.IsDigit(c) ? (char)('0' + random.Next(10)) : c).ToArray());
                break;
            default:
                lines[index] = lines[index].Replace("symbol: ", "symbol: " + BadValues[random.Next(BadValues.Length)].TrimStart('"'));
                break;
        }

        return string.Join("\n", lines);
    }
}

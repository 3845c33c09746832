using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using Xunit.Sdk;

namespace ErrorCatalog.CatalogData.Tests;

/// <summary>A header set the C preprocessor reads for one catalog platform.</summary>
/// <param name="Platform">Catalog platform id.</param>
/// <param name="Include">The header to include (as written inside the angle brackets).</param>
/// <param name="Arguments">Extra cpp arguments (search paths, defines).</param>
/// <param name="RequiredFiles">Files that must exist, each with the apt package that installs it.</param>
/// <param name="NativeName">Turns a catalog name into the name the header defines (Winsock adds WSA).</param>
public sealed record HeaderSet(
    string Platform,
    string Include,
    IReadOnlyList<string> Arguments,
    IReadOnlyList<(string File, string Package)> RequiredFiles,
    Func<string, string> NativeName);

/// <summary>
/// Asks the installed C preprocessor what a header defines. Each name is written on its own line
/// behind a marker and the preprocessor expands it; a name that comes back unchanged is not defined,
/// anything else is an integer expression (for example <c>(10000 + 4)</c>) that is evaluated here.
/// </summary>
public static class HeaderProbe
{
    private const string Marker = "ECAT_PROBE_";

    public static IReadOnlyDictionary<string, HeaderSet> Sets { get; } = BuildSets();

    /// <summary>The value of every name in <paramref name="names"/> that the header set defines; undefined names are absent from the result.</summary>
    public static IReadOnlyDictionary<string, int> Probe(HeaderSet set, IEnumerable<string> names)
    {
        foreach (var (file, package) in set.RequiredFiles)
        {
            if (!File.Exists(file))
            {
                throw AptPackages.Missing($"Header {file} is missing; install the apt package '{package}' (needed to cross-check platform '{set.Platform}').");
            }
        }

        var nativeNames = names.Distinct(StringComparer.Ordinal).ToDictionary(n => n, set.NativeName, StringComparer.Ordinal);
        var input = new StringBuilder();
        input.Append("#include <").Append(set.Include).Append(">\n");
        foreach (var (name, native) in nativeNames)
        {
            input.Append(Marker).Append(name).Append(' ').Append(native).Append('\n');
        }

        var output = RunPreprocessor(set.Arguments.Concat(new[] { "-P", "-" }), input.ToString());
        var values = new Dictionary<string, int>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var rawLine in output.Split('\n'))
        {
            var line = rawLine.Trim();
            if (!line.StartsWith(Marker, StringComparison.Ordinal))
            {
                continue;
            }

            var space = line.IndexOf(' ', StringComparison.Ordinal);
            if (space < 0)
            {
                throw new XunitException($"cpp printed an empty definition for '{line}' on platform '{set.Platform}'.");
            }

            var name = line.Substring(Marker.Length, space - Marker.Length);
            var expansion = line.Substring(space + 1).Trim();
            seen.Add(name);
            if (expansion == nativeNames[name])
            {
                continue; // Not a macro: the preprocessor left the name as it was.
            }

            values[name] = IntegerExpression.Evaluate(expansion, $"{nativeNames[name]} on platform '{set.Platform}'");
        }

        var lost = nativeNames.Keys.Where(n => !seen.Contains(n)).ToList();
        if (lost.Count > 0)
        {
            throw new XunitException($"cpp output for platform '{set.Platform}' lacks the probe lines of: {string.Join(", ", lost)}.");
        }

        return values;
    }

    /// <summary>Runs cpp with <paramref name="arguments"/>, feeding <paramref name="input"/> on standard input.</summary>
    public static string RunPreprocessor(IEnumerable<string> arguments, string input)
    {
        var start = new ProcessStartInfo("cpp")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new XunitException("cpp could not be started.");
        }
        catch (Win32Exception exception)
        {
            throw AptPackages.Missing("The C preprocessor 'cpp' is not installed; install the apt package 'cpp' (" + exception.Message + ").");
        }

        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            process.StandardInput.Write(input);
            process.StandardInput.Close();
            if (!process.WaitForExit(120_000))
            {
                process.Kill(entireProcessTree: true);
                throw new XunitException("cpp did not finish within two minutes.");
            }

            if (process.ExitCode != 0)
            {
                throw new XunitException($"cpp {string.Join(' ', start.ArgumentList)} failed with exit code {process.ExitCode}:{Environment.NewLine}{stderr.Result}");
            }

            return stdout.Result;
        }
    }

    /// <summary>
    /// The native multiarch include directory that holds glibc's bits/errno.h (for example
    /// /usr/include/x86_64-linux-gnu), taken from cpp's own search list.
    /// </summary>
    public static string GlibcBitsDirectory()
    {
        var start = new ProcessStartInfo("cpp")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "-v", "-", "-o", "/dev/null" })
        {
            start.ArgumentList.Add(argument);
        }

        string log;
        try
        {
            using var process = Process.Start(start) ?? throw new XunitException("cpp could not be started.");
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            process.StandardInput.Close();
            process.WaitForExit(60_000);
            log = stderr.Result + stdout.Result;
        }
        catch (Win32Exception exception)
        {
            throw AptPackages.Missing("The C preprocessor 'cpp' is not installed; install the apt package 'cpp' (" + exception.Message + ").");
        }

        var inSearchList = false;
        foreach (var rawLine in log.Split('\n'))
        {
            var line = rawLine.Trim();
            if (line.StartsWith("#include <...> search starts here", StringComparison.Ordinal))
            {
                inSearchList = true;
                continue;
            }

            if (line.StartsWith("End of search list", StringComparison.Ordinal))
            {
                break;
            }

            if (inSearchList && File.Exists(Path.Combine(line, "bits", "errno.h")))
            {
                return line;
            }
        }

        throw AptPackages.Missing("No directory of cpp's search list holds glibc's bits/errno.h; install the apt package 'libc6-dev'.");
    }

    private static Dictionary<string, HeaderSet> BuildSets()
    {
        const string mingw = "/usr/share/mingw-w64/include";
        string Same(string name) => name;
        var sets = new List<HeaderSet>
        {
            // Native Linux: exactly what a C program includes (glibc over asm-generic kernel headers).
            new("linux", "errno.h", Array.Empty<string>(),
                new[] { ("/usr/include/errno.h", "libc6-dev"), ("/usr/include/asm-generic/errno.h", "linux-libc-dev") }, Same),
            new("windows", "winerror.h", new[] { "-nostdinc", "-I" + mingw, "-D_WIN32", "-D_WIN64" },
                new[] { (mingw + "/winerror.h", "mingw-w64-common") }, name => name.StartsWith("WSA", StringComparison.Ordinal) ? name : "WSA" + name),
            new("windows-crt", "errno.h", new[] { "-nostdinc", "-I" + mingw, "-D_WIN32", "-D_WIN64" },
                new[] { (mingw + "/errno.h", "mingw-w64-common") }, Same),
        };

        // Other Linux architectures: their kernel headers under glibc's Linux bits/errno.h, which
        // adds ENOTSUP (as EOPNOTSUPP) the way the C library does on every Linux architecture.
        foreach (var (platform, triplet, package) in new[]
        {
            ("linux-mips", "mips-linux-gnu", "linux-libc-dev-mips-cross"),
            ("linux-sparc", "sparc64-linux-gnu", "linux-libc-dev-sparc64-cross"),
            ("linux-alpha", "alpha-linux-gnu", "linux-libc-dev-alpha-cross"),
            ("linux-parisc", "hppa-linux-gnu", "linux-libc-dev-hppa-cross"),
        })
        {
            var kernelHeaders = "/usr/" + triplet + "/include";
            sets.Add(new HeaderSet(
                platform,
                "bits/errno.h",
                new LazyArguments(() => new[] { "-nostdinc", "-I" + kernelHeaders, "-I" + GlibcBitsDirectory(), "-D_ERRNO_H" }),
                new[] { (kernelHeaders + "/asm/errno.h", package), (kernelHeaders + "/asm-generic/errno-base.h", package) },
                Same));
        }

        return sets.ToDictionary(s => s.Platform, StringComparer.Ordinal);
    }

    /// <summary>Arguments computed on first use, so that building the table never runs cpp.</summary>
    private sealed class LazyArguments : IReadOnlyList<string>
    {
        private readonly Lazy<string[]> values;

        public LazyArguments(Func<string[]> factory) => values = new Lazy<string[]>(factory);

        public int Count => values.Value.Length;

        public string this[int index] => values.Value[index];

        public IEnumerator<string> GetEnumerator() => ((IEnumerable<string>)values.Value).GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => values.Value.GetEnumerator();
    }
}

/// <summary>Evaluates the integer expressions error headers use: literals, parentheses, + - * and unary minus, with C suffixes.</summary>
public static class IntegerExpression
{
    public static int Evaluate(string text, string what)
    {
        var position = 0;
        long value;
        try
        {
            value = ParseSum(text, ref position);
            SkipSpaces(text, ref position);
            if (position != text.Length)
            {
                throw new FormatException("unexpected '" + text.Substring(position) + "'");
            }
        }
        catch (FormatException exception)
        {
            throw new XunitException($"Cannot evaluate the definition of {what}: '{text}' ({exception.Message}).");
        }

        if (value < int.MinValue || value > int.MaxValue)
        {
            throw new XunitException($"The definition of {what} ('{text}') does not fit in an int.");
        }

        return (int)value;
    }

    private static long ParseSum(string text, ref int position)
    {
        var value = ParseProduct(text, ref position);
        while (true)
        {
            SkipSpaces(text, ref position);
            if (position < text.Length && (text[position] == '+' || text[position] == '-'))
            {
                var op = text[position++];
                var right = ParseProduct(text, ref position);
                value = op == '+' ? value + right : value - right;
            }
            else
            {
                return value;
            }
        }
    }

    private static long ParseProduct(string text, ref int position)
    {
        var value = ParseUnary(text, ref position);
        while (true)
        {
            SkipSpaces(text, ref position);
            if (position < text.Length && text[position] == '*')
            {
                position++;
                value *= ParseUnary(text, ref position);
            }
            else
            {
                return value;
            }
        }
    }

    private static long ParseUnary(string text, ref int position)
    {
        SkipSpaces(text, ref position);
        if (position >= text.Length)
        {
            throw new FormatException("expression ends early");
        }

        if (text[position] == '-')
        {
            position++;
            return -ParseUnary(text, ref position);
        }

        if (text[position] == '(')
        {
            position++;
            var inner = ParseSum(text, ref position);
            SkipSpaces(text, ref position);
            if (position >= text.Length || text[position] != ')')
            {
                throw new FormatException("missing ')'");
            }

            position++;
            return inner;
        }

        var start = position;
        while (position < text.Length && char.IsLetterOrDigit(text[position]))
        {
            position++;
        }

        var literal = text.Substring(start, position - start).TrimEnd('u', 'U', 'l', 'L');
        if (literal.Length == 0)
        {
            throw new FormatException("expected a number at '" + text.Substring(start) + "'");
        }

        if (literal.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
        {
            return long.Parse(literal.Substring(2), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        }

        if (!literal.All(char.IsDigit))
        {
            throw new FormatException("'" + literal + "' is not a number (an unexpanded macro?)");
        }

        if (literal.Length > 1 && literal[0] == '0')
        {
            // C reads a leading zero as octal.
            return literal.Substring(1).Aggregate(0L, (value, digit) => digit <= '7'
                ? (value * 8) + (digit - '0')
                : throw new FormatException("'" + literal + "' is not an octal number"));
        }

        return long.Parse(literal, NumberStyles.None, CultureInfo.InvariantCulture);
    }

    private static void SkipSpaces(string text, ref int position)
    {
        while (position < text.Length && char.IsWhiteSpace(text[position]))
        {
            position++;
        }
    }
}

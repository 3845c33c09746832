using System;
using System.Collections.Generic;

namespace ErrorCatalog.Catalog.Model;

/// <summary>
/// The words a platform's <c>runs-on</c> may use. The loader checks against these lists, the
/// generator writes them into <c>CurrentPlatform</c>, and the overlap check reads what each name
/// matches from here, so the vocabulary lives only in this class.
/// </summary>
/// <remarks>
/// Operating systems: the names that <c>System.OperatingSystem.IsOSPlatform(string)</c> compares
/// with (case-insensitive) in dotnet/runtime's
/// <c>src/libraries/System.Private.CoreLib/src/System/OperatingSystem.cs</c>, written in lower
/// case, one name per system (<c>macos</c>, not its older spelling <c>osx</c>). Architectures: the
/// members of <c>System.Runtime.InteropServices.Architecture</c> in lower case, at the index of
/// their numeric value (the generated code compares numbers, because older target frameworks lack
/// the newer members).
/// </remarks>
public static class RunsOnVocabulary
{
    /// <summary>Every operating system name <c>runs-on</c> accepts, in alphabetical order.</summary>
    public static readonly IReadOnlyList<string> OperatingSystems = new[]
    {
        "android", "browser", "freebsd", "illumos", "ios", "linux", "maccatalyst", "macos", "netbsd", "solaris", "tvos", "wasi", "windows",
    };

    /// <summary>Every architecture name <c>runs-on</c> accepts; a name's index is the numeric value of its <c>Architecture</c> member.</summary>
    public static readonly IReadOnlyList<string> Architectures = new[]
    {
        "x86", "x64", "arm", "arm64", "wasm", "s390x", "loongarch64", "armv6", "ppc64le", "riscv64",
    };

    /// <summary>
    /// Whether <c>IsOSPlatform(<paramref name="name"/>)</c> is true on <paramref name="system"/>:
    /// each name matches its own system, and <c>ios</c> also matches Mac Catalyst, where the
    /// runtime answers true for both <c>maccatalyst</c> and <c>ios</c>.
    /// </summary>
    public static bool Matches(string name, string system) =>
        string.Equals(name, system, StringComparison.Ordinal) || (name == "ios" && system == "maccatalyst");

    /// <summary>The numeric value of the <c>Architecture</c> member <paramref name="name"/>, or -1 when the name is not one.</summary>
    public static int ArchitectureValue(string name)
    {
        for (var value = 0; value < Architectures.Count; value++)
        {
            if (Architectures[value] == name)
            {
                return value;
            }
        }

        return -1;
    }
}

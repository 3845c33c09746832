using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Threading;
using ErrorCatalog.Catalog.Loading;
using ErrorCatalog.Catalog.Model;
using ErrorCatalog.Catalog.Validation;
using Microsoft.CodeAnalysis;
using Xunit;

namespace ErrorCatalog.Generator.Tests;

/// <summary>
/// The generated file names its own types without their namespace (<c>BindError.AddressInUse</c>)
/// when no generated member or nested type could take the place of a generated type, and with it
/// (<c>global::ErrorCatalog.Tests.Bind.BindError.AddressInUse</c>) when an entry's or group's
/// symbol or the prefix could (GeneratedNames.OwnTypesNeedNamespace). These tests prove both: such
/// catalogs compile cleanly with the qualified names, they would not with short ones, and user code
/// elsewhere (other namespaces, aliases, a namespace called System) cannot capture a short name.
/// Every compile here counts warnings too (documentation mode, so an unresolved cref is one).
/// </summary>
public class ShortNameTests
{
    private const string BindNamespace = "global::ErrorCatalog.Tests.Bind.";

    private static readonly string Bind = File.ReadAllText(Harness.BindCatalogPath);

    /// <summary>The suffixes of the generated types the generated code names (see GeneratedNames).</summary>
    private static readonly string[] ReferencedTypeSuffixes = { "Error", "Platform", "Classification", "NativeError", "Errors", "Exception" };

    /// <summary>Every generated type name of bind.yaml but the exception class's (a nested type may not share it: ECAT105).</summary>
    public static TheoryData<string> BindTypeNames()
    {
        var catalog = CatalogLoader.Load(Harness.BindCatalogPath, Bind).Catalog!;
        var data = new TheoryData<string>();
        foreach (var type in GeneratedNames.TopLevelTypes(catalog.Info.Prefix, catalog))
        {
            if (type != GeneratedNames.ExceptionClass(catalog.Info.Prefix))
            {
                data.Add(type);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(BindTypeNames))]
    public void AnEntrySymbolThatIsAGeneratedTypeNameCompilesWithQualifiedNames(string typeName) =>
        AssertCompilesQualified(Bind.Replace("    symbol: AddressInUse\n", "    symbol: " + typeName + "\n", StringComparison.Ordinal), prefix: null);

    [Theory]
    [MemberData(nameof(BindTypeNames))]
    public void AGroupSymbolThatIsAGeneratedTypeNameCompilesWithQualifiedNames(string typeName) =>
        AssertCompilesQualified(Bind.Replace("    symbol: AddressProblem\n", "    symbol: " + typeName + "\n", StringComparison.Ordinal), prefix: null);

    /// <summary>
    /// Every prefix that makes a referenced type's name equal to a member of the generated exception,
    /// mapping class or native error struct (their bases' included), or to a per-platform member of
    /// bind's mapping class: <c>Native</c> (NativeError), <c>Create</c> (CreateException), ...
    /// </summary>
    public static TheoryData<string> PrefixesNamingAMember()
    {
        var data = new TheoryData<string>();
        foreach (var prefix in CapturingPrefixes())
        {
            data.Add(prefix);
        }

        return data;
    }

    private static SortedSet<string> CapturingPrefixes()
    {
        var catalog = CatalogLoader.Load(Harness.BindCatalogPath, Bind).Catalog!;
        var members = GeneratedNames.ExceptionMemberNames
            .Concat(GeneratedNames.FixedMemberNames)
            .Concat(catalog.Platforms.SelectMany(GeneratedNames.PlatformMemberNames));
        var prefixes = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var member in members)
        {
            foreach (var suffix in ReferencedTypeSuffixes)
            {
                var prefix = member.Substring(0, Math.Max(0, member.Length - suffix.Length));
                if (member.EndsWith(suffix, StringComparison.Ordinal) && prefix.Length > 0 && char.IsUpper(prefix[0]))
                {
                    prefixes.Add(prefix);
                }
            }
        }

        return prefixes;
    }

    [Fact]
    public void ThePrefixListCoversTheKnownCapturingPrefixes()
    {
        var prefixes = CapturingPrefixes();
        Assert.Contains("Native", prefixes);
        Assert.Contains("Create", prefixes);
        Assert.Contains("Current", prefixes);
        Assert.Contains("Inner", prefixes);
        Assert.Contains("LinuxGenericCodeBy", prefixes);
    }

    [Theory]
    [MemberData(nameof(PrefixesNamingAMember))]
    public void APrefixThatNamesATypeLikeAGeneratedMemberCompilesWithQualifiedNames(string prefix) =>
        AssertCompilesQualified(Bind, prefix);

    [Fact]
    public void AnEntrySymbolThatIsTheExceptionClassNameIsStillRefused()
    {
        // A nested type may not share its enclosing type's name (CS0542), qualified or not.
        var broken = Bind.Replace("    symbol: AddressInUse\n", "    symbol: BindException\n", StringComparison.Ordinal);
        var run = Harness.Run(new CatalogInput("/project/bind.yaml", broken));

        Assert.Empty(run.Sources);
        var diagnostic = Assert.Single(run.Diagnostics);
        Assert.Equal("ECAT105", diagnostic.Id);
        var offset = broken.IndexOf("    symbol: BindException\n", StringComparison.Ordinal) + "    symbol: ".Length;
        var line = broken.Substring(0, offset).Count(c => c == '\n');
        Assert.Equal((line, "    symbol: ".Length), (diagnostic.Location.GetLineSpan().StartLinePosition.Line, diagnostic.Location.GetLineSpan().StartLinePosition.Character));
    }

    [Theory]
    [InlineData("    symbol: AddressInUse\n", "    symbol: BindError\n", null)]
    [InlineData("    symbol: AddressProblem\n", "    symbol: BindErrors\n", null)]
    [InlineData(null, null, "Native")]
    public void WithShortNamesTheseCatalogsWouldNotCompile(string? symbolLine, string? replacement, string? prefixOverride)
    {
        // Why the generator qualifies in these cases: forced to short names, a member or nested
        // type captures a name and the compile fails. (The rule is conservative: with some
        // prefixes, such as Create, the short names would still compile today, because every place
        // the generated code names that type is one where only types are looked up.)
        var text = symbolLine is null ? Bind : Bind.Replace(symbolLine, replacement!, StringComparison.Ordinal);
        var loaded = CatalogLoader.Load("/project/bind.yaml", text, new NameOverrides(null, prefixOverride));
        Assert.True(loaded.Succeeded, string.Join("; ", loaded.Diagnostics.Select(d => d.Message)));
        var catalog = loaded.Catalog!;
        var prefix = prefixOverride ?? catalog.Info.Prefix;
        var spec = Spec.SpecBuilder.Build(new CatalogSpec("/project/bind.yaml", "bind.yaml", catalog.Info.Namespace, prefix, catalog), CancellationToken.None);
        Assert.True(spec.Names.IsQualified);

        var shortNames = spec with { Names = spec.DeclaredNames };
        var compilation = Harness.CreateCompilation(new[] { Emit.Emitter.Emit(shortNames, CancellationToken.None).ToString() });

        Assert.Contains(compilation.GetDiagnostics(), d => d.Severity == DiagnosticSeverity.Error);
    }

    [Fact]
    public void UserTypesAliasesAndNamespacesNamedLikeGeneratedTypesCaptureNothing()
    {
        // The generated types are members of ErrorCatalog.Tests.Bind, which C# searches before its
        // parents, the global namespace and the compilation's global using aliases.
        const string userCode = """
            global using BindError = System.String;
            global using BindErrors = System.Int32;
            global using static ErrorCatalog.Tests.Statics;

            internal class BindClassification { }

            namespace ErrorCatalog.Tests
            {
                internal class BindNativeError { }

                internal class BindException : System.Exception { }

                internal static class Statics
                {
                    public const int BindPlatform = 1;

                    public static void BindClassification() { }
                }
            }

            namespace ErrorCatalog.Tests.Bind.System
            {
                internal class Exception { }

                internal class ArgumentException { }
            }

            namespace ErrorCatalog.Tests.Bind.Global
            {
                internal class BindError { }
            }

            namespace ErrorCatalog.Tests.Bind
            {
                internal static class UserCode
                {
                    public static global::System.Exception Create() =>
                        BindErrors.CreateException(BindPlatform.LinuxGeneric, 98);
                }
            }
            """;
        var run = Harness.Run(new[] { new CatalogInput("/project/bind.yaml", Bind) }, null, null, userCode);

        Assert.Empty(run.Diagnostics);
        Assert.Empty(run.CompilationDiagnostics().Select(Harness.FormatDiagnostic));
        Assert.DoesNotContain(BindNamespace, run.Sources.Single().SourceText.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void UnderACustomBaseTheExceptionKeepsQualifiedNames()
    {
        // A custom base is the user's class: its members (here named like every referenced type)
        // are seen inside the exception class before the namespace, and no catalog check knows them.
        var unlink = File.ReadAllText(Harness.CatalogPath("unlink")).Replace(
            "exception-base: ErrorCatalog.Generator.Tests.FileSystemFailure",
            "exception-base: Hostile.Base",
            StringComparison.Ordinal);
        const string hostileBase = """
            namespace Hostile
            {
                /// <summary>A base with members named like the generated types.</summary>
                public class Base : System.Exception
                {
                    /// <summary>Creates it.</summary>
                    /// <param name="message">The message.</param>
                    public Base(string message) : base(message) { }

                    /// <summary>Named like the error enum.</summary>
                    public int UnlinkError => 0;

                    /// <summary>Named like the platform enum.</summary>
                    protected static int UnlinkPlatform = 2;

                    /// <summary>Named like the mapping class.</summary>
                    public class UnlinkErrors { }

                    /// <summary>Named like the native error struct.</summary>
                    public class UnlinkNativeError { }

                    /// <summary>Named like the classification enum.</summary>
                    public class UnlinkClassification { }

                    /// <summary>Named like the exception class.</summary>
                    public static void UnlinkException() { }
                }
            }
            """;
        var run = Harness.Run(new[] { new CatalogInput("/project/unlink.yaml", unlink) }, null, null, hostileBase);

        Assert.Empty(run.Diagnostics);
        Assert.Empty(run.CompilationDiagnostics().Select(Harness.FormatDiagnostic));
        var text = run.Sources.Single().SourceText.ToString();
        var exceptionClass = text.Substring(text.IndexOf("public class UnlinkException", StringComparison.Ordinal));
        Assert.Contains(": global::ErrorCatalog.Tests.Unlink.UnlinkException", exceptionClass, StringComparison.Ordinal);
        Assert.Contains("global::ErrorCatalog.Tests.Unlink.UnlinkErrors.RequireError(", exceptionClass, StringComparison.Ordinal);
    }

    [Fact]
    public void TheMemberListsAreExactlyWhatTheGeneratedMappingClassAndStructHave()
    {
        // A prefix that names a type like one of these members makes the generator qualify its
        // names (GeneratedNames.OwnTypesNeedNamespace, from FixedMemberNames and PlatformMemberNames). Over catalogs that together use
        // both error table layouts, the SocketError mapping and CurrentPlatform, the lists must name
        // every member (own, nested, inherited), and the fixed list nothing that no generated type has.
        var found = new HashSet<string>(StringComparer.Ordinal);
        var expected = new HashSet<string>(GeneratedNames.FixedMemberNames, StringComparer.Ordinal);
        foreach (var name in new[] { "connect", "bind", "open" })
        {
            var path = Harness.CatalogPath(name);
            var text = File.ReadAllText(path);
            var catalog = CatalogLoader.Load(path, text).Catalog!;
            var run = Harness.Run(new CatalogInput("/project/" + name + ".yaml", text));
            Assert.Empty(run.Diagnostics);
            var assembly = Harness.EmitAndLoad(run.OutputCompilation);
            var ns = catalog.Info.Namespace + ".";
            foreach (var type in new[] { GeneratedNames.Mappings(catalog.Info.Prefix), GeneratedNames.NativeError(catalog.Info.Prefix) })
            {
                found.UnionWith(MemberNames(assembly.GetType(ns + type, throwOnError: true)!));
            }

            foreach (var platform in catalog.Platforms)
            {
                expected.UnionWith(GeneratedNames.PlatformMemberNames(platform));
            }
        }

        Assert.Empty(found.Except(expected).OrderBy(n => n, StringComparer.Ordinal));

        // The per-platform tables exist only where a platform's codes are dense (none of these
        // catalogs), so only the fixed list is held to naming nothing extra.
        Assert.Empty(GeneratedNames.FixedMemberNames.Except(found).OrderBy(n => n, StringComparer.Ordinal));
    }

    /// <summary>The catalog generates without diagnostics, names its own types with their namespace, and compiles without a warning.</summary>
    private static void AssertCompilesQualified(string catalogText, string? prefix)
    {
        var run = Harness.Run(new CatalogInput("/project/bind.yaml", catalogText, Prefix: prefix));

        Assert.Empty(run.Diagnostics);
        Assert.Contains(BindNamespace + (prefix ?? "Bind") + "Error.", run.Sources.Single().SourceText.ToString(), StringComparison.Ordinal);
        Assert.Empty(run.CompilationDiagnostics().Select(Harness.FormatDiagnostic));
    }

    /// <summary>Whether a base class's member is in scope in a derived type: public or protected (a framework base's private and internal members are not).</summary>
    private static bool IsInheritedIntoScope(MemberInfo member) => member switch
    {
        MethodBase method => method.IsPublic || method.IsFamily || method.IsFamilyOrAssembly,
        FieldInfo field => field.IsPublic || field.IsFamily || field.IsFamilyOrAssembly,
        PropertyInfo property => property.GetAccessors(nonPublic: true).Any(IsInheritedIntoScope),
        _ => false,
    };

    /// <summary>Every member name a simple name inside <paramref name="type"/> could find: own (any accessibility) and inherited (public and protected), nested types' members too; not constructors, accessors, operators or compiler-made fields.</summary>
    private static IEnumerable<string> MemberNames(Type type)
    {
        const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        for (var current = type; current is not null; current = current.BaseType)
        {
            foreach (var member in current.GetMembers(all))
            {
                if (member is ConstructorInfo or MethodInfo { IsSpecialName: true } || member.Name.StartsWith('<') || (current != type && !IsInheritedIntoScope(member)))
                {
                    continue;
                }

                yield return member.Name;
                if (member is Type nested && current == type)
                {
                    foreach (var inner in MemberNames(nested))
                    {
                        yield return inner;
                    }
                }
            }
        }
    }
}

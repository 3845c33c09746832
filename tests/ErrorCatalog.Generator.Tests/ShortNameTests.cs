using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using ErrorCatalog.Catalog.Loading;
using ErrorCatalog.Catalog.Model;
using ErrorCatalog.Catalog.Validation;
using Microsoft.CodeAnalysis;
using Xunit;

namespace ErrorCatalog.Generator.Tests;

/// <summary>
/// The generated file names its own types without their namespace (<c>BindError.AddressInUse</c>).
/// These tests prove that this is safe: every catalog in which a generated member or nested type
/// could take the place of a generated type is rejected with ECAT105, and user code elsewhere
/// (other namespaces, aliases, a namespace called System) cannot capture a name. Every compile here
/// counts warnings too (documentation mode, so an unresolved cref is one).
/// </summary>
public class ShortNameTests
{
    private static readonly string Bind = File.ReadAllText(Harness.BindCatalogPath);

    /// <summary>The suffixes of the generated types the generated code names (see GeneratedNames).</summary>
    private static readonly string[] ReferencedTypeSuffixes = { "Error", "Platform", "Classification", "NativeError", "Errors", "Exception" };

    public static TheoryData<string> BindTypeNames()
    {
        var catalog = CatalogLoader.Load(Harness.BindCatalogPath, Bind).Catalog!;
        var data = new TheoryData<string>();
        foreach (var type in GeneratedNames.TopLevelTypes(catalog.Info.Prefix, catalog))
        {
            data.Add(type);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(BindTypeNames))]
    public void AnEntrySymbolThatIsAGeneratedTypeNameIsRejectedAtTheSymbol(string typeName)
    {
        var broken = Bind.Replace("    symbol: AddressInUse\n", "    symbol: " + typeName + "\n", StringComparison.Ordinal);
        AssertRejectedAt(broken, broken.IndexOf("    symbol: " + typeName + "\n", StringComparison.Ordinal) + "    symbol: ".Length, typeName);
    }

    [Theory]
    [MemberData(nameof(BindTypeNames))]
    public void AGroupSymbolThatIsAGeneratedTypeNameIsRejectedAtTheSymbol(string typeName)
    {
        var broken = Bind.Replace("    symbol: AddressProblem\n", "    symbol: " + typeName + "\n", StringComparison.Ordinal);
        AssertRejectedAt(broken, broken.IndexOf("    symbol: " + typeName + "\n", StringComparison.Ordinal) + "    symbol: ".Length, typeName);
    }

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
    public void APrefixThatNamesATypeLikeAGeneratedMemberIsRejectedAtThePrefix(string prefix)
    {
        // The final prefix counts: bind.yaml's own prefix is fine, the metadata override is not.
        var run = Harness.Run(new CatalogInput("/project/bind.yaml", Bind, Prefix: prefix));

        Assert.Empty(run.Sources);
        Assert.NotEmpty(run.Diagnostics);
        var prefixLine = Bind.Substring(0, Bind.IndexOf("  prefix: ", StringComparison.Ordinal)).Count(c => c == '\n');
        foreach (var diagnostic in run.Diagnostics)
        {
            Assert.Equal("ECAT105", diagnostic.Id);
            Assert.Contains("Prefix '" + prefix + "'", diagnostic.GetMessage(), StringComparison.Ordinal);
            Assert.Equal((prefixLine, "  prefix: ".Length), (diagnostic.Location.GetLineSpan().StartLinePosition.Line, diagnostic.Location.GetLineSpan().StartLinePosition.Character));
        }
    }

    [Fact]
    public void WithoutTheCheckAnEntryNamedLikeTheErrorEnumBreaksTheGeneratedCode()
    {
        // Why ECAT105 covers type names now: emitted anyway, the short names bind to the entry.
        var broken = Bind.Replace("    symbol: AddressInUse\n", "    symbol: BindError\n", StringComparison.Ordinal);
        var catalog = CatalogLoader.Load("/project/bind.yaml", broken, new NameOverrides(null, "Other")).Catalog!;
        var spec = new CatalogSpec("/project/bind.yaml", "bind.yaml", catalog.Info.Namespace, "Bind", catalog);
        var compilation = Harness.CreateCompilation(new[] { Harness.EmitWithoutDriver(spec) });

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
        Assert.DoesNotContain("global::ErrorCatalog.Tests.Bind.", run.Sources.Single().SourceText.ToString(), StringComparison.Ordinal);
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
        // The validator keeps a prefix from naming a type like one of these members, from
        // GeneratedNames.FixedMemberNames and PlatformMemberNames. Over catalogs that together use
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

    private static void AssertRejectedAt(string broken, int offset, string typeName)
    {
        var run = Harness.Run(new CatalogInput("/project/bind.yaml", broken));

        Assert.Empty(run.Sources);
        var diagnostic = Assert.Single(run.Diagnostics);
        Assert.Equal("ECAT105", diagnostic.Id);
        Assert.Contains("'" + typeName + "'", diagnostic.GetMessage(), StringComparison.Ordinal);
        var line = broken.Substring(0, offset).Count(c => c == '\n');
        var column = offset - (broken.LastIndexOf('\n', offset - 1) + 1);
        Assert.Equal((line, column), (diagnostic.Location.GetLineSpan().StartLinePosition.Line, diagnostic.Location.GetLineSpan().StartLinePosition.Character));
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

using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.IO;
using System.Linq;
using System.Reflection;
using ErrorCatalog.Catalog.Model;
using ErrorCatalog.Tests.Open;
using ErrorCatalog.Tests.Unlink;
using Xunit;

namespace ErrorCatalog.Generator.Tests;

/// <summary>The exception base of the <c>unlink</c> test catalog: a type of the project that uses the generator.</summary>
public class FileSystemFailure : Exception
{
    public FileSystemFailure(string message)
        : base(message)
    {
    }
}

/// <summary>
/// Catalogs for calls that are not sockets: open() with <c>exception-base: io</c> and unlink() with
/// a base type of this project, both compiled into this assembly by the generator, plus the same
/// open() catalog with <c>win32</c> through the driver.
/// </summary>
public class ExceptionBaseTests
{
    [Fact]
    public void IoBaseExceptionsAreThrownAndCaughtAsIOExceptions()
    {
        Action open = () => throw OpenErrors.CreateException(OpenPlatform.Darwin, 63);
        var caught = Assert.ThrowsAny<IOException>(open);

        var nameTooLong = Assert.IsType<OpenException.NameTooLong>(caught);
        Assert.IsAssignableFrom<OpenException.PathProblem>(nameTooLong);
        Assert.Equal(OpenError.NameTooLong, nameTooLong.Error);
        Assert.Equal(63, nameTooLong.Code);
        Assert.Equal(OpenPlatform.Darwin, nameTooLong.Platform);
        Assert.Equal(OpenClassification.Misuse, nameTooLong.Classification);
        Assert.Equal("open() failed with ENAMETOOLONG (63 on darwin): The path, or one of its components, is longer than the system accepts.", nameTooLong.Message);
    }

    [Fact]
    public void IoBaseKeepsAnUnknownCodeAndAGivenMessage()
    {
        var unknown = OpenErrors.CreateException(OpenPlatform.Linux, 62);
        Assert.Equal(typeof(OpenException), unknown.GetType());
        Assert.Null(unknown.Error);
        Assert.Equal("open() failed with unknown code 62 on linux.", unknown.Message);

        var custom = new OpenException(OpenErrors.FromNative(OpenPlatform.Linux, 2), null, "custom text");
        Assert.Equal("custom text", custom.Message);
        Assert.Throws<ArgumentException>(() => new OpenException.AlreadyExists(OpenErrors.FromNative(OpenPlatform.Linux, 2)));
    }

    [Theory]
    [InlineData(OpenError.TooManyLinks, OpenPlatform.Linux, 40)]
    [InlineData(OpenError.TooManyLinks, OpenPlatform.Darwin, 62)]
    [InlineData(OpenError.TooManyLinks, OpenPlatform.WindowsCrt, 114)]
    [InlineData(OpenError.NameTooLong, OpenPlatform.WindowsCrt, 38)]
    [InlineData(OpenError.TooManyOpenFiles, OpenPlatform.Linux, 24)]
    public void IoBaseCodeLookupsGoBothWays(OpenError error, OpenPlatform platform, int code)
    {
        Assert.Equal(code, OpenErrors.GetCode(error, platform));
        Assert.True(OpenErrors.TryFromNative(platform, code, out var found));
        Assert.Equal(error, found);
        Assert.Equal(OpenErrors.GetName(error), OpenErrors.GetNativeName(platform, code));
    }

    [Fact]
    public void SparseValuesUseSwitchesThatRejectNonMembers()
    {
        Assert.Equal("EMFILE", OpenErrors.GetName((OpenError)10));
        Assert.Throws<ArgumentOutOfRangeException>(() => OpenErrors.GetName((OpenError)5));
        Assert.Throws<ArgumentOutOfRangeException>(() => OpenErrors.GetSummary((OpenError)31));
        Assert.Null(OpenErrors.GetLinuxCode((OpenError)5));
        Assert.False(OpenErrors.TryFromLinux(62, out _));
    }

    [Fact]
    public void NonSocketBaseHasNoSocketErrorMapping()
    {
        var members = typeof(OpenErrors).GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static).Select(m => m.Name).ToList();
        Assert.Contains("GetName", members);
        Assert.DoesNotContain(members, name => name.Contains("SocketError", StringComparison.Ordinal));

        var text = Assert.Single(Harness.Run(CatalogInput.FromFile(Harness.CatalogPath("open"))).Sources).SourceText.ToString();
        Assert.DoesNotContain("System.Net.Sockets", text, StringComparison.Ordinal);
        Assert.Contains("public class OpenException : global::System.IO.IOException", text, StringComparison.Ordinal);
    }

    [Fact]
    public void UserBaseExceptionsAreThrownAndCaughtAsThatType()
    {
        Action unlink = () => throw UnlinkErrors.CreateException(UnlinkPlatform.Linux, 21);
        var caught = Assert.ThrowsAny<FileSystemFailure>(unlink);

        var isDirectory = Assert.IsType<UnlinkException.IsADirectory>(caught);
        Assert.Equal(21, isDirectory.Code);
        Assert.StartsWith("unlink() failed with EISDIR (21 on linux): ", isDirectory.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DenseValuesWithAGapUseArraysThatRejectTheGap()
    {
        Assert.Equal("EACCES", UnlinkErrors.GetName(UnlinkError.AccessDenied));
        Assert.Equal("EISDIR", UnlinkErrors.GetName((UnlinkError)4));
        Assert.Throws<ArgumentOutOfRangeException>(() => UnlinkErrors.GetName((UnlinkError)3));
        Assert.Throws<ArgumentOutOfRangeException>(() => UnlinkErrors.GetAction((UnlinkError)3));
        Assert.Throws<ArgumentOutOfRangeException>(() => UnlinkErrors.GetClassification((UnlinkError)3));
        Assert.Throws<ArgumentOutOfRangeException>(() => UnlinkErrors.GetName((UnlinkError)0));
        Assert.Throws<ArgumentOutOfRangeException>(() => UnlinkErrors.GetName((UnlinkError)5));
        Assert.Throws<ArgumentOutOfRangeException>(() => UnlinkErrors.GetName((UnlinkError)int.MinValue));
        Assert.Null(UnlinkErrors.GetLinuxCode((UnlinkError)3));
        Assert.Equal(21, UnlinkErrors.GetLinuxCode(UnlinkError.IsADirectory));
    }

    [Fact]
    public void Win32BaseCarriesTheRawCodeAsNativeErrorCode()
    {
        var text = File.ReadAllText(Harness.CatalogPath("open")).Replace("exception-base: io", "exception-base: win32", StringComparison.Ordinal);
        var run = Harness.Run(new CatalogInput("/project/open-win32.yaml", text, Prefix: "Win"));
        Assert.Empty(run.Diagnostics);
        Assert.Empty(run.CompilationDiagnostics());

        var assembly = Harness.EmitAndLoad(run.OutputCompilation);
        var platform = Enum.Parse(assembly.GetType("ErrorCatalog.Tests.Open.WinPlatform", throwOnError: true)!, "WindowsCrt");
        var create = assembly.GetType("ErrorCatalog.Tests.Open.WinErrors", throwOnError: true)!
            .GetMethod("CreateException", new[] { platform.GetType(), typeof(int), typeof(System.Net.EndPoint) })!;
        var exception = Assert.IsAssignableFrom<Win32Exception>(create.Invoke(null, new[] { platform, 114, null }));

        Assert.Equal("TooManyLinks", exception.GetType().Name);
        Assert.Equal(114, exception.NativeErrorCode);
        Assert.StartsWith("open() failed with ELOOP (114 on windows-crt): ", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReservedExceptionMemberNamesAreExactlyWhatTheGeneratedExceptionsHave()
    {
        // The validator refuses an entry symbol that would clash with a member of the generated
        // exception (ECAT105) using GeneratedNames.ExceptionMemberNames. Every member a nested type
        // could collide with, over every base kind, must be in the list, and the list must name
        // nothing that no generated exception has.
        var open = File.ReadAllText(Harness.CatalogPath("open"));
        var bases = new Dictionary<string, string>
        {
            ["socket"] = open.Replace("exception-base: io\n", string.Empty, StringComparison.Ordinal),
            ["io"] = open,
            ["win32"] = open.Replace("exception-base: io", "exception-base: win32", StringComparison.Ordinal),
        };
        var members = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (kind, text) in bases)
        {
            var run = Harness.Run(new CatalogInput("/project/" + kind + ".yaml", text));
            Assert.Empty(run.Diagnostics);
            var exceptionType = Harness.EmitAndLoad(run.OutputCompilation).GetType("ErrorCatalog.Tests.Open.OpenException", throwOnError: true)!;
            members.UnionWith(VisibleMemberNames(exceptionType));
        }

        var reserved = new HashSet<string>(GeneratedNames.ExceptionMemberNames, StringComparer.Ordinal);
        Assert.Empty(members.Except(reserved).OrderBy(n => n, StringComparer.Ordinal));
        Assert.Empty(reserved.Except(members).OrderBy(n => n, StringComparer.Ordinal));
    }

    /// <summary>Names of the members a nested type of <paramref name="type"/> would clash with or hide: public and protected, own and inherited, except constructors, accessors and nested types.</summary>
    private static IEnumerable<string> VisibleMemberNames(Type type)
    {
        const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.FlattenHierarchy;
        for (var current = type; current is not null; current = current.BaseType)
        {
            foreach (var member in current.GetMembers(all | BindingFlags.DeclaredOnly))
            {
                if (member is not (ConstructorInfo or Type or MethodInfo { IsSpecialName: true }) && IsVisibleToDerivedTypes(member))
                {
                    yield return member.Name;
                }
            }
        }
    }

    private static bool IsVisibleToDerivedTypes(MemberInfo member) => member switch
    {
        MethodBase method => method.IsPublic || method.IsFamily || method.IsFamilyOrAssembly,
        FieldInfo field => field.IsPublic || field.IsFamily || field.IsFamilyOrAssembly,
        PropertyInfo property => property.GetAccessors(nonPublic: true).Any(IsVisibleToDerivedTypes),
        EventInfo @event => @event.AddMethod is { } add && IsVisibleToDerivedTypes(add),
        _ => false,
    };
}

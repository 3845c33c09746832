using System;
using System.IO;
using System.Linq;
using System.Net.Sockets;
using System.Reflection;
using System.Text.RegularExpressions;
using ErrorCatalog.Catalog.Loading;
using Xunit;

namespace ErrorCatalog.Generator.Tests;

/// <summary>Properties of the generator's own source and of the BCL it builds on.</summary>
public class GeneratorSourceTests
{
    [Fact]
    public void GeneratorKnowsNothingOfTheProjectsOwnCatalog()
    {
        var connect = CatalogLoader.LoadFile(Harness.ConnectCatalogPath).Catalog;
        Assert.NotNull(connect);
        var files = Directory.GetFiles(Harness.GeneratorSourceDirectory, "*.*", SearchOption.AllDirectories)
            .Where(path => !path.Contains(Path.DirectorySeparatorChar + "bin" + Path.DirectorySeparatorChar, StringComparison.Ordinal)
                && !path.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar, StringComparison.Ordinal)
                && (path.EndsWith(".cs", StringComparison.Ordinal) || path.EndsWith(".csproj", StringComparison.Ordinal) || path.EndsWith(".props", StringComparison.Ordinal)))
            .ToList();
        Assert.NotEmpty(files);

        // Ids as the generator would have to spell them to special-case them: as string literals.
        var ids = connect!.Platforms.Select(p => p.Id)
            .Concat(connect.Sources.Select(s => s.Id))
            .Concat(connect.Families.Select(f => f.Id))
            .Concat(connect.Classifications.Select(c => c.Id))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        foreach (var file in files)
        {
            var text = File.ReadAllText(file);
            Assert.False(Regex.IsMatch(text, "connect", RegexOptions.IgnoreCase), $"{file} mentions the project's catalog.");
            foreach (var id in ids)
            {
                Assert.False(text.Contains("\"" + id + "\"", StringComparison.Ordinal), $"{file} hard-codes the id \"{id}\".");
            }
        }
    }

    [Fact]
    public void SocketExceptionStillOffersNoConstructorForANativeCode()
    {
        // The documented limit of the generated exception (GENERATED-API.md): only a SocketError
        // can be passed, so NativeErrorCode is derived by the BCL. If .NET adds a constructor that
        // takes a native code, this fails and the generator should use it.
        var constructors = typeof(SocketException)
            .GetConstructors(BindingFlags.Public | BindingFlags.Instance)
            .Where(c => c.GetCustomAttribute<ObsoleteAttribute>() is null)
            .Select(c => string.Join(",", c.GetParameters().Select(p => p.ParameterType.Name)))
            .OrderBy(s => s, StringComparer.Ordinal)
            .ToList();

        Assert.Equal(new[] { string.Empty, "Int32", "Int32,String" }, constructors);
    }
}

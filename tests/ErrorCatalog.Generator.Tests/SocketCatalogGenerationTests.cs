using System.IO;
using System.Linq;
using Xunit;

namespace ErrorCatalog.Generator.Tests;

/// <summary>The second real catalog, catalog/socket.yaml (socket()), through the generator: its output is pinned by a snapshot and names no type of System.Net.Sockets.</summary>
public class SocketCatalogGenerationTests
{
    private static string SocketCatalogPath => Path.Combine(Harness.RepositoryRoot, "catalog", "socket.yaml");

    [Fact]
    public void SocketCatalogOutputMatchesSnapshot()
    {
        var run = Harness.Run(CatalogInput.FromFile(SocketCatalogPath));

        Assert.True(run.Diagnostics.IsEmpty, "socket.yaml has diagnostics:\n" + string.Join("\n", run.Diagnostics.Select(Harness.FormatDiagnostic)));
        var source = Assert.Single(run.Sources);
        Assert.Equal("ErrorCatalog.SocketCall.SocketCall.g.cs", source.HintName);
        Snapshot.Verify(source.SourceText.ToString(), "socket", "cs");
    }

    [Fact]
    public void SocketCatalogOutputCompilesWithoutAnyWarning()
    {
        var run = Harness.Run(CatalogInput.FromFile(SocketCatalogPath));

        Assert.Single(run.Sources);
        var diagnostics = run.CompilationDiagnostics();
        Assert.True(diagnostics.Count == 0, "Generated code has diagnostics:\n" + string.Join("\n", diagnostics.Select(d => d.ToString())));
    }

    [Fact]
    public void SocketCatalogTypesDoNotShadowSystemNetSockets()
    {
        // A prefix of "Socket" would generate SocketError and SocketException, which clash with
        // System.Net.Sockets in any file that imports both namespaces.
        var source = Assert.Single(Harness.Run(CatalogInput.FromFile(SocketCatalogPath)).Sources).SourceText.ToString();
        Assert.Contains("public enum SocketCallError", source);
        Assert.Contains("public class SocketCallException", source);
        Assert.DoesNotContain("public enum SocketError ", source);
        Assert.DoesNotContain("public class SocketException ", source);
    }
}

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using ErrorCatalog.Catalog.Loading;
using ErrorCatalog.Cli.Output;
using CatalogModel = ErrorCatalog.Catalog.Model.Catalog;

namespace ErrorCatalog.Cli.Tests;

/// <summary>What one errcat run printed and returned.</summary>
public sealed record CliRun(int ExitCode, string Output, string Error)
{
    public JsonDocument Json() => JsonDocument.Parse(Output);

    public override string ToString() => $"exit {ExitCode}\nstdout:\n{Output}\nstderr:\n{Error}";
}

/// <summary>Runs errcat in-process and finds the repository's files.</summary>
internal static class CliHarness
{
    private static readonly Lazy<string> Root = new(FindRoot);
    private static readonly Lazy<CatalogModel> Connect = new(() =>
        CatalogLoader.LoadFile(ConnectCatalogPath).Catalog ?? throw new InvalidOperationException("catalog/connect.yaml does not load"));

    private static readonly Lazy<IReadOnlyList<CatalogModel>> BuiltIn = new(() => BuiltInCatalogPaths
        .Select(p => CatalogLoader.LoadFile(p).Catalog ?? throw new InvalidOperationException(p + " does not load"))
        .ToList());

    public static string ConnectCatalogPath => Path.Combine(Root.Value, "catalog", "connect.yaml");

    public static CatalogModel ConnectCatalog => Connect.Value;

    /// <summary>The repository's catalog files that errcat embeds, in its item list's order.</summary>
    public static IReadOnlyList<string> BuiltInCatalogPaths =>
        EmbeddedCatalogs.Errcat.FileNames.Select(f => Path.Combine(Root.Value, "catalog", f)).ToList();

    /// <summary>The catalogs errcat embeds, loaded from the repository's files, in order.</summary>
    public static IReadOnlyList<CatalogModel> BuiltInCatalogs => BuiltIn.Value;

    /// <summary>
    /// Runs errcat in-process with an unlimited width, so that these tests see each line whole;
    /// <see cref="ErrcatProcess"/> runs the real program where the width is what is tested.
    /// </summary>
    public static CliRun Run(params string[] args) => RunWith(null, args);

    /// <summary>As <see cref="Run"/>, with the built-in catalogs taken from <paramref name="catalogs"/>.</summary>
    public static CliRun RunWith(EmbeddedCatalogs? catalogs, params string[] args)
    {
        using var output = new StringWriter { NewLine = "\n" };
        using var error = new StringWriter { NewLine = "\n" };
        var code = Program.Run(args, new TerminalWriter(output, int.MaxValue, colour: false), error, catalogs);
        return new CliRun(code, output.ToString(), error.ToString());
    }

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Directory.Build.props"))
                && File.Exists(Path.Combine(directory.FullName, "catalog", "connect.yaml")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No repository root above {AppContext.BaseDirectory}.");
    }
}

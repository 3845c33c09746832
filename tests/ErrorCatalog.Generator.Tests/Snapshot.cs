using System;
using System.IO;
using DiffPlex.Renderer;
using Xunit.Sdk;

namespace ErrorCatalog.Generator.Tests;

/// <summary>
/// Compares text with a committed <c>Snapshots/{name}.verified.{extension}</c>. On a mismatch it
/// writes <c>{name}.received.{extension}</c> next to it and fails with a unified diff. Set
/// <c>ACCEPT_SNAPSHOTS=1</c> to write the received text as the new verified file instead. A
/// missing verified file fails too, so a CI run never passes without a reviewed snapshot.
/// </summary>
internal static class Snapshot
{
    public const string AcceptVariable = "ACCEPT_SNAPSHOTS";

    public static bool Accepting => Environment.GetEnvironmentVariable(AcceptVariable) == "1";

    public static void Verify(string actual, string name, string extension = "txt")
    {
        Directory.CreateDirectory(Harness.SnapshotDirectory);
        var verifiedPath = Path.Combine(Harness.SnapshotDirectory, $"{name}.verified.{extension}");
        var receivedPath = Path.Combine(Harness.SnapshotDirectory, $"{name}.received.{extension}");
        var received = Normalize(actual);
        var verified = File.Exists(verifiedPath) ? Normalize(File.ReadAllText(verifiedPath)) : null;

        if (verified == received)
        {
            File.Delete(receivedPath);
            return;
        }

        if (Accepting)
        {
            File.WriteAllText(verifiedPath, received);
            File.Delete(receivedPath);
            return;
        }

        File.WriteAllText(receivedPath, received);
        if (verified is null)
        {
            throw new XunitException(
                $"No verified snapshot {verifiedPath}.\nThe output was written to {receivedPath}; review it, then run the tests with {AcceptVariable}=1 to accept it.");
        }

        var diff = UnidiffRenderer.GenerateUnidiff(verified, received, Path.GetFileName(verifiedPath), Path.GetFileName(receivedPath), false, false, 3);
        throw new XunitException(
            $"Snapshot {name} differs from {verifiedPath} (received: {receivedPath}).\nIf the change is intended, run the tests with {AcceptVariable}=1.\n{diff}");
    }

    // Git may check files out with CRLF; the comparison is about content, not line ends.
    private static string Normalize(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal);
}

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Xunit;

namespace ErrorCatalog.Runtime.Tests.TestSupport;

/// <summary>The process's open descriptors, from /proc/self/fd, as "number -> target".</summary>
internal static class OpenDescriptors
{
    internal static HashSet<string> Snapshot()
    {
        // Objects other tests dropped without disposing may still hold descriptors until their
        // finalizers run; settle that first so only the test's own effect is measured.
        for (int i = 0; i < 3; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }

        var open = new HashSet<string>();
        foreach (string entry in Directory.GetFileSystemEntries("/proc/self/fd"))
        {
            try
            {
                open.Add(Path.GetFileName(entry) + " -> " + new FileInfo(entry).LinkTarget);
            }
            catch (IOException)
            {
                // The listing's own descriptor, closed by now.
            }
        }

        return open;
    }

    private static bool IsAssemblyImage(string entry) => entry.EndsWith(".dll", StringComparison.Ordinal);

    /// <summary>
    /// Fails when a descriptor was opened or closed meanwhile, except assembly images: the .NET
    /// runtime opens a .dll when code running at the same time first needs it (observed:
    /// System.Net.NameResolution.dll, twice), which is not something a connect can leak.
    /// </summary>
    internal static void AssertUnchanged(HashSet<string> before)
    {
        var after = Snapshot();
        var opened = after.Except(before).Where(entry => !IsAssemblyImage(entry)).ToList();
        var closed = before.Except(after).Where(entry => !IsAssemblyImage(entry)).ToList();
        Assert.True(opened.Count == 0 && closed.Count == 0,
            $"descriptors before {before.Count}, after {after.Count}; opened: {string.Join(", ", opened)}; closed: {string.Join(", ", closed)}");
    }
}

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

    internal static void AssertUnchanged(HashSet<string> before)
    {
        var after = Snapshot();
        var opened = after.Except(before).ToList();
        var closed = before.Except(after).ToList();
        Assert.True(opened.Count == 0 && closed.Count == 0,
            $"descriptors before {before.Count}, after {after.Count}; opened: {string.Join(", ", opened)}; closed: {string.Join(", ", closed)}");
    }
}

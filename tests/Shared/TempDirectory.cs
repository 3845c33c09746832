using System;
using System.IO;

namespace ErrorCatalog.Tests.Shared;

/// <summary>
/// A fresh folder under the system temp folder, named by <c>prefix</c> and a random part, deleted
/// with everything in it when disposed. One source file, linked into each test project that needs it.
/// </summary>
internal sealed class TempDirectory : IDisposable
{
    public TempDirectory(string prefix)
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), prefix + "-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    /// <summary>The path of <paramref name="name"/> inside the folder.</summary>
    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A child process or browser may still hold a file for a moment; a leftover temp
            // folder is harmless, the test's outcome is what matters.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}

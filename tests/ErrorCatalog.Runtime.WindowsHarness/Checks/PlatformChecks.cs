using System;
using System.Runtime.InteropServices;
using ErrorCatalog.Connect;

namespace ErrorCatalog.Runtime.WindowsHarness.Checks;

/// <summary>That the harness runs the Windows path at all, and on what.</summary>
internal static class PlatformChecks
{
    /// <summary>
    /// Fails anywhere but Windows: on Linux the same calls would take the Unix connector and the
    /// harness would prove nothing about Windows.
    /// </summary>
    public static string RunningOnWindows()
    {
        Expect.True(RuntimeInformation.IsOSPlatform(OSPlatform.Windows), $"not running on Windows but on {RuntimeInformation.OSDescription}");
        Expect.True(OperatingSystem.IsWindows(), "OperatingSystem.IsWindows() is false");
        Expect.Equal(ConnectPlatform.Windows, CatalogPlatform.Current, "CatalogPlatform.Current");
        return RuntimeInformation.OSDescription;
    }

    /// <summary>The Windows version .NET sees and, under Wine, Wine's own version (ntdll's wine_get_version).</summary>
    public static unsafe string DescribeSystem()
    {
        var wine = "not Wine";
        if (NativeLibrary.TryLoad("ntdll.dll", out var ntdll) && NativeLibrary.TryGetExport(ntdll, "wine_get_version", out var export))
        {
            var version = ((delegate* unmanaged<sbyte*>)export)();
            wine = "Wine " + new string(version);
        }

        return $"{RuntimeInformation.OSDescription}, {RuntimeInformation.OSArchitecture}, {wine}, .NET {Environment.Version}";
    }
}

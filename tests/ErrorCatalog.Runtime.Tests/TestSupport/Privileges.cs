using System;
using Xunit;

namespace ErrorCatalog.Runtime.Tests.TestSupport;

/// <summary>
/// Root and CI policy: a test that needs root (or network namespaces) runs in CI, where CI=true
/// and the user is root, and fails there if it cannot set up; elsewhere, without root, it is
/// reported as skipped with the reason.
/// </summary>
internal static class Privileges
{
    internal static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    internal static bool IsRoot => TestNative.GetEuid() == 0;

    internal static void RequireRoot(string why)
    {
        if (IsRoot)
        {
            return;
        }

        if (IsCi)
        {
            throw new InvalidOperationException($"CI=true but the tests do not run as root; root is needed to {why}.");
        }

        Skip.If(true, $"Needs root to {why} (run as root, as CI does, to include it).");
    }

    /// <summary>A setup step failed: in CI that is a failure, elsewhere a skip with the reason.</summary>
    internal static void SetupFailed(string what, Exception? cause = null)
    {
        if (IsCi)
        {
            throw new InvalidOperationException($"Test setup failed in CI: {what}", cause);
        }

        Skip.If(true, $"Setup not possible here: {what}{(cause is null ? "" : ": " + cause.Message)}");
    }
}

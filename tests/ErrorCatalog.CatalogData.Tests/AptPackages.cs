using System;
using Xunit;
using Xunit.Sdk;

namespace ErrorCatalog.CatalogData.Tests;

/// <summary>
/// What a test does when an apt package it reads from is not installed: in CI (CI=true, where
/// build/test.sh installs every package as root) that is a failure; elsewhere the test is reported
/// as skipped, with the package to install.
/// </summary>
internal static class AptPackages
{
    private static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>The exception to throw for <paramref name="problem"/>: a failure in CI, a skip elsewhere.</summary>
    public static Exception Missing(string problem) => IsCi
        ? new XunitException(problem)
        : new Xunit.SkipException(problem + " Skipped: build/test.sh installs it when run as root.");
}

using System;
using ErrorCatalog.Connect;
using ErrorCatalog.SocketCall;
using Xunit;

namespace ErrorCatalog.Runtime.Tests;

/// <summary>
/// The runtime reads the running system's codes with the column the catalogs' <c>runs-on</c> data
/// places it in (the generated <c>CurrentPlatform</c> of each catalog), not with a hand-written
/// detection of its own.
/// </summary>
public sealed class CatalogPlatformTests
{
    [Fact]
    public void The_runtime_uses_the_column_the_connect_catalog_detects()
    {
        Assert.True(CatalogPlatform.IsSupported);
        Assert.Equal(ConnectErrors.CurrentPlatform, CatalogPlatform.Current);
        if (OperatingSystem.IsLinux())
        {
            // connect.yaml's linux column runs on every architecture .NET ships for Linux.
            Assert.Equal(ConnectPlatform.Linux, CatalogPlatform.Current);
            Assert.Same(Interop.PlatformConstants.Linux, Interop.PlatformConstants.Current);
        }
        else if (OperatingSystem.IsWindows())
        {
            Assert.Equal(ConnectPlatform.Windows, CatalogPlatform.Current);
            Assert.Null(Interop.PlatformConstants.Current);
        }
    }

    [Fact]
    public void The_socket_catalog_column_is_its_own_detection_and_names_the_same_platform()
    {
        Assert.Equal(SocketCallErrors.CurrentPlatform, CatalogPlatform.SocketCall);
        Assert.Equal(ConnectErrors.GetPlatformId(CatalogPlatform.Current), SocketCallErrors.GetPlatformId(CatalogPlatform.SocketCall));
    }

    [Fact]
    public void A_socket_failure_is_typed_with_the_socket_catalog_column_of_this_system()
    {
        var error = SystemCallError.SocketCallFailure(24);
        Assert.Equal(SocketCallErrors.CurrentPlatform, error.Platform);
        Assert.Equal(24, error.Code);
    }
}

using ErrorCatalog.Connect;
using Xunit;

namespace ErrorCatalog.Runtime.Tests.TestSupport;

internal static class Expect
{
    /// <summary>
    /// The result is a failure with the raw Linux errno <paramref name="errno"/>, read with the
    /// Linux column, and mapped to the catalog entry whose canonical name or alias is <paramref name="name"/>.
    /// </summary>
    internal static void Failure(ConnectResult result, string name, int errno)
    {
        Assert.True(result.Outcome == ConnectOutcome.Failed, $"expected {name} ({errno}), got {result}");
        Assert.Null(result.Socket);
        AssertNative(result.NativeError, name, errno);
    }

    internal static void InProgress(ConnectResult result, string name, int errno)
    {
        Assert.True(result.Outcome == ConnectOutcome.InProgress, $"expected in progress with {name} ({errno}), got {result}");
        AssertNative(result.NativeError, name, errno);
    }

    internal static void AssertNative(ConnectNativeError error, string name, int errno)
    {
        Assert.Equal(errno, error.Code);
        Assert.Equal(ConnectPlatform.Linux, error.Platform);
        Assert.True(ConnectErrors.TryParse(name, out var expected), $"the catalog has no entry named {name}");
        Assert.True(error.IsKnown, $"errno {errno} is not mapped by the catalog's Linux column");
        Assert.Equal(expected, error.Error);
    }

    internal static void Connected(ConnectResult result)
    {
        Assert.True(result.Outcome == ConnectOutcome.Connected, $"expected a connection, got {result}");
    }
}

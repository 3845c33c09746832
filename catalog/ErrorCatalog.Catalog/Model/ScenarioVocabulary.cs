namespace ErrorCatalog.Catalog.Model;

/// <summary>
/// The words a scenario may use: socket types, needs, ways of observing the error, and the result
/// that means "no error". The loader checks against these lists, and code that runs or renders
/// scenarios compares with these constants, so the vocabulary lives only here.
/// </summary>
public static class ScenarioVocabulary
{
    /// <summary>The result (and naive prediction) that means the call succeeds.</summary>
    public const string Success = "success";

    /// <summary>The only scalar value of <c>needs</c>: any user can run the scenario.</summary>
    public const string NoNeeds = "none";

    /// <summary><c>SOCK_STREAM</c>.</summary>
    public const string Stream = "stream";

    /// <summary><c>SOCK_DGRAM</c>.</summary>
    public const string Dgram = "dgram";

    /// <summary><c>SOCK_SEQPACKET</c>.</summary>
    public const string Seqpacket = "seqpacket";

    /// <summary><c>SOCK_RAW</c>.</summary>
    public const string Raw = "raw";

    /// <summary><c>SOCK_RDM</c>.</summary>
    public const string Rdm = "rdm";

    /// <summary>The runner is root (or has the capabilities the setup uses).</summary>
    public const string Root = "root";

    /// <summary>The runner can create network namespaces.</summary>
    public const string Netns = "netns";

    /// <summary>The runner has the nft tool and can load rules (inside its own namespace).</summary>
    public const string Nftables = "nftables";

    /// <summary>The kernel supports Landlock and the runner can restrict itself with it.</summary>
    public const string Landlock = "landlock";

    /// <summary>The runner can load and attach BPF programs (for example cgroup connect hooks).</summary>
    public const string Bpf = "bpf";

    /// <summary>The setup needs a second, unprivileged user (for example to drop root).</summary>
    public const string UnprivilegedUser = "unprivileged-user";

    /// <summary>The observed value is what the connect() call itself returns.</summary>
    public const string ViaConnect = "connect";

    /// <summary>A non-blocking connect() returns EINPROGRESS; the error is read from <c>SO_ERROR</c> once the socket polls writable.</summary>
    public const string ViaSoError = "so-error";

    /// <summary>The observed value is what a second connect() on the same socket returns, after a first one.</summary>
    public const string ViaSecondConnect = "second-connect";

    /// <summary>The observed value is what the socket() call itself returns (catalogs of socket()).</summary>
    public const string ViaSocket = "socket";

    /// <summary>The key under <c>dotnet</c> for what <c>Socket.Connect</c> reports.</summary>
    public const string DotNetConnectKey = "connect";

    /// <summary>The key under <c>dotnet</c> for what <c>Socket.ConnectAsync</c> reports.</summary>
    public const string DotNetConnectAsyncKey = "connect-async";

    /// <summary>The key under <c>dotnet</c> for what <c>new Socket(family, type, protocol)</c> reports.</summary>
    public const string DotNetSocketKey = "socket";

    /// <summary>Every allowed <c>socket</c> value.</summary>
    public static IReadOnlyList<string> SocketTypes { get; } = new[] { Stream, Dgram, Seqpacket, Raw, Rdm };

    /// <summary>Every allowed item of a <c>needs</c> list (<see cref="NoNeeds"/> is written alone, never in the list).</summary>
    public static IReadOnlyList<string> Needs { get; } = new[] { Root, Netns, Nftables, Landlock, Bpf, UnprivilegedUser };

    /// <summary>Every allowed <c>via</c> value.</summary>
    public static IReadOnlyList<string> Vias { get; } = new[] { ViaConnect, ViaSoError, ViaSecondConnect, ViaSocket };

    /// <summary>The keys allowed under a scenario's <c>dotnet</c>.</summary>
    public static IReadOnlyList<string> DotNetKeys { get; } = new[] { DotNetConnectKey, DotNetConnectAsyncKey, DotNetSocketKey };
}

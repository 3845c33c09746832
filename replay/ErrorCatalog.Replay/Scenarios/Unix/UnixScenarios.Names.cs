using System;
using System.Collections.Generic;
using System.IO;
using ErrorCatalog.Replay.Native;

namespace ErrorCatalog.Replay.Scenarios.Unix;

/// <summary>Socket types that do not match, abstract names, and file permissions seen by an unprivileged user.</summary>
internal static partial class UnixScenarios
{
    private static IEnumerable<ScenarioImplementation> NameScenarios =>
    [
        new("unix-stream-to-dgram-path", StreamToDgramPath),
        new("unix-dgram-to-stream-path", DgramToStreamPath),
        new("unix-seqpacket-to-stream-path", SeqpacketToStreamPath),
        new("unix-stream-to-seqpacket-path", StreamToSeqpacketPath),
        new("unix-stream-abstract-missing", AbstractMissing),
        new("unix-stream-abstract-listening", AbstractListening),
        new("unix-dgram-abstract-to-stream-name", DgramAbstractToStreamName),
        new("unix-stream-no-write-permission", NoWritePermission),
        new("unix-dgram-no-write-permission", DgramNoWritePermission),
        new("unix-stream-directory-not-searchable", DirectoryNotSearchable),
        new("unix-stream-no-write-permission-as-root", NoWritePermissionAsRoot),
        new("unix-stream-abstract-as-other-user", AbstractAsOtherUser),
    ];

    /// <summary>A unique abstract name per run: abstract names live in the network namespace, not in a directory the run owns.</summary>
    private static string AbstractName(string purpose) => $"errorcatalog-replay-{System.Environment.ProcessId}-{purpose}-{Guid.NewGuid():N}";

    private static Observation TypeMismatch(ScenarioContext context, int peerType, int ownType)
    {
        var address = SockAddr.UnixPath(UnixFixtures.SocketPath(context, "peer.sock"));
        UnixFixtures.UnixPeer(context, address, peerType);
        return context.Observe(context.OpenSocket(LinuxConstants.AF_UNIX, ownType), address);
    }

    private static Observation StreamToDgramPath(ScenarioContext context) =>
        TypeMismatch(context, LinuxConstants.SOCK_DGRAM, LinuxConstants.SOCK_STREAM);

    private static Observation DgramToStreamPath(ScenarioContext context) =>
        TypeMismatch(context, LinuxConstants.SOCK_STREAM, LinuxConstants.SOCK_DGRAM);

    private static Observation SeqpacketToStreamPath(ScenarioContext context) =>
        TypeMismatch(context, LinuxConstants.SOCK_STREAM, LinuxConstants.SOCK_SEQPACKET);

    private static Observation StreamToSeqpacketPath(ScenarioContext context) =>
        TypeMismatch(context, LinuxConstants.SOCK_SEQPACKET, LinuxConstants.SOCK_STREAM);

    private static Observation AbstractMissing(ScenarioContext context) =>
        context.Observe(context.OpenSocket(LinuxConstants.AF_UNIX, LinuxConstants.SOCK_STREAM), SockAddr.UnixAbstract(AbstractName("missing")));

    private static Observation AbstractListening(ScenarioContext context)
    {
        var address = SockAddr.UnixAbstract(AbstractName("listening"));
        UnixFixtures.UnixPeer(context, address, LinuxConstants.SOCK_STREAM);
        return context.Observe(context.OpenSocket(LinuxConstants.AF_UNIX, LinuxConstants.SOCK_STREAM), address);
    }

    private static Observation DgramAbstractToStreamName(ScenarioContext context)
    {
        var address = SockAddr.UnixAbstract(AbstractName("typed"));
        UnixFixtures.UnixPeer(context, address, LinuxConstants.SOCK_STREAM);
        return context.Observe(context.OpenSocket(LinuxConstants.AF_UNIX, LinuxConstants.SOCK_DGRAM), address);
    }

    /// <summary>Mode 0755: everyone may read the socket file, only its owner (root) may write it, which connect() needs.</summary>
    private const UnixFileMode OwnerWritableOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
        | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;

    /// <summary>A listener (or bound datagram socket) created by root whose socket file then gets <paramref name="mode"/>.</summary>
    private static SockAddr SocketFileWithMode(ScenarioContext context, int type, UnixFileMode mode)
    {
        string path = UnixFixtures.SocketPath(context, "private.sock");
        var address = SockAddr.UnixPath(path);
        UnixFixtures.UnixPeer(context, address, type);
        UnixFixtures.SetMode(path, mode);
        return address;
    }

    private static Observation NoWritePermission(ScenarioContext context)
    {
        var address = SocketFileWithMode(context, LinuxConstants.SOCK_STREAM, OwnerWritableOnly);
        return UnixFixtures.AsNobody(() => context.Observe(context.OpenSocket(LinuxConstants.AF_UNIX, LinuxConstants.SOCK_STREAM), address));
    }

    private static Observation DgramNoWritePermission(ScenarioContext context)
    {
        var address = SocketFileWithMode(context, LinuxConstants.SOCK_DGRAM, OwnerWritableOnly);
        return UnixFixtures.AsNobody(() => context.Observe(context.OpenSocket(LinuxConstants.AF_UNIX, LinuxConstants.SOCK_DGRAM), address));
    }

    private static Observation NoWritePermissionAsRoot(ScenarioContext context)
    {
        // Mode 0000: no one may write it, yet root's CAP_DAC_OVERRIDE passes the check.
        var address = SocketFileWithMode(context, LinuxConstants.SOCK_STREAM, UnixFileMode.None);
        return context.Observe(context.OpenSocket(LinuxConstants.AF_UNIX, LinuxConstants.SOCK_STREAM), address);
    }

    private static Observation DirectoryNotSearchable(ScenarioContext context)
    {
        // The socket file itself is open to everyone (0777); the directory holding it is 0700.
        string directory = Path.Combine(context.CreateTempDirectory(), "closed");
        Directory.CreateDirectory(directory);
        string path = Path.Combine(directory, "server.sock");
        var address = SockAddr.UnixPath(path);
        UnixFixtures.UnixPeer(context, address, LinuxConstants.SOCK_STREAM);
        UnixFixtures.SetMode(path, (UnixFileMode)0b111_111_111); // 0777
        UnixFixtures.SetMode(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return UnixFixtures.AsNobody(() => context.Observe(context.OpenSocket(LinuxConstants.AF_UNIX, LinuxConstants.SOCK_STREAM), address));
    }

    private static Observation AbstractAsOtherUser(ScenarioContext context)
    {
        // The listener belongs to root; abstract names carry no owner or mode.
        var address = SockAddr.UnixAbstract(AbstractName("anyone"));
        UnixFixtures.UnixPeer(context, address, LinuxConstants.SOCK_STREAM);
        return UnixFixtures.AsNobody(() => context.Observe(context.OpenSocket(LinuxConstants.AF_UNIX, LinuxConstants.SOCK_STREAM), address));
    }
}

using System;
using System.Collections.Generic;
using System.IO;
using ErrorCatalog.Replay.Environment;
using ErrorCatalog.Replay.Native;

namespace ErrorCatalog.Replay.Scenarios.Policy;

/// <summary>
/// File permissions on AF_UNIX pathname sockets, seen by a thread that switched to an
/// unprivileged uid and gid (only that thread: the raw setresuid/setresgid calls are per-thread)
/// and by root; abstract names have no permissions at all.
/// </summary>
internal static partial class PolicyScenarios
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode EveryoneReadsAndSearches = OwnerOnly | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;
    private const UnixFileMode EveryoneEverything = EveryoneReadsAndSearches | UnixFileMode.GroupWrite | UnixFileMode.OtherWrite;

    private static IEnumerable<ScenarioImplementation> PrivilegeScenarios =>
    [
        new("priv-unix-no-write-permission-stream", c => UnprivilegedPathConnect(c, LinuxConstants.SOCK_STREAM, EveryoneReadsAndSearches, EveryoneReadsAndSearches, "listener.sock")),
        new("priv-unix-no-write-permission-dgram", c => UnprivilegedPathConnect(c, LinuxConstants.SOCK_DGRAM, EveryoneReadsAndSearches, EveryoneReadsAndSearches, "listener.sock")),
        new("priv-unix-unsearchable-directory", c => UnprivilegedPathConnect(c, LinuxConstants.SOCK_STREAM, EveryoneEverything, OwnerOnly, "listener.sock")),
        new("priv-unix-missing-in-unsearchable-directory", c => UnprivilegedPathConnect(c, LinuxConstants.SOCK_STREAM, EveryoneEverything, OwnerOnly, "absent.sock")),
        new("priv-unix-root-ignores-mode", RootIgnoresSocketFileMode),
        new("priv-unix-abstract-unprivileged", UnprivilegedAbstractConnect),
    ];

    /// <summary>
    /// Root makes a directory with <paramref name="directoryMode"/> holding a listener whose file
    /// has <paramref name="socketMode"/>; an unprivileged thread connects to
    /// <paramref name="target"/> in that directory.
    /// </summary>
    private static Observation UnprivilegedPathConnect(ScenarioContext context, int type, UnixFileMode socketMode, UnixFileMode directoryMode, string target)
    {
        string directory = Path.Join(context.CreateTempDirectory(), "sockets");
        Directory.CreateDirectory(directory);
        PathListener(context, type, Path.Join(directory, "listener.sock"), socketMode);
        SetMode(Path.GetDirectoryName(directory)!, EveryoneReadsAndSearches);
        SetMode(directory, directoryMode);
        var address = SockAddr.UnixPath(Path.Join(directory, target));
        return DedicatedThread.Run(() =>
        {
            var socket = context.OpenSocket(LinuxConstants.AF_UNIX, type);
            DropThreadPrivileges(context);
            return context.Observe(socket, address);
        });
    }

    /// <summary>A listener whose socket file has no permission bits at all; root connects to it.</summary>
    private static Observation RootIgnoresSocketFileMode(ScenarioContext context)
    {
        string path = Path.Join(context.CreateTempDirectory(), "listener.sock");
        PathListener(context, LinuxConstants.SOCK_STREAM, path, UnixFileMode.None);
        var socket = context.OpenSocket(LinuxConstants.AF_UNIX, LinuxConstants.SOCK_STREAM);
        return context.Observe(socket, SockAddr.UnixPath(path));
    }

    /// <summary>Root listens on an abstract name; an unprivileged thread connects to it.</summary>
    private static Observation UnprivilegedAbstractConnect(ScenarioContext context)
    {
        var (_, address) = AbstractListener(context, LinuxConstants.SOCK_STREAM);
        return DedicatedThread.Run(() =>
        {
            var socket = context.OpenSocket(LinuxConstants.AF_UNIX, LinuxConstants.SOCK_STREAM);
            DropThreadPrivileges(context);
            return context.Observe(socket, address);
        });
    }

    private static void PathListener(ScenarioContext context, int type, string path, UnixFileMode mode)
    {
        var listener = context.OpenSocket(LinuxConstants.AF_UNIX, type);
        context.Bind(listener, SockAddr.UnixPath(path));
        if (type != LinuxConstants.SOCK_DGRAM)
        {
            context.Listen(listener, 8);
        }

        SetMode(path, mode);
    }

    private static void SetMode(string path, UnixFileMode mode)
    {
        // The replay runs on Linux only (the runner checks); this guard tells the analyzer so.
        if (OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException("Unix file modes do not exist on Windows.");
        }

        File.SetUnixFileMode(path, mode);
    }

    /// <summary>Switches the calling thread (group first, while it may still) to nobody/nogroup; the thread ends with the run.</summary>
    internal static void DropThreadPrivileges(ScenarioContext context)
    {
        int id = PolicyNative.UnprivilegedId;
        context.Check(Libc.SetThreadResGid(id, id, id), "setresgid(nogroup) on this thread");
        context.Check(Libc.SetThreadResUid(id, id, id), "setresuid(nobody) on this thread");
    }
}

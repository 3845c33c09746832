using System;
using System.Net.Sockets;
using ErrorCatalog.Replay.Environment;
using ErrorCatalog.Replay.Native;

namespace ErrorCatalog.Replay.Scenarios.Creation;

/// <summary>
/// EMFILE without touching the process: a dedicated thread unshares its descriptor table
/// (CLONE_FILES), so the table it fills is its own copy, and the thread's end frees that copy
/// with every duplicate in it. RLIMIT_NOFILE is shared by the whole process and stays as it is;
/// the thread simply uses every slot below it.
/// </summary>
internal static partial class CreationScenarios
{
    /// <summary>A soft limit above this would take too long to fill (one dup() per slot).</summary>
    private const ulong MostSlotsToFill = 1UL << 21;

    private static unsafe Observation WithFullDescriptorTable(ScenarioContext context, int family) => DedicatedThread.Run(() =>
    {
        ulong* limits = stackalloc ulong[2];
        context.Check(Libc.GetRLimit(LinuxConstants.RLIMIT_NOFILE, limits), "getrlimit(RLIMIT_NOFILE)");
        if (limits[0] > MostSlotsToFill)
        {
            throw new ScenarioUnavailableException($"the soft RLIMIT_NOFILE is {limits[0]}, too many descriptors to fill one by one");
        }

        // Everything the observed call may need from the runtime is loaded while descriptors are
        // still free: the socket assembly and its native shim, and an exception's message.
        if (context.Driver != ConnectDriver.Libc)
        {
            new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp).Dispose();
            GC.KeepAlive(new SocketException(LinuxConstants.EMFILE).Message);
        }

        // The seed is opened (and later closed by the context) in the shared table; only its copies
        // live in the private one.
        var seed = context.OpenSocket(LinuxConstants.AF_UNIX, LinuxConstants.SOCK_DGRAM);
        context.Check(Libc.Unshare(LinuxConstants.CLONE_FILES), "unshare(CLONE_FILES)");
        while (Libc.Dup(seed.Value) >= 0)
        {
        }

        if (Libc.LastError != LinuxConstants.EMFILE)
        {
            throw new ScenarioSetupException($"filling the private descriptor table stopped with {context.NameOf(Libc.LastError)} instead of EMFILE");
        }

        return context.ObserveSocket(family, LinuxConstants.SOCK_STREAM, 0);
    });
}

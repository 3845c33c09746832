using System;
using System.Collections.Generic;
using ErrorCatalog.Replay.Native;

namespace ErrorCatalog.Replay.Scenarios.Unix;

/// <summary>
/// TCP connects that do not finish at once: non-blocking ones, blocking ones bounded by
/// SO_SNDTIMEO, and blocking ones that signals interrupt (with and without SA_RESTART); the AF_UNIX
/// counterparts of the signal cases.
/// </summary>
internal static partial class UnixScenarios
{
    /// <summary>Longer than any signal scenario takes to send its first signal, so the timeout never fires first.</summary>
    private static readonly TimeSpan LongSendTimeout = TimeSpan.FromSeconds(5);

    private static IEnumerable<ScenarioImplementation> ProgressScenarios =>
    [
        new("tcp-nonblocking-in-progress", TcpNonBlockingInProgress),
        new("tcp6-nonblocking-in-progress", Tcp6NonBlockingInProgress),
        new("tcp-nonblocking-second-connect-pending", TcpSecondConnectPending),
        new("tcp6-nonblocking-second-connect-pending", Tcp6SecondConnectPending),
        new("tcp-nonblocking-second-connect-established", TcpSecondConnectEstablished),
        new("tcp-send-timeout-full-backlog", TcpSendTimeoutFullBacklog),
        new("tcp-send-timeout-second-connect", TcpSendTimeoutSecondConnect),
        new("tcp-signal-interrupts-connect", TcpSignalInterrupts),
        new("tcp6-signal-interrupts-connect", Tcp6SignalInterrupts),
        new("unix-stream-signal-interrupts-connect", UnixSignalInterrupts),
        new("tcp-signal-restart-resumes-connect", TcpSignalRestartResumes),
        new("unix-stream-signal-restart-resumes-connect", UnixSignalRestartResumes),
        new("tcp-signal-restart-with-send-timeout", TcpSignalRestartWithSendTimeout),
        new("unix-stream-signal-restart-with-send-timeout", UnixSignalRestartWithSendTimeout),
        new("tcp-signal-interrupted-then-nonblocking-connect", TcpInterruptedThenNonBlocking),
    ];

    private static Observation NonBlockingInProgress(ScenarioContext context, int family)
    {
        UnixFixtures.TcpListener(context, family, 8, out var target);
        var socket = context.OpenSocket(family, LinuxConstants.SOCK_STREAM | LinuxConstants.SOCK_NONBLOCK);
        return context.Observe(socket, target);
    }

    private static Observation TcpNonBlockingInProgress(ScenarioContext context) => NonBlockingInProgress(context, LinuxConstants.AF_INET);

    private static Observation Tcp6NonBlockingInProgress(ScenarioContext context) => NonBlockingInProgress(context, LinuxConstants.AF_INET6);

    private static Observation SecondConnectPending(ScenarioContext context, int family)
    {
        UnixFixtures.FullTcpListener(context, family, out var target);
        var socket = UnixFixtures.BoundedTcpSocket(context, family);
        UnixFixtures.SetNonBlocking(context, socket);
        UnixFixtures.ConnectExpecting(context, socket, target, LinuxConstants.EINPROGRESS, "the first, non-blocking connect");
        return context.Observe(socket, target);
    }

    private static Observation TcpSecondConnectPending(ScenarioContext context) => SecondConnectPending(context, LinuxConstants.AF_INET);

    private static Observation Tcp6SecondConnectPending(ScenarioContext context) => SecondConnectPending(context, LinuxConstants.AF_INET6);

    private static unsafe Observation TcpSecondConnectEstablished(ScenarioContext context)
    {
        UnixFixtures.TcpListener(context, LinuxConstants.AF_INET, 8, out var target);
        var socket = context.OpenSocket(LinuxConstants.AF_INET, LinuxConstants.SOCK_STREAM | LinuxConstants.SOCK_NONBLOCK);
        UnixFixtures.ConnectExpecting(context, socket, target, LinuxConstants.EINPROGRESS, "the first, non-blocking connect");
        var ready = new Libc.PollFd { Fd = socket.Value, Events = LinuxConstants.POLLOUT };
        if (Libc.Poll(&ready, 1, (int)ScenarioContext.DefaultWait.TotalMilliseconds) != 1)
        {
            throw new ScenarioSetupException("the loopback handshake did not complete");
        }

        return context.Observe(socket, target);
    }

    private static Observation TcpSendTimeoutFullBacklog(ScenarioContext context)
    {
        UnixFixtures.FullTcpListener(context, LinuxConstants.AF_INET, out var target);
        var socket = UnixFixtures.BoundedTcpSocket(context, LinuxConstants.AF_INET);
        context.SetTimeout(socket, LinuxConstants.SO_SNDTIMEO, ShortSendTimeout);
        return context.Observe(socket, target);
    }

    private static Observation TcpSendTimeoutSecondConnect(ScenarioContext context)
    {
        UnixFixtures.FullTcpListener(context, LinuxConstants.AF_INET, out var target);
        var socket = UnixFixtures.BoundedTcpSocket(context, LinuxConstants.AF_INET);
        context.SetTimeout(socket, LinuxConstants.SO_SNDTIMEO, ShortSendTimeout);
        UnixFixtures.ConnectExpecting(context, socket, target, LinuxConstants.EINPROGRESS, "the first connect, bounded by SO_SNDTIMEO");
        return context.Observe(socket, target);
    }

    /// <summary>A blocking TCP connect to a full-backlog listener while SIGURG keeps arriving; the queue is freed after ten signals.</summary>
    private static Observation TcpUnderSignals(ScenarioContext context, int family, bool restart, TimeSpan? sendTimeout)
    {
        UnixSignals.CatchWith(context, restart);
        var listener = UnixFixtures.FullTcpListener(context, family, out var target);
        var socket = UnixFixtures.BoundedTcpSocket(context, family);
        if (sendTimeout is { } timeout)
        {
            context.SetTimeout(socket, LinuxConstants.SO_SNDTIMEO, timeout);
        }

        return UnixSignals.RunUnderSignals(() => context.Observe(socket, target), () => UnixFixtures.AcceptOne(context, listener));
    }

    /// <summary>The AF_UNIX counterpart of <see cref="TcpUnderSignals"/>.</summary>
    private static Observation UnixUnderSignals(ScenarioContext context, bool restart, TimeSpan? sendTimeout)
    {
        UnixSignals.CatchWith(context, restart);
        var address = SockAddr.UnixPath(UnixFixtures.SocketPath(context, "full.sock"));
        var listener = UnixFixtures.FullUnixListener(context, address);
        var socket = context.OpenSocket(LinuxConstants.AF_UNIX, LinuxConstants.SOCK_STREAM);
        if (sendTimeout is { } timeout)
        {
            context.SetTimeout(socket, LinuxConstants.SO_SNDTIMEO, timeout);
        }

        return UnixSignals.RunUnderSignals(() => context.Observe(socket, address), () => UnixFixtures.AcceptOne(context, listener));
    }

    private static Observation TcpSignalInterrupts(ScenarioContext context) => TcpUnderSignals(context, LinuxConstants.AF_INET, restart: false, sendTimeout: null);

    private static Observation Tcp6SignalInterrupts(ScenarioContext context) => TcpUnderSignals(context, LinuxConstants.AF_INET6, restart: false, sendTimeout: null);

    private static Observation UnixSignalInterrupts(ScenarioContext context) => UnixUnderSignals(context, restart: false, sendTimeout: null);

    private static Observation TcpSignalRestartResumes(ScenarioContext context) => TcpUnderSignals(context, LinuxConstants.AF_INET, restart: true, sendTimeout: null);

    private static Observation UnixSignalRestartResumes(ScenarioContext context) => UnixUnderSignals(context, restart: true, sendTimeout: null);

    private static Observation TcpSignalRestartWithSendTimeout(ScenarioContext context) => TcpUnderSignals(context, LinuxConstants.AF_INET, restart: true, LongSendTimeout);

    private static Observation UnixSignalRestartWithSendTimeout(ScenarioContext context) => UnixUnderSignals(context, restart: true, LongSendTimeout);

    private static Observation TcpInterruptedThenNonBlocking(ScenarioContext context)
    {
        UnixSignals.CatchWith(context, restart: false);
        var listener = UnixFixtures.FullTcpListener(context, LinuxConstants.AF_INET, out var target);
        var socket = UnixFixtures.BoundedTcpSocket(context, LinuxConstants.AF_INET);
        int first = UnixSignals.RunUnderSignals(() => context.RawConnect(socket, target), () => UnixFixtures.AcceptOne(context, listener));
        if (first != LinuxConstants.EINTR)
        {
            throw new ScenarioSetupException($"the first, signalled connect gave {context.ResultOf(first)}, not EINTR");
        }

        UnixFixtures.SetNonBlocking(context, socket);
        return context.Observe(socket, target);
    }
}

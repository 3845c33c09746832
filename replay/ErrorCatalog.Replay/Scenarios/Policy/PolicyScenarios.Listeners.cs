using System;
using ErrorCatalog.Replay.Native;

namespace ErrorCatalog.Replay.Scenarios.Policy;

/// <summary>The listeners the policy scenarios connect to: made by the runner's thread, outside any restriction.</summary>
internal static partial class PolicyScenarios
{
    /// <summary>A listener (stream) or bound socket (datagram) on the loopback address, port chosen by the kernel.</summary>
    private static (Fd Listener, SockAddr Address) LoopbackListener(ScenarioContext context, int family, int type)
    {
        SockAddr At(int port) => family == LinuxConstants.AF_INET6 ? SockAddr.Inet6("::1", port) : SockAddr.Inet("127.0.0.1", port);
        var listener = context.OpenSocket(family, type);
        context.Bind(listener, At(0));
        if (type != LinuxConstants.SOCK_DGRAM)
        {
            context.Listen(listener, 8);
        }

        return (listener, At(context.BoundPort(listener)));
    }

    /// <summary>A listener (or bound datagram socket) on a fresh abstract name.</summary>
    private static (Fd Listener, SockAddr Address) AbstractListener(ScenarioContext context, int type)
    {
        var address = SockAddr.UnixAbstract($"ecreplay-policy-{Guid.NewGuid():N}");
        var listener = context.OpenSocket(LinuxConstants.AF_UNIX, type);
        context.Bind(listener, address);
        if (type != LinuxConstants.SOCK_DGRAM)
        {
            context.Listen(listener, 8);
        }

        return (listener, address);
    }
}

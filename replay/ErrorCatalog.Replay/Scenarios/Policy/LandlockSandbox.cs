using System;
using ErrorCatalog.Replay.Environment;
using ErrorCatalog.Replay.Native;

namespace ErrorCatalog.Replay.Scenarios.Policy;

/// <summary>
/// Puts the calling thread (and only it: Landlock domains and no_new_privs belong to one task)
/// into a new Landlock domain. Call it on a dedicated thread that ends with the scenario.
/// </summary>
internal static unsafe class LandlockSandbox
{
    /// <summary>Fails as unavailable when the kernel's Landlock ABI is older than <paramref name="abi"/>.</summary>
    public static void RequireAbi(int abi, string feature)
    {
        if (Capabilities.LandlockAbi < abi)
        {
            throw new ScenarioUnavailableException(
                $"{feature} needs Landlock ABI {abi}; this kernel offers {Capabilities.LandlockAbi}");
        }
    }

    /// <summary>
    /// Restricts the calling thread: the rights in <paramref name="handledFileSystem"/> and
    /// <paramref name="handledNetwork"/> are denied except where a rule allows them (the only rule
    /// offered is TCP connect to <paramref name="allowedConnectPort"/>), and the IPC in
    /// <paramref name="scoped"/> is limited to the domain.
    /// </summary>
    public static void RestrictCurrentThread(ulong handledFileSystem, ulong handledNetwork, ulong scoped, int? allowedConnectPort = null)
    {
        // struct landlock_ruleset_attr { __u64 handled_access_fs, handled_access_net, scoped; }
        ulong* attributes = stackalloc ulong[3];
        attributes[0] = handledFileSystem;
        attributes[1] = handledNetwork;
        attributes[2] = scoped;
        int ruleset = (int)Libc.Syscall(LinuxConstants.SYS_landlock_create_ruleset, (nint)attributes, 3 * sizeof(ulong), 0, 0, 0, 0);
        if (ruleset < 0)
        {
            throw new ScenarioSetupException($"landlock_create_ruleset failed with errno {Libc.LastError}");
        }

        try
        {
            if (allowedConnectPort is int port)
            {
                // struct landlock_net_port_attr { __u64 allowed_access; __u64 port; }
                ulong* rule = stackalloc ulong[2];
                rule[0] = PolicyNative.LANDLOCK_ACCESS_NET_CONNECT_TCP;
                rule[1] = (ulong)port;
                if (Libc.Syscall(LinuxConstants.SYS_landlock_add_rule, ruleset, PolicyNative.LANDLOCK_RULE_NET_PORT, (nint)rule, 0, 0, 0) != 0)
                {
                    throw new ScenarioSetupException($"landlock_add_rule(port {port}) failed with errno {Libc.LastError}");
                }
            }

            // Without CAP_SYS_ADMIN a domain needs no_new_privs; it is a per-thread flag, like the domain.
            if (Libc.Prctl(LinuxConstants.PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0)
            {
                throw new ScenarioSetupException($"prctl(PR_SET_NO_NEW_PRIVS) failed with errno {Libc.LastError}");
            }

            if (Libc.Syscall(LinuxConstants.SYS_landlock_restrict_self, ruleset, 0, 0, 0, 0, 0) != 0)
            {
                throw new ScenarioSetupException($"landlock_restrict_self failed with errno {Libc.LastError}");
            }
        }
        finally
        {
            Libc.Close(ruleset);
        }
    }
}

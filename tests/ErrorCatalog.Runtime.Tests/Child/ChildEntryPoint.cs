using System;

namespace ErrorCatalog.Runtime.Tests.Child;

/// <summary>
/// The test assembly's entry point. The test host never calls it; tests that must change
/// process-wide state (the descriptor limit) start this assembly again as a child process with a
/// scenario name, so the test process itself is left untouched.
/// </summary>
public static class ChildEntryPoint
{
    public static int Main(string[] args) => args switch
    {
        [DescriptorLimitScenario.Name] => DescriptorLimitScenario.Run(Console.Out),
        [SocketLimitScenario.Name] => SocketLimitScenario.Run(Console.Out),
        _ => 2,
    };
}

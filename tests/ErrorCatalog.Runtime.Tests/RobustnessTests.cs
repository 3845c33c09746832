using System;
using System.Linq;
using System.Threading.Tasks;
using ErrorCatalog.Runtime.Tests.Child;
using ErrorCatalog.Runtime.Tests.TestSupport;
using Xunit;

namespace ErrorCatalog.Runtime.Tests;

/// <summary>The runtime under resource exhaustion, mass cancellation and completion racing cancellation.</summary>
[Collection(ResourceCollection.Name)]
public sealed class RobustnessTests
{
    [Fact]
    public async Task Exhausted_descriptors_give_a_typed_result_for_that_call_and_the_next_call_recovers()
    {
        var lines = await ChildProcess.RunScenarioAsync(DescriptorLimitScenario.Name);
        string Step(string name) => lines.Single(line => line.StartsWith(name + " ", StringComparison.Ordinal))[(name.Length + 1)..];

        Assert.Equal("SystemCallFailed socket EMFILE", Step("socket-sync"));
        Assert.Equal("SystemCallFailed socket EMFILE", Step("socket-async"));
        Assert.Equal("SystemCallFailed epoll_create1 EMFILE", Step("waiter"));
        Assert.Equal("Connected", Step("recovered-sync"));
        Assert.Equal("TimedOutByCaller", Step("recovered-async-pending"));
        Assert.Equal("Connected", Step("recovered-async"));
    }
}

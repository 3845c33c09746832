using System;

namespace ErrorCatalog.Replay;

/// <summary>
/// The code that reproduces one catalog scenario: it prepares the situation through the
/// <see cref="ScenarioContext"/> and returns what <see cref="ScenarioContext.Observe"/> saw.
/// The same code runs once per driver (libc, then .NET's Connect and ConnectAsync).
/// </summary>
/// <param name="Id">The scenario id in the catalog.</param>
/// <param name="Run">The reproduction.</param>
public sealed record ScenarioImplementation(string Id, Func<ScenarioContext, Observation> Run);

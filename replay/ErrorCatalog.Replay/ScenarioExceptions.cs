using System;

namespace ErrorCatalog.Replay;

/// <summary>
/// The scenario cannot run for this user or on this kernel (a missing capability, an older
/// Landlock ABI): the runner reports it skipped with <see cref="Exception.Message"/> as the reason.
/// </summary>
public sealed class ScenarioUnavailableException(string reason) : Exception(reason);

/// <summary>
/// Preparing the scenario failed (a command exited non-zero, a setup call returned an error): the
/// run fails, with what went wrong, because its observation would mean nothing.
/// </summary>
public sealed class ScenarioSetupException(string what, Exception? cause = null) : Exception(what, cause);

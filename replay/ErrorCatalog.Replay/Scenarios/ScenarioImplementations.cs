using System.Collections.Generic;
using System.Linq;
using ErrorCatalog.Replay.Scenarios.Creation;
using ErrorCatalog.Replay.Scenarios.Ip;
using ErrorCatalog.Replay.Scenarios.Policy;
using ErrorCatalog.Replay.Scenarios.Unix;

namespace ErrorCatalog.Replay.Scenarios;

/// <summary>Every scenario implementation of every catalog, by area; scenario ids are unique across catalogs, and the replay tests check that these ids and the catalogs' are the same set.</summary>
public static class ScenarioImplementations
{
    private static readonly Dictionary<string, ScenarioImplementation> s_byId =
        UnixScenarios.All.Concat(IpScenarios.All).Concat(PolicyScenarios.All).Concat(CreationScenarios.All).ToDictionary(implementation => implementation.Id);

    public static IReadOnlyCollection<ScenarioImplementation> All => s_byId.Values;

    public static ScenarioImplementation? Find(string id) => s_byId.GetValueOrDefault(id);
}

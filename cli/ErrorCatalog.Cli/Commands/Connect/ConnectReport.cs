using System.Net.Sockets;
using ErrorCatalog.Runtime;

namespace ErrorCatalog.Cli.Commands.Connect;

/// <summary>
/// Everything errcat says about one attempt, for text and JSON alike. The catalog is asked for only
/// what the generated types do not carry (per-family meanings, scenarios, classification titles, the
/// full entry for JSON), and only when the output needs it.
/// </summary>
public sealed record ConnectReport(
    ConnectTarget Target,
    ConnectOptions Options,
    ConnectOutcome Outcome,
    ConnectCase Case,
    Lazy<CatalogModel> Catalog,
    string? PlatformId = null,
    bool Winsock = false,
    int? Code = null,
    string? NativeName = null,
    ErrorFacts? Facts = null,
    string? FailedCall = null)
{
    private string Transport => Options.SocketType == SocketType.Dgram ? "datagram" : "stream";

    private string NativeFamily => Target.AddressFamily switch
    {
        AddressFamily.InterNetwork => "AF_INET",
        AddressFamily.InterNetworkV6 => "AF_INET6",
        AddressFamily.Unix => "AF_UNIX",
        var other => other.ToString(),
    };

    private FamilyDefinition? Family => Catalog.Value.Families.FirstOrDefault(f => f.Native == NativeFamily);

    private ErrorEntry? Entry => Facts is null ? null : Catalog.Value.FindError(Facts.Name);

    public void WriteText(TextWriter output)
    {
        var what = $"connect to {Target} ({Transport} socket, {NativeFamily})";
        switch (Outcome)
        {
            case ConnectOutcome.Connected:
                output.Write($"{what}: connected\n");
                if (Options.SocketType == SocketType.Dgram)
                {
                    output.Write("A datagram connect() only records the peer and sends nothing, so it succeeds even when nothing listens there.\n");
                }

                return;
            case ConnectOutcome.TimedOutByCaller:
                output.Write($"{what}: no answer within {TimeoutMilliseconds} ms\n");
                output.Write("errcat's own --timeout ran out before the system answered; this is not the system's ETIMEDOUT.\n");
                return;
            case ConnectOutcome.Canceled:
                output.Write($"{what}: canceled before the system answered\n");
                return;
            case ConnectOutcome.SystemCallFailed:
                output.Write(string.Create(
                    CultureInfo.InvariantCulture,
                    $"{what}: not attempted: {FailedCall}() failed with {NativeName ?? "an unknown code"} ({Code})\n"));
                output.Write($"connect() was never called; the {Catalog.Value.Info.Function} catalog does not describe {FailedCall}() errors.\n");
                return;
            case ConnectOutcome.Aborted:
                output.Write($"{what}: aborted because the socket was closed while connecting\n");
                return;
        }

        var ended = Outcome switch
        {
            ConnectOutcome.InProgress => "still in progress",
            ConnectOutcome.SocketFailed => "not attempted: socket() failed",
            _ => "failed",
        };
        output.Write($"{what}: {ended} with {NativeName ?? "an unknown code"}\n");
        var facts = new TextTable("FIELD", "VALUE");
        facts.Add("raw code", string.Create(CultureInfo.InvariantCulture, $"{Code} on {PlatformId} ({(Winsock ? "Winsock code" : "errno")})"));
        if (Facts is null)
        {
            facts.Add("catalog", string.Create(CultureInfo.InvariantCulture, $"no entry of the {Catalog.Value.Info.Function} catalog has code {Code} on {PlatformId}; the raw code above is all there is"));
            facts.WriteTo(output, withHeader: false);
            return;
        }

        facts.Add("error", $"{Facts.Name} ({Facts.ErrorMember}, {Facts.ExceptionType})");
        var entry = Entry;
        var scenario = ScenarioOfCase();
        if (scenario is null)
        {
            // The entry's meaning for this address family, so that a TCP failure is not explained with AF_UNIX words.
            var family = Family;
            var familyMeaning = family is null ? null : entry?.Families.FirstOrDefault(f => f.Family == family.Id)?.Meaning;
            facts.Add(familyMeaning is null ? "meaning" : $"meaning ({family!.Id})", familyMeaning ?? Facts.Summary);
        }

        if (Observation is not null)
        {
            facts.Add("this case", Observation);
        }

        if (scenario is not null)
        {
            // The catalog's scenario for the same situation explains it better than the entry's general meaning.
            var naive = scenario.Naive is null ? string.Empty : $", not {scenario.Naive} as {scenario.NaiveSource ?? "one might guess"} suggests";
            var note = scenario.Note is null ? string.Empty : " " + scenario.Note;
            facts.Add("scenario", $"{scenario.Id}: {scenario.Setup} On {scenario.Platform} that gives {scenario.Result} too{naive}.{note} (errcat reproduce {scenario.Id} replays it)");
        }

        if (Hint is not null)
        {
            facts.Add("hint", Hint);
        }

        facts.Add("what to do", Facts.Action);
        var classification = entry is null ? null : Catalog.Value.FindClassification(entry.Classification);
        if (classification is not null)
        {
            facts.Add("classification", $"{classification.Id}: {classification.Title}");
        }

        facts.Add(".NET", Facts.DotNetText);
        facts.Add("more", "errcat show " + Facts.Name);
        facts.WriteTo(output, withHeader: false);
    }

    public void WriteJson(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteString("target", Target.ToString());
        CatalogJson.WriteOptional(writer, "family", Family?.Id);
        writer.WriteString("socketType", Transport);
        if (Options.Timeout is null)
        {
            writer.WriteNull("timeoutMs");
        }
        else
        {
            writer.WriteNumber("timeoutMs", TimeoutMilliseconds);
        }

        writer.WriteString("outcome", Outcome switch
        {
            ConnectOutcome.Connected => "connected",
            ConnectOutcome.Failed => "failed",
            ConnectOutcome.TimedOutByCaller => "timed-out-by-caller",
            ConnectOutcome.Canceled => "canceled",
            ConnectOutcome.InProgress => "in-progress",
            ConnectOutcome.SystemCallFailed => "system-call-failed",
            ConnectOutcome.SocketFailed => "socket-failed",
            ConnectOutcome.Aborted => "aborted",
            _ => "none",
        });
        CatalogJson.WriteOptional(writer, "failedCall", FailedCall);
        CatalogJson.WriteOptional(writer, "platform", PlatformId);
        if (Code is int code)
        {
            writer.WriteNumber("code", code);
        }
        else
        {
            writer.WriteNull("code");
        }

        CatalogJson.WriteOptional(writer, "nativeName", NativeName);
        if (Entry is { } entry)
        {
            writer.WriteString("catalog", Catalog.Value.Info.Id);
            writer.WritePropertyName("error");
            CatalogJson.WriteError(writer, Catalog.Value, entry);
        }
        else
        {
            writer.WriteNull("error");
        }

        writer.WriteStartObject("case");
        CatalogJson.WriteOptional(writer, "observation", Facts is null ? null : Observation);
        CatalogJson.WriteOptional(writer, "scenario", ScenarioOfCase()?.Id);
        CatalogJson.WriteOptional(writer, "hint", Facts is null ? null : Hint);
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    /// <summary>What the target tells about a connect() failure; nothing for a socket() failure, which happened before the target was used.</summary>
    private string? Observation => Outcome == ConnectOutcome.SocketFailed ? null : Case.Observation;

    private string? Hint => Outcome == ConnectOutcome.SocketFailed ? null : Case.Hint;

    private Scenario? ScenarioOfCase() =>
        Facts is null || PlatformId is null ? null
        : Outcome == ConnectOutcome.SocketFailed ? SocketScenario(Facts.Name, PlatformId)
        : Case.ScenarioIn(Catalog.Value, Target, Options.SocketType, PlatformId, Facts.Name);

    /// <summary>
    /// The socket() catalog's scenario on this platform for this family and socket type whose result
    /// is what happened, when exactly one fits: errcat cannot see which setup refused the socket, so
    /// a choice between several would be a guess.
    /// </summary>
    private Scenario? SocketScenario(string observedError, string platformId)
    {
        var socketType = Options.SocketType == SocketType.Dgram ? ScenarioVocabulary.Dgram : ScenarioVocabulary.Stream;
        var fitting = Catalog.Value.ScenariosWithResult(observedError)
            .Where(s => s.Platform == platformId && s.Family == Family?.Id && s.Socket == socketType)
            .Take(2)
            .ToList();
        return fitting.Count == 1 ? fitting[0] : null;
    }

    private long TimeoutMilliseconds => Options.Timeout is { } span ? (long)Math.Ceiling(span.TotalMilliseconds) : -1;
}

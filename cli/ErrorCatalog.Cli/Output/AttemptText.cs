using ErrorCatalog.Runtime;

namespace ErrorCatalog.Cli.Output;

/// <summary>
/// errcat connect to a host name: one line per address tried (in the order the attempts started), then the usual
/// explanation of each distinct error once. TReport is connect's own explanation of one attempt.
/// </summary>
internal static class AttemptText
{
    public static void WriteText<TReport>(TextWriter output, ConnectResult result, IReadOnlyList<(ConnectAttempt Attempt, TReport Report)> attempts, Action<TReport, TextWriter> explain)
    {
        output.Write($"connect to {result.Target}: {Headline(result)}\n");
        if (result.Outcome == ConnectOutcome.HostNotResolved)
        {
            var error = result.ResolutionError;
            output.Write($"The name did not resolve ({error.Error}): {error.Message}\n");
            return;
        }

        var table = new TextTable("#", "ADDRESS", "OUTCOME", "STARTED", "TOOK");
        int number = 0;
        foreach (var (attempt, _) in attempts)
        {
            table.Add(
                (++number).ToString(CultureInfo.InvariantCulture),
                attempt.EndPoint.ToString(),
                Describe(attempt.Result),
                Milliseconds(attempt.StartedAfter),
                Milliseconds(attempt.Duration));
        }

        table.WriteTo(output, withHeader: true);
        // Explain each failure once: several addresses usually fail the same way.
        foreach (var group in attempts.Where(a => a.Attempt.Result.HasNativeError || a.Attempt.Outcome == ConnectOutcome.SystemCallFailed)
                     .GroupBy(a => Describe(a.Attempt.Result)))
        {
            output.Write("\n");
            explain(group.First().Report, output);
        }
    }

    public static void WriteJson<TReport>(Utf8JsonWriter writer, ConnectResult result, IReadOnlyList<(ConnectAttempt Attempt, TReport Report)> attempts, Action<TReport, Utf8JsonWriter> explain)
    {
        writer.WriteStartObject();
        writer.WriteString("target", result.Target.ToString());
        writer.WriteString("outcome", OutcomeName(result.Outcome));
        if (result.Outcome == ConnectOutcome.HostNotResolved)
        {
            writer.WriteString("resolutionError", result.ResolutionError.Error.ToString());
            writer.WriteString("resolutionMessage", result.ResolutionError.Message);
        }

        writer.WritePropertyName("attempts");
        writer.WriteStartArray();
        foreach (var (attempt, report) in attempts)
        {
            writer.WriteStartObject();
            writer.WriteString("address", attempt.EndPoint.ToString());
            writer.WriteNumber("startedMs", Math.Round(attempt.StartedAfter.TotalMilliseconds, 3));
            writer.WriteNumber("durationMs", Math.Round(attempt.Duration.TotalMilliseconds, 3));
            writer.WritePropertyName("result");
            explain(report, writer);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static string Headline(ConnectResult result) => result.Outcome switch
    {
        ConnectOutcome.Connected => $"connected ({result.Attempts.Count} {Plural(result.Attempts.Count)} tried)",
        ConnectOutcome.AllAttemptsFailed => $"failed on every address ({result.Attempts.Count} {Plural(result.Attempts.Count)})",
        ConnectOutcome.HostNotResolved => "the host name does not resolve",
        ConnectOutcome.TimedOutByCaller => "no address connected within errcat's --timeout (not the system's ETIMEDOUT)",
        ConnectOutcome.Canceled => "canceled",
        _ => result.Outcome.ToString(),
    };

    private static string Plural(int count) => count == 1 ? "address" : "addresses";

    private static string Describe(ConnectResult attempt) => attempt.Outcome switch
    {
        ConnectOutcome.Connected => "connected",
        ConnectOutcome.Failed => $"failed with {attempt.NativeError.Name ?? "code"} ({attempt.NativeError.Code.ToString(CultureInfo.InvariantCulture)})",
        ConnectOutcome.SystemCallFailed => $"{attempt.SystemCallError.Call}() failed with {attempt.SystemCallError.Name ?? "errno"} ({attempt.SystemCallError.Code.ToString(CultureInfo.InvariantCulture)})",
        ConnectOutcome.Canceled => "canceled (another address won, or the run ended)",
        _ => attempt.Outcome.ToString(),
    };

    private static string OutcomeName(ConnectOutcome outcome) => outcome switch
    {
        ConnectOutcome.Connected => "connected",
        ConnectOutcome.AllAttemptsFailed => "all-attempts-failed",
        ConnectOutcome.HostNotResolved => "host-not-resolved",
        ConnectOutcome.TimedOutByCaller => "timed-out-by-caller",
        ConnectOutcome.Canceled => "canceled",
        _ => outcome.ToString(),
    };

    private static string Milliseconds(TimeSpan span) => span.TotalMilliseconds.ToString("0.0", CultureInfo.InvariantCulture) + " ms";
}

using System;
using System.Diagnostics;
using System.IO;
using System.Threading.Tasks;

namespace ErrorCatalog.Runtime.WindowsHarness;

/// <summary>
/// Runs checks one after the other and prints <c>PASS name: detail</c> or <c>FAIL name: reason</c>
/// for each, then <c>windows harness: N passed, M failed</c>.
/// </summary>
internal sealed class CheckRunner(TextWriter output)
{
    /// <summary>A check that has not finished by then is reported as hung and left behind, so one hang cannot stall the run.</summary>
    private static readonly TimeSpan HangLimit = TimeSpan.FromSeconds(60);

    private int _passed;
    private int _failed;

    public void Run(string name, Func<string> check) => Run(name, () => Task.Run(check));

    public void Run(string name, Func<Task<string>> check)
    {
        string line;
        var clock = Stopwatch.StartNew();
        try
        {
            var task = Task.Run(check);
            if (!task.Wait(HangLimit))
            {
                line = $"FAIL {name}: still running after {HangLimit.TotalSeconds:0} s";
            }
            else
            {
                line = $"PASS {name}: {task.Result}";
            }
        }
        catch (AggregateException aggregate) when (aggregate.InnerException is { } inner)
        {
            line = Describe(name, inner);
        }
        catch (Exception exception)
        {
            line = Describe(name, exception);
        }

        if (line.StartsWith("PASS", StringComparison.Ordinal))
        {
            _passed++;
        }
        else
        {
            _failed++;
        }

        // The time is information for whoever reads the log, never a verdict.
        output.WriteLine(FormattableString.Invariant($"{line} [{clock.ElapsedMilliseconds} ms]"));
        output.Flush();
    }

    /// <summary>Prints the summary; the exit code is 0 only when something ran and nothing failed.</summary>
    public int Finish()
    {
        output.WriteLine($"windows harness: {_passed} passed, {_failed} failed");
        output.Flush();
        return _failed == 0 && _passed > 0 ? 0 : 1;
    }

    private static string Describe(string name, Exception exception) => exception is CheckFailedException failure
        ? $"FAIL {name}: {failure.Message}"
        : $"FAIL {name}: unexpected {exception.GetType().FullName}: {exception.Message}";
}

/// <summary>A check's own verdict (as opposed to an exception the code under test threw by surprise).</summary>
internal sealed class CheckFailedException(string message) : Exception(message);

using System;
using System.Collections.Generic;
using System.Linq;
using BenchmarkDotNet.Attributes;
using ErrorCatalog.Connect;

namespace ErrorCatalog.Generator.Benchmarks;

/// <summary>
/// The generated switches against the obvious alternatives, each over every entry of the catalog
/// once per invocation (one call per entry of connect.yaml). Baseline: <see cref="Enum.ToString()"/> over
/// every entry.
/// </summary>
[MemoryDiagnoser]
public class MappingBenchmarks
{
    private ConnectError[] errors = Array.Empty<ConnectError>();
    private int[] linuxCodes = Array.Empty<int>();
    private string[] nativeNames = Array.Empty<string>();
    private string[] symbolNames = Array.Empty<string>();
    private Dictionary<int, ConnectError> errorByLinuxCode = new();
    private Dictionary<ConnectError, string> nameByError = new();
    private Dictionary<string, ConnectError> errorByName = new(StringComparer.Ordinal);

    [GlobalSetup]
    public void Setup()
    {
        errors = Enum.GetValues<ConnectError>();
        linuxCodes = errors.Select(e => ConnectErrors.GetCode(e, ConnectPlatform.Linux)).OfType<int>().ToArray();
        nativeNames = errors.Select(ConnectErrors.GetName).ToArray();
        symbolNames = errors.Select(e => e.ToString()).ToArray();
        errorByLinuxCode = linuxCodes.ToDictionary(code => code, code => ConnectErrors.TryFromLinux(code, out var e) ? e : default);
        nameByError = errors.ToDictionary(e => e, ConnectErrors.GetName);
        errorByName = errors.ToDictionary(ConnectErrors.GetName, e => e, StringComparer.Ordinal);
    }

    [Benchmark(Baseline = true, Description = "error -> name: Enum.ToString()")]
    public int EnumToString()
    {
        var total = 0;
        foreach (var error in errors)
        {
            total += error.ToString().Length;
        }

        return total;
    }

    [Benchmark(Description = "error -> name: generated GetName")]
    public int GeneratedGetName()
    {
        var total = 0;
        foreach (var error in errors)
        {
            total += ConnectErrors.GetName(error).Length;
        }

        return total;
    }

    // The same number of calls with one value (a program usually meets the same few errors): the
    // switch's jump is then predicted, which shows its cost without branch mispredictions.
    [Benchmark(Description = "error -> name, one value repeated: Enum.ToString()")]
    public int EnumToStringOneValue()
    {
        var total = 0;
        var error = errors[errors.Length / 2];
        for (var i = 0; i < errors.Length; i++)
        {
            total += error.ToString().Length;
        }

        return total;
    }

    [Benchmark(Description = "error -> name, one value repeated: generated GetName")]
    public int GeneratedGetNameOneValue()
    {
        var total = 0;
        var error = errors[errors.Length / 2];
        for (var i = 0; i < errors.Length; i++)
        {
            total += ConnectErrors.GetName(error).Length;
        }

        return total;
    }

    [Benchmark(Description = "error -> name: Dictionary")]
    public int DictionaryGetName()
    {
        var total = 0;
        foreach (var error in errors)
        {
            total += nameByError[error].Length;
        }

        return total;
    }

    [Benchmark(Description = "native code -> error: generated TryFromLinux")]
    public int GeneratedFromNative()
    {
        var total = 0;
        foreach (var code in linuxCodes)
        {
            if (ConnectErrors.TryFromLinux(code, out var error))
            {
                total += (int)error;
            }
        }

        return total;
    }

    [Benchmark(Description = "native code -> error: Dictionary<int, ConnectError>")]
    public int DictionaryFromNative()
    {
        var total = 0;
        foreach (var code in linuxCodes)
        {
            if (errorByLinuxCode.TryGetValue(code, out var error))
            {
                total += (int)error;
            }
        }

        return total;
    }

    [Benchmark(Description = "name -> error: generated TryParse")]
    public int GeneratedTryParse()
    {
        var total = 0;
        foreach (var name in nativeNames)
        {
            if (ConnectErrors.TryParse(name, out var error))
            {
                total += (int)error;
            }
        }

        return total;
    }

    [Benchmark(Description = "name -> error: Dictionary<string, ConnectError>")]
    public int DictionaryTryParse()
    {
        var total = 0;
        foreach (var name in nativeNames)
        {
            if (errorByName.TryGetValue(name, out var error))
            {
                total += (int)error;
            }
        }

        return total;
    }

    [Benchmark(Description = "name -> error: Enum.Parse (member names)")]
    public int EnumParse()
    {
        var total = 0;
        foreach (var name in symbolNames)
        {
            total += (int)Enum.Parse<ConnectError>(name);
        }

        return total;
    }
}

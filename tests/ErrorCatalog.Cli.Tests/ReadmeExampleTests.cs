using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using Xunit;

namespace ErrorCatalog.Cli.Tests;

/// <summary>
/// Every <c>$ errcat ...</c> example in cli/README.md's Examples section is run as a process (in a
/// folder holding an empty file named plain-file, 80 columns, no colour) and must print what the
/// README shows and exit as it says. A line of only <c>...</c> stands for lines left out; all other
/// lines must match exactly and in order. <c>reproduce</c> examples are left out: what they print
/// depends on privileges and timing (ReproduceTests covers the command).
/// </summary>
public sealed class ReadmeExampleTests
{
    private const string Gap = "...";

    public static TheoryData<string> Examples()
    {
        var data = new TheoryData<string>();
        foreach (var example in ReadExamples().Where(e => !e.Command.StartsWith("errcat reproduce", StringComparison.Ordinal)))
        {
            data.Add(example.Command);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void TheReadmeShowsWhatErrcatPrints(string command)
    {
        var example = ReadExamples().First(e => e.Command == command);
        using var folder = new TempDirectory("errcat-cli");
        File.WriteAllText(folder.File("plain-file"), string.Empty);

        var run = ErrcatProcess.RunProgram(
            ErrcatProcess.Executable,
            SplitArguments(command).Skip(1),
            new Dictionary<string, string?>(),
            folder.Path);

        Assert.True(example.ExitCode == run.ExitCode, $"'{command}' exits {run.ExitCode}, the README says {example.ExitCode}\n{run}");
        var actual = (run.Output + run.Error).TrimEnd('\n').Split('\n');
        AssertShows(example.Output, actual, command);
    }

    [Fact]
    public void TheExamplesAreFoundAndCoverEveryCommand()
    {
        var commands = ReadExamples().Select(e => e.Command.Split(' ')[1]).ToHashSet();
        foreach (var command in new[] { "validate", "show", "list", "connect", "docs", "export", "complete", "reproduce" })
        {
            Assert.Contains(command, commands);
        }
    }

    /// <summary>The expected lines, split at "..." lines, must appear as consecutive runs in order; the first at the start and the last at the end unless a gap comes first or last.</summary>
    private static void AssertShows(IReadOnlyList<string> expected, IReadOnlyList<string> actual, string command)
    {
        var segments = new List<List<string>> { new() };
        foreach (var line in expected)
        {
            if (line == Gap)
            {
                segments.Add(new List<string>());
            }
            else
            {
                segments[^1].Add(line);
            }
        }

        var message = $"cli/README.md's example '{command}' does not match what errcat prints:\n{string.Join("\n", actual)}";
        var position = 0;
        for (var i = 0; i < segments.Count; i++)
        {
            var segment = segments[i];
            if (segment.Count == 0)
            {
                continue;
            }

            var mustStartHere = i == 0;
            var found = -1;
            for (var start = position; start + segment.Count <= actual.Count; start++)
            {
                if (segment.Select((line, k) => actual[start + k] == line).All(same => same))
                {
                    found = start;
                    break;
                }

                if (mustStartHere)
                {
                    break;
                }
            }

            Assert.True(found >= 0, $"missing (segment {i + 1}):\n{string.Join("\n", segment)}\n\n{message}");
            position = found + segment.Count;
        }

        if (segments[^1].Count > 0)
        {
            Assert.True(position == actual.Count, $"errcat prints more after the last line shown\n\n{message}");
        }
    }

    private sealed record Example(string Command, IReadOnlyList<string> Output, int ExitCode);

    private static List<Example> ReadExamples()
    {
        var readme = File.ReadAllText(Path.Combine(Path.GetDirectoryName(CliHarness.ConnectCatalogPath)!, "..", "cli", "README.md")).Replace("\r\n", "\n");
        var start = readme.IndexOf("\n## Examples\n", StringComparison.Ordinal);
        Assert.True(start >= 0, "cli/README.md has no Examples section");
        var end = Regex.Match(readme.Substring(start + 1), "\n##+ ").Index + start + 1;
        var section = end > start + 1 ? readme.Substring(start, end - start) : readme.Substring(start);

        var examples = new List<Example>();
        foreach (Match block in Regex.Matches(section, "```text\n(.*?)```", RegexOptions.Singleline))
        {
            string? command = null;
            var output = new List<string>();
            foreach (var line in block.Groups[1].Value.Split('\n'))
            {
                if (command is null)
                {
                    if (line.StartsWith("$ ", StringComparison.Ordinal))
                    {
                        command = line.Substring(2);
                        output.Clear();
                    }

                    continue;
                }

                var exit = Regex.Match(line, @"^\[exit (\d+)\]$");
                if (exit.Success)
                {
                    examples.Add(new Example(command, output.ToList(), int.Parse(exit.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)));
                    command = null;
                }
                else
                {
                    output.Add(line);
                }
            }
        }

        return examples;
    }

    /// <summary>Splits a command as a POSIX shell would for the quoting the README uses ('...' and "...").</summary>
    private static List<string> SplitArguments(string command)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        var inWord = false;
        char? quote = null;
        foreach (var character in command)
        {
            if (quote is not null)
            {
                if (character == quote)
                {
                    quote = null;
                }
                else
                {
                    word.Append(character);
                }
            }
            else if (character is '\'' or '"')
            {
                quote = character;
                inWord = true;
            }
            else if (character == ' ')
            {
                if (inWord)
                {
                    words.Add(word.ToString());
                    word.Clear();
                    inWord = false;
                }
            }
            else
            {
                word.Append(character);
                inWord = true;
            }
        }

        if (inWord)
        {
            words.Add(word.ToString());
        }

        return words;
    }
}

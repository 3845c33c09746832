using System.Collections;

namespace ErrorCatalog.Catalog.Model;

// The validated, immutable catalog. Every type here is value-equatable (records and
// EquatableArray), holds no Roslyn type, and is safe to use as an incremental-generator model.

/// <summary>A validated catalog: one native call (or error domain) and every error it can report.</summary>
/// <param name="Info">What the catalog describes and how generated code is named.</param>
/// <param name="Sources">The documents the catalog cites, in file order.</param>
/// <param name="Platforms">The platforms whose numeric codes the catalog records, in file order.</param>
/// <param name="Families">The address families (or other contexts) errors are described for.</param>
/// <param name="Classifications">The project's own policy classes (caller bug, transient, ...).</param>
/// <param name="Groups">Optional groups; each becomes an intermediate exception type.</param>
/// <param name="Errors">The entries, in file order.</param>
/// <param name="Scenarios">The setups a real kernel replays to back the catalog's claims, in file order (empty when the catalog has none).</param>
public sealed record Catalog(
    CatalogInfo Info,
    EquatableArray<SourceDefinition> Sources,
    EquatableArray<PlatformDefinition> Platforms,
    EquatableArray<FamilyDefinition> Families,
    EquatableArray<ClassificationDefinition> Classifications,
    EquatableArray<GroupDefinition> Groups,
    EquatableArray<ErrorEntry> Errors,
    EquatableArray<Scenario> Scenarios = default)
{
    public ErrorEntry? FindError(string nameOrAlias)
    {
        foreach (var error in Errors)
        {
            if (string.Equals(error.Name, nameOrAlias, StringComparison.Ordinal))
            {
                return error;
            }

            foreach (var alias in error.Aliases)
            {
                if (string.Equals(alias.Name, nameOrAlias, StringComparison.Ordinal))
                {
                    return error;
                }
            }
        }

        return null;
    }

    public PlatformDefinition? FindPlatform(string id) => Find(Platforms, p => p.Id == id);

    public SourceDefinition? FindSource(string id) => Find(Sources, s => s.Id == id);

    public FamilyDefinition? FindFamily(string id) => Find(Families, f => f.Id == id);

    public ClassificationDefinition? FindClassification(string id) => Find(Classifications, c => c.Id == id);

    public GroupDefinition? FindGroup(string id) => Find(Groups, g => g.Id == id);

    /// <summary>The scenario with id <paramref name="id"/>, or null.</summary>
    public Scenario? FindScenario(string id) => Find(Scenarios, s => s.Id == id);

    /// <summary>The scenarios, in file order, whose real result is the entry <paramref name="entryName"/> (or <see cref="ScenarioVocabulary.Success"/>).</summary>
    public IEnumerable<Scenario> ScenariosWithResult(string entryName)
    {
        foreach (var scenario in Scenarios)
        {
            if (scenario.Result == entryName)
            {
                yield return scenario;
            }
        }
    }

    /// <summary>The scenarios, in file order, where a document or intuition predicts <paramref name="entryName"/> but the kernel gives something else.</summary>
    public IEnumerable<Scenario> ScenariosBlaming(string entryName)
    {
        foreach (var scenario in Scenarios)
        {
            if (scenario.Naive == entryName)
            {
                yield return scenario;
            }
        }
    }

    /// <summary>Every entry (with the alias that carries the number, if any) that has <paramref name="code"/> on <paramref name="platform"/>.</summary>
    public IEnumerable<(ErrorEntry Error, string NativeName)> ErrorsWithCode(string platform, int code)
    {
        foreach (var error in Errors)
        {
            foreach (var (name, value) in error.NamesOn(platform))
            {
                if (value == code)
                {
                    yield return (error, name);
                    break;
                }
            }
        }
    }

    private static T? Find<T>(EquatableArray<T> items, Func<T, bool> match)
        where T : class, IEquatable<T>
    {
        foreach (var item in items)
        {
            if (match(item))
            {
                return item;
            }
        }

        return null;
    }
}

/// <summary>The catalog's header.</summary>
/// <param name="Id">Short id of the catalog (for example <c>connect</c>).</param>
/// <param name="Function">The native function or domain the errors belong to, as written in prose (for example <c>connect()</c>).</param>
/// <param name="Title">A one-line title.</param>
/// <param name="Description">A paragraph on what the catalog covers.</param>
/// <param name="Prefix">Prefix of every generated type name (for example <c>Connect</c> gives <c>ConnectError</c>).</param>
/// <param name="Namespace">Namespace of the generated code; build metadata may override it.</param>
/// <param name="ExceptionBase">The class the generated exceptions derive from; <c>default</c> is <see cref="ExceptionBaseKind.Socket"/>.</param>
public sealed record CatalogInfo(string Id, string Function, string Title, string Description, string Prefix, string Namespace, ExceptionBase ExceptionBase = default);

/// <summary>Which class the generated exception base derives from (the catalog's <c>exception-base</c>).</summary>
public enum ExceptionBaseKind
{
    /// <summary><c>System.Net.Sockets.SocketException</c>, with the <c>SocketError</c> mapping of entries' <c>dotnet</c> fields (the default).</summary>
    Socket,

    /// <summary><c>System.IO.IOException</c>; no <c>SocketError</c> mapping.</summary>
    IO,

    /// <summary><c>System.ComponentModel.Win32Exception</c>; no <c>SocketError</c> mapping.</summary>
    Win32,

    /// <summary>A type the catalog's user writes, named in full; it needs a constructor taking the message string. No <c>SocketError</c> mapping.</summary>
    Custom,
}

/// <summary>The class the generated exception base derives from.</summary>
/// <param name="Kind">Which base; <c>default(ExceptionBase)</c> is <see cref="ExceptionBaseKind.Socket"/>.</param>
/// <param name="CustomType">For <see cref="ExceptionBaseKind.Custom"/>, the type as written in the catalog without any <c>global::</c>; otherwise null.</param>
public readonly record struct ExceptionBase(ExceptionBaseKind Kind, string? CustomType)
{
    /// <summary>The base as C# writes it so that no user type can capture the name, for example <c>global::System.Net.Sockets.SocketException</c>.</summary>
    public string TypeName => Kind switch
    {
        ExceptionBaseKind.IO => "global::System.IO.IOException",
        ExceptionBaseKind.Win32 => "global::System.ComponentModel.Win32Exception",
        ExceptionBaseKind.Custom => "global::" + CustomType,
        _ => "global::System.Net.Sockets.SocketException",
    };

    /// <summary>Whether entries may carry a <c>dotnet</c> <c>SocketError</c> member and the generated code maps errors to <c>SocketError</c>: only for <see cref="ExceptionBaseKind.Socket"/>.</summary>
    public bool MapsSocketError => Kind == ExceptionBaseKind.Socket;
}

/// <summary>A document the catalog cites.</summary>
/// <param name="Id">Short id used in entries (for example <c>posix</c>).</param>
/// <param name="Title">The document's real title.</param>
/// <param name="Url">Where the document can be read, if it has a stable address.</param>
/// <param name="Note">What edition was read and anything a reader should know about it.</param>
/// <param name="Attributions">The ways this source can list an error (for example POSIX "shall fail" and "may fail").</param>
/// <param name="Names">How the source writes error names (Ruby's <c>Errno::ECONNREFUSED</c>), if it has a form of its own.</param>
public sealed record SourceDefinition(
    string Id,
    string Title,
    string? Url,
    string? Note,
    EquatableArray<AttributionKind> Attributions,
    SourceNames? Names = null)
{
    /// <summary>
    /// The source's name for <paramref name="error"/> as the source writes it: the attribution's
    /// own <c>name</c> in the source's form when the listing has one, else the canonical name in
    /// that form when the source names errors after the catalog's names
    /// (<see cref="SourceNames.Canonical"/>), else null.
    /// </summary>
    public string? NameOf(ErrorEntry error, Attribution? attribution)
    {
        if (attribution?.Name is { } own)
        {
            return Names is null ? own : Names.Write(own);
        }

        return Names is { Canonical: true } ? Names.Write(error.Name) : null;
    }

    /// <summary>The declared attribution kind <paramref name="id"/>, or null.</summary>
    public AttributionKind? FindAttribution(string id)
    {
        foreach (var kind in Attributions)
        {
            if (kind.Id == id)
            {
                return kind;
            }
        }

        return null;
    }

    /// <summary>Whether listing an error as <paramref name="attribution"/> means this document treats the condition as a bug of the caller (<see cref="AttributionKind.CallerBug"/>).</summary>
    public bool TreatsAsCallerBug(Attribution attribution) => FindAttribution(attribution.How)?.CallerBug == true;
}

/// <summary>How a source writes an error's name.</summary>
/// <param name="Pattern">The written form, with <c>{name}</c> where the name goes (Ruby: <c>Errno::{name}</c>, Zig: <c>error.{name}</c>).</param>
/// <param name="Canonical">True when the source names every error after the catalog's canonical name, listed or not (Ruby has an <c>Errno</c> class per errno value).</param>
public sealed record SourceNames(string Pattern, bool Canonical)
{
    /// <summary>The placeholder in <see cref="Pattern"/>.</summary>
    public const string Placeholder = "{name}";

    /// <summary>The text before the placeholder (<c>Errno::</c>).</summary>
    public string Before => Pattern.Substring(0, Pattern.IndexOf(Placeholder, StringComparison.Ordinal));

    /// <summary>The text after the placeholder.</summary>
    public string After => Pattern.Substring(Pattern.IndexOf(Placeholder, StringComparison.Ordinal) + Placeholder.Length);

    /// <summary><paramref name="name"/> in the source's form; a name already written in that form (an attribution's <c>Errno::EWOULDBLOCK</c>) is kept as it is.</summary>
    public string Write(string name) => IsWritten(name) ? name : Before + name + After;

    /// <summary>The bare name inside <paramref name="written"/> when it has the source's form (any case), else null.</summary>
    public string? Read(string written)
    {
        var before = Before;
        var after = After;
        return written.Length > before.Length + after.Length
            && written.StartsWith(before, StringComparison.OrdinalIgnoreCase)
            && written.EndsWith(after, StringComparison.OrdinalIgnoreCase)
            ? written.Substring(before.Length, written.Length - before.Length - after.Length)
            : null;
    }

    private bool IsWritten(string name)
    {
        var before = Before;
        var after = After;
        return name.Length > before.Length + after.Length
            && name.StartsWith(before, StringComparison.Ordinal)
            && name.EndsWith(after, StringComparison.Ordinal);
    }
}

/// <summary>One way in which a source can list an error.</summary>
/// <param name="Id">Short id used in entries.</param>
/// <param name="Description">What listing an error this way means.</param>
/// <param name="CallerBug">True when a listing of this kind means the document treats the condition as a bug of the caller rather than an error to handle (Zig's <c>unreachable</c>).</param>
public sealed record AttributionKind(string Id, string Description, bool CallerBug = false);

/// <summary>How a platform reports errors.</summary>
public enum PlatformKind
{
    /// <summary>A C <c>errno</c> value.</summary>
    Errno,

    /// <summary>A Windows Sockets error code from <c>WSAGetLastError()</c>.</summary>
    Winsock,
}

/// <summary>A platform whose numeric codes the catalog records.</summary>
/// <param name="Id">The id used in <c>codes</c> (for example <c>linux-mips</c>).</param>
/// <param name="Symbol">PascalCase name for generated code (for example <c>LinuxMips</c>).</param>
/// <param name="Value">Stable value of the generated platform enum member; never reused.</param>
/// <param name="Title">Human-readable name.</param>
/// <param name="Kind">Whether codes are errno values or Winsock codes.</param>
/// <param name="Reference">The header or document the numbers were read from.</param>
/// <param name="Min">Smallest valid code.</param>
/// <param name="Max">Largest valid code.</param>
/// <param name="RunsOn">Where a process gets codes numbered like this column, or null when the catalog does not say (the column is then never detected).</param>
public sealed record PlatformDefinition(
    string Id,
    string Symbol,
    int Value,
    string Title,
    PlatformKind Kind,
    string Reference,
    int Min,
    int Max,
    PlatformRunsOn? RunsOn = null)
{
    /// <summary>
    /// The name this platform's own headers give <paramref name="catalogName"/>: Winsock prefixes
    /// its codes with <c>WSA</c> (<c>ECONNREFUSED</c> is <c>WSAECONNREFUSED</c> there), errno
    /// platforms use the name as it is.
    /// </summary>
    public string NativeName(string catalogName) =>
        Kind == PlatformKind.Winsock && !catalogName.StartsWith("WSA", StringComparison.Ordinal) ? "WSA" + catalogName : catalogName;
}

/// <summary>
/// Where system calls report codes numbered like one platform column: the operating systems (as
/// <c>System.OperatingSystem.IsOSPlatform</c> names them) and, optionally, the process
/// architectures. Names come from <see cref="RunsOnVocabulary"/>.
/// </summary>
/// <param name="OperatingSystems">Operating system names, in the order written; never empty.</param>
/// <param name="Architectures">Lower-case <c>System.Runtime.InteropServices.Architecture</c> member names, in the order written; empty means any processor.</param>
public sealed record PlatformRunsOn(EquatableArray<string> OperatingSystems, EquatableArray<string> Architectures)
{
    /// <summary>Whether a process on <paramref name="system"/> (a name of <see cref="RunsOnVocabulary.OperatingSystems"/>) and <paramref name="architecture"/> gets this column's codes.</summary>
    public bool Covers(string system, string architecture)
    {
        var systemMatches = false;
        foreach (var name in OperatingSystems)
        {
            systemMatches |= RunsOnVocabulary.Matches(name, system);
        }

        return systemMatches && (Architectures.IsEmpty || Architectures.Contains(architecture));
    }

    /// <summary>The first (operating system, architecture) pair a process can run on that both <see langword="this"/> and <paramref name="other"/> cover, or null when they share none.</summary>
    public (string System, string Architecture)? FirstSharedTarget(PlatformRunsOn other)
    {
        foreach (var system in RunsOnVocabulary.OperatingSystems)
        {
            foreach (var architecture in RunsOnVocabulary.Architectures)
            {
                if (Covers(system, architecture) && other.Covers(system, architecture))
                {
                    return (system, architecture);
                }
            }
        }

        return null;
    }
}

/// <summary>An address family (or other context) that errors are described for.</summary>
/// <param name="Id">Short id (for example <c>inet6</c>).</param>
/// <param name="Title">Human-readable name (for example <c>IPv6</c>).</param>
/// <param name="Native">The native constant (for example <c>AF_INET6</c>).</param>
public sealed record FamilyDefinition(string Id, string Title, string Native);

/// <summary>A policy class: the project's advice on what kind of failure an error is. Policy, not an OS fact.</summary>
/// <param name="Id">Short id (for example <c>caller-bug</c>).</param>
/// <param name="Symbol">PascalCase name for generated code.</param>
/// <param name="Value">Stable value of the generated classification enum member; never reused.</param>
/// <param name="Title">Human-readable name.</param>
/// <param name="Description">What the class means and what a caller should generally do.</param>
public sealed record ClassificationDefinition(string Id, string Symbol, int Value, string Title, string Description);

/// <summary>A group of errors that shares an intermediate exception type.</summary>
public sealed record GroupDefinition(string Id, string Symbol, string Summary);

/// <summary>One error of the catalog.</summary>
/// <param name="Name">Canonical native name (for example <c>ECONNREFUSED</c>).</param>
/// <param name="Symbol">PascalCase name for generated code (for example <c>ConnectionRefused</c>).</param>
/// <param name="Value">Stable value of the generated enum member; never reused.</param>
/// <param name="Summary">One sentence in the project's own words.</param>
/// <param name="Details">Longer explanation, if any.</param>
/// <param name="Action">What a caller should do about it.</param>
/// <param name="Classification">Id of a <see cref="ClassificationDefinition"/>.</param>
/// <param name="Group">Id of a <see cref="GroupDefinition"/>, if any.</param>
/// <param name="DotNet">Name of the matching <c>System.Net.Sockets.SocketError</c> member, if any.</param>
/// <param name="Codes">The code on every platform of the catalog, in platform order.</param>
/// <param name="Aliases">Other names for the same error.</param>
/// <param name="Sources">How each citing source lists the error, in source order; a source that does not list it is absent.</param>
/// <param name="Families">The families it applies to, with what it means there.</param>
/// <param name="Quirks">Known per-platform behaviour worth knowing.</param>
/// <param name="KernelSources">Kernel source locations that back a Linux claim no scenario can reproduce here (memory exhaustion, for example).</param>
/// <param name="NotReturned">Platforms whose connect() never returns this error, with what was tried.</param>
public sealed record ErrorEntry(
    string Name,
    string Symbol,
    int Value,
    string Summary,
    string? Details,
    string Action,
    string Classification,
    string? Group,
    string? DotNet,
    EquatableArray<PlatformCode> Codes,
    EquatableArray<Alias> Aliases,
    EquatableArray<SourceListing> Sources,
    EquatableArray<FamilyUse> Families,
    EquatableArray<Quirk> Quirks,
    EquatableArray<KernelSource> KernelSources = default,
    EquatableArray<NotReturned> NotReturned = default)
{
    /// <summary>
    /// The member .NET's own errno table (dotnet/runtime SocketErrorPal.Unix.cs,
    /// GetSocketErrorForNativeError()) gives this error: <see cref="DotNet"/>, or the catch-all
    /// <c>SocketError</c> that the table returns for a code it does not list.
    /// </summary>
    public string DotNetTableMember => DotNet ?? "SocketError";

    /// <summary>
    /// <see cref="Details"/> as paragraphs, for renderers (XML documentation, the docs site, errcat):
    /// a blank line in a folded (<c>&gt;-</c>) value reaches the model as a line break, and each line
    /// break starts a new paragraph. Empty when there are no details.
    /// </summary>
    public IReadOnlyList<string> DetailParagraphs => Paragraphs(Details);

    /// <summary>The paragraphs of a prose value: its lines, trimmed, without empty ones (see <see cref="DetailParagraphs"/>).</summary>
    public static IReadOnlyList<string> Paragraphs(string? text)
    {
        var paragraphs = new List<string>();
        foreach (var line in (text ?? string.Empty).Split('\n'))
        {
            var paragraph = line.Trim();
            if (paragraph.Length > 0)
            {
                paragraphs.Add(paragraph);
            }
        }

        return paragraphs;
    }

    /// <summary>The canonical code on <paramref name="platform"/>, or null where the platform does not define the name.</summary>
    public int? CodeOn(string platform)
    {
        foreach (var code in Codes)
        {
            if (code.Platform == platform)
            {
                return code.Code;
            }
        }

        return null;
    }

    /// <summary>Every name (canonical first, then aliases with a number of their own) that has a number on <paramref name="platform"/>.</summary>
    public PlatformNames NamesOn(string platform) => new(this, platform);

    public SourceListing? ListingBy(string source)
    {
        foreach (var listing in Sources)
        {
            if (listing.Source == source)
            {
                return listing;
            }
        }

        return null;
    }
}

/// <summary>
/// The names of an entry that have a number on one platform, as <see cref="ErrorEntry.NamesOn"/>
/// gives them. A struct with a struct enumerator rather than an iterator, because loading asks
/// for every entry on every platform, and an iterator would be an object each time.
/// </summary>
public readonly struct PlatformNames : IEnumerable<(string Name, int Code)>
{
    private readonly ErrorEntry entry;
    private readonly string platform;

    internal PlatformNames(ErrorEntry entry, string platform)
    {
        this.entry = entry;
        this.platform = platform;
    }

    public Enumerator GetEnumerator() => new(entry, platform);

    IEnumerator<(string Name, int Code)> IEnumerable<(string Name, int Code)>.GetEnumerator() => GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Walks the canonical name (when it has a number there), then each alias with a number other than the canonical one.</summary>
    public struct Enumerator : IEnumerator<(string Name, int Code)>
    {
        private readonly ErrorEntry entry;
        private readonly string platform;
        private readonly int? canonical;

        // -1 before the canonical name, then the index of the next alias to look at.
        private int next;

        internal Enumerator(ErrorEntry entry, string platform)
        {
            this.entry = entry;
            this.platform = platform;
            // A default PlatformNames has no entry, and walks nothing.
            canonical = entry?.CodeOn(platform);
            next = -1;
            Current = default;
        }

        public (string Name, int Code) Current { get; private set; }

        readonly object IEnumerator.Current => Current;

        public bool MoveNext()
        {
            if (next < 0)
            {
                next = 0;
                if (canonical is int code)
                {
                    Current = (entry.Name, code);
                    return true;
                }
            }

            while (entry is not null && next < entry.Aliases.Count)
            {
                var alias = entry.Aliases[next++];
                var aliasCode = alias.CodeOn(platform, canonical);
                if (aliasCode is int number && aliasCode != canonical)
                {
                    Current = (alias.Name, number);
                    return true;
                }
            }

            return false;
        }

        public void Reset()
        {
            next = -1;
            Current = default;
        }

        public readonly void Dispose()
        {
        }
    }
}

/// <summary>The code of an error on one platform. <see cref="Code"/> is null where the platform does not define the name.</summary>
public readonly record struct PlatformCode(string Platform, int? Code)
{
    public bool IsAbsent => Code is null;
}

/// <summary>Another name for an error, with its number on each platform.</summary>
/// <param name="Name">The alias (for example <c>EWOULDBLOCK</c>).</param>
/// <param name="Codes">One per platform of the catalog, in platform order.</param>
public sealed record Alias(string Name, EquatableArray<AliasCode> Codes)
{
    /// <summary>The alias's number on <paramref name="platform"/>, given the canonical number there.</summary>
    public int? CodeOn(string platform, int? canonical)
    {
        foreach (var code in Codes)
        {
            if (code.Platform == platform)
            {
                return code.Kind switch
                {
                    AliasCodeKind.Same => canonical,
                    AliasCodeKind.Distinct => code.Code,
                    _ => null,
                };
            }
        }

        return null;
    }
}

/// <summary>How an alias relates to the canonical name on one platform.</summary>
public enum AliasCodeKind
{
    /// <summary>The alias is defined and has the canonical name's number.</summary>
    Same,

    /// <summary>The alias is defined with a number of its own (<see cref="AliasCode.Code"/>).</summary>
    Distinct,

    /// <summary>The platform does not define the alias.</summary>
    Absent,
}

/// <summary>An alias on one platform. <see cref="Code"/> is meaningful only when <see cref="Kind"/> is <see cref="AliasCodeKind.Distinct"/>.</summary>
public readonly record struct AliasCode(string Platform, AliasCodeKind Kind, int Code);

/// <summary>How one source lists an error: one or more attributions.</summary>
public sealed record SourceListing(string Source, EquatableArray<Attribution> Attributions);

/// <summary>One place where a source lists an error.</summary>
/// <param name="How">Id of one of the source's <see cref="AttributionKind"/>s.</param>
/// <param name="Name">The source's own name for it, where that differs from the canonical name (a Zig error, a Winsock <c>WSAE</c> name, a Ruby class).</param>
/// <param name="Note">What the source says, in the project's words, where that adds something.</param>
/// <param name="Erratum">What the source gets wrong here, if anything: kept visible, never silently fixed.</param>
public sealed record Attribution(string How, string? Name, string? Note, string? Erratum);

/// <summary>An address family an error applies to, and what the error means there when that differs.</summary>
public sealed record FamilyUse(string Family, string? Meaning);

/// <summary>A known behaviour of some platforms worth knowing.</summary>
/// <param name="Platforms">Platform ids it concerns (empty: all).</param>
/// <param name="Text">The behaviour, in the project's words.</param>
/// <param name="Evidence">How it is known: a source id, a test that pins it, or a document.</param>
/// <param name="Scenarios">Ids of the scenarios that demonstrate it, in the order written (empty: none).</param>
public sealed record Quirk(EquatableArray<string> Platforms, string Text, string? Evidence, EquatableArray<string> Scenarios = default);

/// <summary>A place in the kernel's source that backs a claim about an error.</summary>
/// <param name="At">The file and function, written <c>path/file.c function()</c> (for example <c>net/ipv4/route.c __mkroute_output()</c>).</param>
/// <param name="Families">The families the location concerns; empty means every family the entry lists.</param>
/// <param name="Says">What that code does, in the project's words.</param>
public sealed record KernelSource(string At, EquatableArray<string> Families, string Says);

/// <summary>A platform whose call never returns an error, and why the catalog says so.</summary>
/// <param name="Platform">The platform id (only <c>linux</c> so far).</param>
/// <param name="Why">What was tried and what came back instead; the scenarios that tried are those whose naive result is this entry.</param>
public sealed record NotReturned(string Platform, string Why);

/// <summary>
/// A setup that a real kernel replays: the replay with the same <see cref="Id"/> arranges
/// <see cref="Setup"/>, makes the observed call and checks that it gives <see cref="Result"/>.
/// </summary>
/// <param name="Id">Kebab-case id, unique in the catalog.</param>
/// <param name="Platform">The declared platform it runs on.</param>
/// <param name="Family">The declared family of the socket.</param>
/// <param name="Socket">The socket type: one of <see cref="ScenarioVocabulary.SocketTypes"/>.</param>
/// <param name="Setup">What the scenario arranges before the observed call, in the project's words.</param>
/// <param name="Needs">What the runner must have, from <see cref="ScenarioVocabulary.Needs"/>; empty when any user can run it (<c>needs: none</c>).</param>
/// <param name="Via">How the error is seen: one of <see cref="ScenarioVocabulary.Vias"/>.</param>
/// <param name="Result">The canonical name of the entry the kernel gives, or <see cref="ScenarioVocabulary.Success"/>.</param>
/// <param name="Naive">What a document or intuition predicts instead (an entry name or <see cref="ScenarioVocabulary.Success"/>), if anything; never equal to <paramref name="Result"/>.</param>
/// <param name="NaiveSource">Who predicts <paramref name="Naive"/>, in the project's words.</param>
/// <param name="DotNetConnect">The <c>System.Net.Sockets.SocketError</c> member <c>Socket.Connect</c> reports for the same setup, if recorded.</param>
/// <param name="DotNetConnectAsync">The <c>System.Net.Sockets.SocketError</c> member <c>Socket.ConnectAsync</c> reports for the same setup, if recorded.</param>
/// <param name="Note">What the scenario shows, in the project's words.</param>
/// <param name="DotNetSocket">The <c>System.Net.Sockets.SocketError</c> member <c>new Socket(family, type, protocol)</c> reports for the same setup, if recorded (scenarios of socket()).</param>
public sealed record Scenario(
    string Id,
    string Platform,
    string Family,
    string Socket,
    string Setup,
    EquatableArray<string> Needs,
    string Via,
    string Result,
    string? Naive,
    string? NaiveSource,
    string? DotNetConnect,
    string? DotNetConnectAsync,
    string? Note,
    string? DotNetSocket = null)
{
    /// <summary>Whether any user can run it (<c>needs: none</c>).</summary>
    public bool NeedsNothing => Needs.IsEmpty;

    /// <summary>Whether the kernel lets the call succeed in this setup.</summary>
    public bool Succeeds => Result == ScenarioVocabulary.Success;
}

using ErrorCatalog.Generator.Spec;

namespace ErrorCatalog.Generator.Emit;

// The enums: the error enum with its documentation, the platform and classification enums, and
// one code enum per platform.
internal static partial class Emitter
{
    private static void EmitErrorEnum(SourceWriter writer, EmitSpec spec, System.Threading.CancellationToken cancellationToken)
    {
        var doc = $$"""
            /// <summary>{{spec.Title}}</summary>
            /// <remarks>
            /// <para>{{spec.Description}}</para>
            /// <para>One member per error that <c>{{spec.FunctionXml}}</c> can report, on any of the catalog's platforms. Values are stable: a value is never renumbered or reused. Native codes map to members and back through <see cref="{{spec.Names.ErrorsName}}"/>; an unknown native code stays a <see cref="{{spec.Names.NativeErrorName}}"/> and is never forced onto a member.</para>
            /// </remarks>
            """;
        EmitEnum(writer, doc, spec.DeclaredNames.ErrorName, spec.Errors, error =>
        {
            cancellationToken.ThrowIfCancellationRequested();
            EmitErrorMemberDoc(writer, spec, error);
            writer.WriteLine($"{error.Symbol} = {error.Value},");
        });
    }

    /// <summary>A public int enum with its doc comment, its members separated by blank lines.</summary>
    private static void EmitEnum<T>(SourceWriter writer, string doc, string name, EquatableArray<T> members, System.Action<T> emitMember)
        where T : System.IEquatable<T>
    {
        writer.WriteLine(doc);
        writer.WriteLine(GeneratedCodeAttribute);
        writer.OpenBlock($"public enum {name} : int");
        var first = true;
        foreach (var member in members)
        {
            if (!first)
            {
                writer.WriteLine();
            }

            first = false;
            emitMember(member);
        }

        writer.CloseBlock();
    }

    private static void EmitErrorMemberDoc(SourceWriter writer, EmitSpec spec, ErrorSpec error)
    {
        var names = spec.Names;
        var doc = error.Doc;
        writer.WriteLine("/// <summary>");
        writer.WriteLine($"/// <para><c>{error.NameXml}</c>: {error.SummarySentence}</para>");
        writer.WriteLine($"/// <para>What to do: {error.ActionSentence}</para>");
        writer.WriteLine("/// </summary>");
        writer.WriteLine("/// <remarks>");
        if (doc.Details is not null)
        {
            writer.WriteLine($"/// <para>{doc.Details}</para>");
        }

        var classification = spec.Classifications[error.ClassificationIndex];
        writer.Write($"/// <para>Classification: <see cref=\"{names.ClassificationName}.{classification.Symbol}\"/> ({classification.TitleXml}). Thrown as <see cref=\"{names.ExceptionName}.{error.Symbol}\"/>");
        if (error.GroupSymbol is not null)
        {
            writer.Write($", a <see cref=\"{names.ExceptionName}.{error.GroupSymbol}\"/>");
        }

        writer.WriteLine(".</para>");
        EmitScenarioDoc(writer, spec, doc);
        EmitCodeTableDoc(writer, spec, doc);
        EmitSourcesDoc(writer, doc);
        EmitDocList(writer, "Address families:", doc.Families);
        writer.WriteLine($"/// <para>Names: {doc.Names}</para>");
        EmitDocList(writer, "Quirks:", doc.Quirks);
        writer.WriteLine("/// </remarks>");
    }

    /// <summary>
    /// The short form of what the replayed scenarios show: per platform, the first setup that gives
    /// this error; the first scenario where it is predicted but something else comes back; and the
    /// platforms whose call never returns it. Short on purpose: doc comments show up in IntelliSense,
    /// and the docs site has the full lists. Writes nothing for an entry no scenario mentions.
    /// </summary>
    private static void EmitScenarioDoc(SourceWriter writer, EmitSpec spec, ErrorDoc doc)
    {
        foreach (var replayed in doc.Replayed)
        {
            writer.Write($"/// <para>On <c>{replayed.PlatformIdXml}</c>, replayed: {replayed.SetupSentence}");
            EmitMore(writer, replayed.MoreCount);
            writer.WriteLine("</para>");
        }

        if (doc.Blaming is { } blaming)
        {
            writer.Write($"/// <para>Not this error: {blaming.SetupSentence} The kernel ");
            if (blaming.ActualErrorIndex is int actual)
            {
                writer.Write($"gives <see cref=\"{spec.Names.ErrorName}.{spec.Errors[actual].Symbol}\"/>");
            }
            else
            {
                writer.Write("succeeds");
            }

            writer.Write($" instead (scenario <c>{blaming.ScenarioIdXml}</c>).");
            EmitMore(writer, blaming.MoreCount);
            writer.WriteLine("</para>");
        }

        foreach (var platform in doc.NotReturnedPlatforms)
        {
            // The why is long (what was tried and what came back); the docs site and errcat show carry it.
            writer.WriteLine($"/// <para><c>{platform}</c> {spec.FunctionXml} never returns it.</para>");
        }
    }

    private static void EmitMore(SourceWriter writer, int moreCount)
    {
        if (moreCount > 0)
        {
            writer.Write($" (+{moreCount} more)");
        }
    }

    private static void EmitCodeTableDoc(SourceWriter writer, EmitSpec spec, ErrorDoc doc)
    {
        writer.WriteLine("/// <para>Code on each platform:</para>");
        writer.WriteLine("/// <list type=\"table\">");
        writer.WriteLine("/// <listheader><term>Platform</term><description>Code</description></listheader>");
        for (var i = 0; i < spec.Platforms.Count; i++)
        {
            var platform = spec.Platforms[i];
            writer.WriteLine($"/// <item><term>{platform.TitleXml} (<c>{platform.IdXml}</c>)</term><description>{doc.CodeCells[i]}</description></item>");
        }

        writer.WriteLine("/// </list>");
    }

    private static void EmitSourcesDoc(SourceWriter writer, ErrorDoc doc)
    {
        EmitDocList(writer, "Sources that list it:", doc.Attributions);
        if (doc.UnlistedSources.IsEmpty)
        {
            return;
        }

        writer.Write("/// <para>Not listed by: ");
        for (var i = 0; i < doc.UnlistedSources.Count; i++)
        {
            writer.Write(i == 0 ? doc.UnlistedSources[i] : "; " + doc.UnlistedSources[i]);
        }

        writer.WriteLine(".</para>");
    }

    /// <summary>A titled bullet list; nothing when there are no items.</summary>
    private static void EmitDocList(SourceWriter writer, string title, Catalog.Model.EquatableArray<string> items)
    {
        if (items.IsEmpty)
        {
            return;
        }

        writer.WriteLine($"/// <para>{title}</para>");
        writer.WriteLine("/// <list type=\"bullet\">");
        foreach (var item in items)
        {
            writer.WriteLine($"/// <item><description>{item}</description></item>");
        }

        writer.WriteLine("/// </list>");
    }

    /// <summary>
    /// Platform (and classification) values are the catalog's <c>value</c> fields, so reordering the
    /// list renumbers nothing. See generator/README.md.
    /// </summary>
    private static void EmitPlatformEnum(SourceWriter writer, EmitSpec spec) => EmitEnum(
        writer,
        $"/// <summary>The platforms whose native codes the <c>{spec.CatalogIdXml}</c> catalog records; each numbers errors its own way.</summary>",
        spec.DeclaredNames.PlatformName,
        spec.Platforms,
        platform => writer.WriteLine($"""
            /// <summary>{platform.TitleXml} (catalog id <c>{platform.IdXml}</c>): {platform.KindXml} from {platform.ReferenceXml}, valid from {platform.Min} to {platform.Max}.</summary>
            {platform.Symbol} = {platform.Value},
            """));

    private static void EmitClassificationEnum(SourceWriter writer, EmitSpec spec) => EmitEnum(
        writer,
        "/// <summary>The project's advice on what kind of failure an error is: policy for callers, not a fact about the operating system.</summary>",
        spec.DeclaredNames.ClassificationName,
        spec.Classifications,
        classification => writer.WriteLine($"""
            /// <summary>{classification.TitleXml}: {classification.DescriptionSentence}</summary>
            {classification.Symbol} = {classification.Value},
            """));

    private static void EmitPlatformCodeEnum(SourceWriter writer, EmitSpec spec, PlatformSpec platform)
    {
        var doc = $"""
            /// <summary>Native error names that <c>{spec.FunctionXml}</c> can report on {platform.TitleXml}, with their numbers there (from {platform.ReferenceXml}).</summary>
            /// <remarks>Aliases are members too, with the number they have on this platform. Names this platform does not define are missing.</remarks>
            """;
        EmitEnum(writer, doc, platform.CodeEnumName, platform.CodeMembers, member =>
        {
            var error = spec.Errors[member.ErrorIndex];
            writer.Write($"/// <summary><c>{member.Name}</c>, ");
            if (member.IsAlias)
            {
                writer.Write($"another name for <c>{error.NameXml}</c>, ");
            }

            writer.WriteLine($"<see cref=\"{spec.Names.ErrorName}.{error.Symbol}\"/>: {error.SummarySentence}</summary>");
            writer.WriteLine($"{member.Name} = {member.Code},");
        });
    }
}

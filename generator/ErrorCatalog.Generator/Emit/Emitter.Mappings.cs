using System;
using System.Threading;
using ErrorCatalog.Generator.Spec;

namespace ErrorCatalog.Generator.Emit;

// The static mapping class: native code to error and back, names, prose, SocketError (socket base
// only), exception factories, platform ids, and the internal helpers the other types call.
internal static partial class Emitter
{
    private static void EmitMappings(SourceWriter writer, EmitSpec spec, CancellationToken cancellationToken)
    {
        var names = spec.Names;
        var mapped = spec.ExceptionBase.MapsSocketError ? $"native codes, names, .NET <see cref=\"{SocketError}\"/> values" : "native codes, names";
        writer.WriteLine($"/// <summary>Mappings between {mapped} and <see cref=\"{names.Error}\"/>, for every platform of the catalog.</summary>");
        writer.WriteLine("/// <remarks>Every method is a switch or an array lookup compiled from the catalog: no dictionary, reflection or <see cref=\"global::System.Enum.ToString()\"/> at run time, and no allocation.</remarks>");
        writer.WriteLine(GeneratedCodeAttribute);
        writer.OpenBlock($"public static partial class {names.ErrorsName}");
        EmitNativeLookups(writer, spec, cancellationToken);
        writer.WriteLine();
        EmitCodeLookups(writer, spec, cancellationToken);
        writer.WriteLine();
        EmitTextLookups(writer, spec);
        if (spec.ExceptionBase.MapsSocketError)
        {
            writer.WriteLine();
            EmitSocketErrorMappings(writer, spec);
        }

        writer.WriteLine();
        EmitExceptionFactories(writer, spec);
        writer.WriteLine();
        EmitPlatformIds(writer, spec);

        // Helpers for the generated struct and exceptions; internal so they do not widen the public surface.
        writer.WriteLine();
        EmitInternalHelpers(writer, spec);
        writer.CloseBlock();
    }

    /// <summary>Native code to error and to name: per platform, and dispatching on the platform.</summary>
    private static void EmitNativeLookups(SourceWriter writer, EmitSpec spec, CancellationToken cancellationToken)
    {
        var names = spec.Names;
        writer.WriteLine($"/// <summary>Wraps a raw code; see <see cref=\"{names.NativeError}.Error\"/> for the catalog error, if any.</summary>");
        writer.WriteLine("/// <param name=\"platform\">The platform whose numbering <paramref name=\"code\"/> follows.</param>");
        writer.WriteLine("/// <param name=\"code\">The raw code.</param>");
        writer.WriteLine("/// <returns>The code and platform, never collapsed to a catalog error.</returns>");
        writer.WriteLine($"public static {names.NativeError} FromNative({names.Platform} platform, int code) => new {names.NativeError}(platform, code);");
        writer.WriteLine();
        writer.WriteLine("/// <summary>Finds the catalog error that <paramref name=\"code\"/> means on <paramref name=\"platform\"/>.</summary>");
        writer.WriteLine("/// <param name=\"platform\">The platform whose numbering <paramref name=\"code\"/> follows.</param>");
        writer.WriteLine("/// <param name=\"code\">The raw code.</param>");
        writer.WriteLine("/// <param name=\"error\">The error, or 0 when the catalog does not list the code there.</param>");
        writer.WriteLine("/// <returns><see langword=\"true\"/> when the catalog lists the code on that platform.</returns>");
        writer.OpenBlock($"public static bool TryFromNative({names.Platform} platform, int code, out {names.Error} error)");
        EmitPlatformSwitch(writer, spec, "error = platform switch", "FromCodeOn", "(code)", "default");
        writer.WriteLine("return error != default;");
        writer.CloseBlock();

        foreach (var platform in spec.Platforms)
        {
            cancellationToken.ThrowIfCancellationRequested();
            writer.WriteLine();
            writer.WriteLine($"/// <summary>Finds the catalog error that <paramref name=\"code\"/> means on {platform.TitleXml}.</summary>");
            writer.WriteLine($"/// <param name=\"code\">A raw code as {platform.TitleXml} reports it.</param>");
            writer.WriteLine("/// <param name=\"error\">The error, or 0 when the catalog does not list the code there.</param>");
            writer.WriteLine("/// <returns><see langword=\"true\"/> when the catalog lists the code.</returns>");
            writer.OpenBlock($"public static bool {platform.TryFromMethod}(int code, out {names.Error} error)");
            writer.WriteLine($"error = FromCodeOn{platform.Symbol}(code);");
            writer.WriteLine("return error != default;");
            writer.CloseBlock();
            writer.WriteLine();
            EmitCodeKeyedLookup(writer, platform, names.Error, $"FromCodeOn{platform.Symbol}", $"{platform.Symbol}ErrorByCode", "default", lookup => $"{names.Error}.{spec.Errors[lookup.ErrorIndex].Symbol}");
            writer.WriteLine();
            EmitCodeKeyedLookup(writer, platform, "string?", $"NameOn{platform.Symbol}", $"{platform.Symbol}NameByCode", "null", lookup => lookup.NameLiteral);
        }

        writer.WriteLine();
        writer.WriteLine("/// <summary>The native name (canonical, or the alias that carries the number) of <paramref name=\"code\"/> on <paramref name=\"platform\"/>.</summary>");
        writer.WriteLine("/// <param name=\"platform\">The platform whose numbering <paramref name=\"code\"/> follows.</param>");
        writer.WriteLine("/// <param name=\"code\">The raw code.</param>");
        writer.WriteLine("/// <returns>The name, or <see langword=\"null\"/> when the catalog does not list the code there.</returns>");
        EmitPlatformSwitch(writer, spec, $"public static string? GetNativeName({names.Platform} platform, int code) => platform switch", "NameOn", "(code)", "null");
    }

    /// <summary>Error to native code: dispatching on the platform, and one method per platform.</summary>
    private static void EmitCodeLookups(SourceWriter writer, EmitSpec spec, CancellationToken cancellationToken)
    {
        var names = spec.Names;
        writer.WriteLine("/// <summary>The canonical code of <paramref name=\"error\"/> on <paramref name=\"platform\"/>.</summary>");
        writer.WriteLine("/// <param name=\"error\">A catalog error.</param>");
        writer.WriteLine("/// <param name=\"platform\">A platform.</param>");
        writer.WriteLine("/// <returns>The code, or <see langword=\"null\"/> where the platform does not define the error.</returns>");
        EmitPlatformSwitch(writer, spec, $"public static int? GetCode({names.Error} error, {names.Platform} platform) => platform switch", "Get", "Code(error)", "null");
        writer.WriteLine();
        writer.WriteLine("/// <summary>The canonical code of <paramref name=\"error\"/> on <paramref name=\"platform\"/>.</summary>");
        writer.WriteLine("/// <param name=\"error\">A catalog error.</param>");
        writer.WriteLine("/// <param name=\"platform\">A platform.</param>");
        writer.WriteLine("/// <param name=\"code\">The code, or 0 where the platform does not define the error.</param>");
        writer.WriteLine("/// <returns><see langword=\"false\"/> where the platform does not define the error.</returns>");
        writer.OpenBlock($"public static bool TryGetCode({names.Error} error, {names.Platform} platform, out int code)");
        writer.WriteLine("var value = GetCode(error, platform);");
        writer.WriteLine("code = value.GetValueOrDefault();");
        writer.WriteLine("return value.HasValue;");
        writer.CloseBlock();

        foreach (var platform in spec.Platforms)
        {
            cancellationToken.ThrowIfCancellationRequested();
            writer.WriteLine();
            writer.WriteLine($"/// <summary>The canonical code of <paramref name=\"error\"/> on {platform.TitleXml}.</summary>");
            writer.WriteLine("/// <param name=\"error\">A catalog error.</param>");
            writer.WriteLine($"/// <returns>The code, or <see langword=\"null\"/> where {platform.TitleXml} does not define the error.</returns>");
            var codes = platform.CanonicalCodes;
            EmitErrorKeyedLookup(writer, spec, "int?", $"Get{platform.Symbol}Code", $"{platform.Symbol}CodeByError", memberOnly: false, index => codes[index].Code is int code ? code.ToString(System.Globalization.CultureInfo.InvariantCulture) : "null");
        }
    }

    /// <summary>Names and prose: error to name, name to error, summary, advice, classification.</summary>
    private static void EmitTextLookups(SourceWriter writer, EmitSpec spec)
    {
        var names = spec.Names;
        var firstName = spec.Errors[0].NameXml;
        writer.WriteLine("/// <summary>The canonical native name of <paramref name=\"error\"/>.</summary>");
        writer.WriteLine("/// <param name=\"error\">A catalog error.</param>");
        writer.WriteLine($"/// <returns>The name, for example <c>{firstName}</c>.</returns>");
        EmitNotAMemberDoc(writer, spec);
        EmitErrorKeyedLookup(writer, spec, "string", "GetName", "NameByError", memberOnly: true, index => spec.Errors[index].NameLiteral);

        writer.WriteLine();
        writer.WriteLine("/// <summary>Finds the error with canonical name or alias <paramref name=\"nameOrAlias\"/> (exact, case-sensitive).</summary>");
        writer.WriteLine($"/// <param name=\"nameOrAlias\">A native name, for example <c>{firstName}</c>.</param>");
        writer.WriteLine("/// <param name=\"error\">The error, or 0 when no entry has that name.</param>");
        writer.WriteLine("/// <returns><see langword=\"true\"/> when an entry has that name or alias.</returns>");
        writer.OpenBlock($"public static bool TryParse(string? nameOrAlias, out {names.Error} error)");
        writer.WriteLine("error = nameOrAlias switch");
        writer.WriteLine("{");
        foreach (var arm in spec.ParseArms)
        {
            writer.WriteLine($"    {arm.NameLiteral} => {names.Error}.{spec.Errors[arm.ErrorIndex].Symbol},");
        }

        EmitSwitchEnd(writer, "default");
        writer.WriteLine("return error != default;");
        writer.CloseBlock();

        writer.WriteLine();
        writer.WriteLine("/// <summary>One sentence on what <paramref name=\"error\"/> means.</summary>");
        writer.WriteLine("/// <param name=\"error\">A catalog error.</param>");
        writer.WriteLine("/// <returns>The catalog's summary.</returns>");
        EmitNotAMemberDoc(writer, spec);
        EmitErrorKeyedLookup(writer, spec, "string", "GetSummary", "SummaryByError", memberOnly: true, index => spec.Errors[index].SummaryLiteral);

        writer.WriteLine();
        writer.WriteLine("/// <summary>What a caller should do about <paramref name=\"error\"/>.</summary>");
        writer.WriteLine("/// <param name=\"error\">A catalog error.</param>");
        writer.WriteLine("/// <returns>The catalog's advice.</returns>");
        EmitNotAMemberDoc(writer, spec);
        EmitErrorKeyedLookup(writer, spec, "string", "GetAction", "ActionByError", memberOnly: true, index => spec.Errors[index].ActionLiteral);

        writer.WriteLine();
        writer.WriteLine("/// <summary>The project's classification of <paramref name=\"error\"/> (policy, not an operating-system fact).</summary>");
        writer.WriteLine("/// <param name=\"error\">A catalog error.</param>");
        writer.WriteLine("/// <returns>The classification.</returns>");
        EmitNotAMemberDoc(writer, spec);
        EmitErrorKeyedLookup(writer, spec, names.Classification, "GetClassification", "ClassificationByError", memberOnly: true, index => names.Classification + "." + spec.Classifications[spec.Errors[index].ClassificationIndex].Symbol);
    }

    private static void EmitNotAMemberDoc(SourceWriter writer, EmitSpec spec) =>
        writer.WriteLine($"/// <exception cref=\"{ArgumentOutOfRange}\"><paramref name=\"error\"/> is not a member of <see cref=\"{spec.Names.Error}\"/>.</exception>");

    /// <summary>SocketError to error and back; only for catalogs whose exceptions are SocketExceptions.</summary>
    private static void EmitSocketErrorMappings(SourceWriter writer, EmitSpec spec)
    {
        var error = spec.Names.Error;
        writer.WriteLine($"/// <summary>The <see cref=\"{SocketError}\"/> member that matches <paramref name=\"error\"/>.</summary>");
        writer.WriteLine("/// <param name=\"error\">A catalog error.</param>");
        writer.WriteLine($"/// <param name=\"socketError\">The member, or <see cref=\"{SocketError}.SocketError\"/> when none matches.</param>");
        writer.WriteLine("/// <returns><see langword=\"true\"/> when the catalog names a matching member.</returns>");
        writer.OpenBlock($"public static bool TryGetSocketError({error} error, out {SocketError} socketError)");
        writer.WriteLine("socketError = ToSocketError(error);");
        writer.WriteLine("return error switch");
        writer.WriteLine("{");
        foreach (var entry in spec.Errors)
        {
            if (entry.SocketErrorMember is not null)
            {
                writer.WriteLine($"    {error}.{entry.Symbol} => true,");
            }
        }

        EmitSwitchEnd(writer, "false");
        writer.CloseBlock();
        writer.WriteLine();
        writer.WriteLine($"/// <summary>The <see cref=\"{SocketError}\"/> member that matches <paramref name=\"error\"/>.</summary>");
        writer.WriteLine("/// <param name=\"error\">A catalog error.</param>");
        writer.WriteLine($"/// <returns>The member, or <see cref=\"{SocketError}.SocketError\"/> when none matches.</returns>");
        writer.WriteLine($"public static {SocketError} ToSocketError({error} error) => error switch");
        writer.WriteLine("{");
        foreach (var entry in spec.Errors)
        {
            if (entry.SocketErrorMember is not null)
            {
                writer.WriteLine($"    {error}.{entry.Symbol} => {SocketError}.{entry.SocketErrorMember},");
            }
        }

        EmitSwitchEnd(writer, SocketError + ".SocketError");
        writer.WriteLine();
        writer.WriteLine($"/// <summary>The catalog error for a <see cref=\"{SocketError}\"/> member; where several entries share a member, the first in catalog order.</summary>");
        writer.WriteLine("/// <param name=\"socketError\">A .NET socket error.</param>");
        writer.WriteLine("/// <param name=\"error\">The error, or 0 when no entry matches.</param>");
        writer.WriteLine("/// <returns><see langword=\"true\"/> when an entry matches.</returns>");
        writer.OpenBlock($"public static bool TryFromSocketError({SocketError} socketError, out {error} error)");
        writer.WriteLine("error = socketError switch");
        writer.WriteLine("{");
        foreach (var arm in spec.SocketErrorArms)
        {
            writer.WriteLine($"    {SocketError}.{arm.Member} => {error}.{spec.Errors[arm.ErrorIndex].Symbol},");
        }

        EmitSwitchEnd(writer, "default");
        writer.WriteLine("return error != default;");
        writer.CloseBlock();
    }

    private static void EmitExceptionFactories(SourceWriter writer, EmitSpec spec)
    {
        var names = spec.Names;
        writer.WriteLine($"/// <summary>Creates the most specific exception for <paramref name=\"error\"/>: the nested type of its catalog entry, or <see cref=\"{names.Exception}\"/> itself for a code the catalog does not know.</summary>");
        writer.WriteLine("/// <param name=\"error\">The native error.</param>");
        writer.WriteLine("/// <param name=\"endPoint\">The end point the failed call was given, if any.</param>");
        writer.WriteLine("/// <returns>The exception, not thrown.</returns>");
        writer.WriteLine($"public static {names.Exception} CreateException({names.NativeError} error, {EndPoint}? endPoint = null) => error.Error switch");
        writer.WriteLine("{");
        foreach (var entry in spec.Errors)
        {
            writer.WriteLine($"    {names.Error}.{entry.Symbol} => new {names.Exception}.{entry.Symbol}(error, endPoint),");
        }

        EmitSwitchEnd(writer, $"new {names.Exception}(error, endPoint)");
        writer.WriteLine();
        writer.WriteLine("/// <summary>Creates the most specific exception for <paramref name=\"code\"/> on <paramref name=\"platform\"/>.</summary>");
        writer.WriteLine("/// <param name=\"platform\">The platform whose numbering <paramref name=\"code\"/> follows.</param>");
        writer.WriteLine("/// <param name=\"code\">The raw code.</param>");
        writer.WriteLine("/// <param name=\"endPoint\">The end point the failed call was given, if any.</param>");
        writer.WriteLine("/// <returns>The exception, not thrown.</returns>");
        writer.WriteLine($"public static {names.Exception} CreateException({names.Platform} platform, int code, {EndPoint}? endPoint = null) => CreateException(new {names.NativeError}(platform, code), endPoint);");
    }

    private static void EmitPlatformIds(SourceWriter writer, EmitSpec spec)
    {
        var platformType = spec.Names.Platform;
        var firstId = spec.Platforms[0].IdXml;
        writer.WriteLine("/// <summary>The catalog id of <paramref name=\"platform\"/>.</summary>");
        writer.WriteLine("/// <param name=\"platform\">A platform.</param>");
        writer.WriteLine($"/// <returns>The id, for example <c>{firstId}</c>.</returns>");
        writer.WriteLine($"/// <exception cref=\"{ArgumentOutOfRange}\"><paramref name=\"platform\"/> is not a member of <see cref=\"{platformType}\"/>.</exception>");
        EmitPlatformIdSwitch(writer, spec, $"public static string GetPlatformId({platformType} platform) => platform switch", $"throw new {ArgumentOutOfRange}(nameof(platform), platform, null)");
        writer.WriteLine();
        writer.WriteLine("/// <summary>Finds the platform with catalog id <paramref name=\"id\"/> (exact, case-sensitive).</summary>");
        writer.WriteLine($"/// <param name=\"id\">A catalog platform id, for example <c>{firstId}</c>.</param>");
        writer.WriteLine("/// <param name=\"platform\">The platform, or 0 when no platform has that id.</param>");
        writer.WriteLine("/// <returns><see langword=\"true\"/> when a platform has that id.</returns>");
        writer.OpenBlock($"public static bool TryParsePlatform(string? id, out {platformType} platform)");
        writer.WriteLine("platform = id switch");
        writer.WriteLine("{");
        foreach (var platform in spec.Platforms)
        {
            writer.WriteLine($"    {platform.IdLiteral} => {platformType}.{platform.Symbol},");
        }

        EmitSwitchEnd(writer, "default");
        writer.WriteLine("return platform != default;");
        writer.CloseBlock();
    }

    private static void EmitInternalHelpers(SourceWriter writer, EmitSpec spec)
    {
        var names = spec.Names;
        EmitPlatformIdSwitch(writer, spec, $"internal static string DescribePlatform({names.Platform} platform) => platform switch", $"\"platform \" + ((int)platform).ToString({InvariantCulture})");
        writer.WriteLine();
        writer.WriteLine("[global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]");
        writer.WriteLine($"private static T ThrowNotAMember<T>({names.Error} error) =>");
        writer.WriteLine($"    throw new {ArgumentOutOfRange}(nameof(error), error, null);");
        writer.WriteLine();
        if (spec.ExceptionBase.MapsSocketError)
        {
            writer.WriteLine($"internal static {SocketError} SocketErrorFor({names.NativeError} nativeError) =>");
            writer.WriteLine($"    nativeError.Error is {{ }} error ? ToSocketError(error) : {SocketError}.SocketError;");
            writer.WriteLine();
        }

        writer.OpenBlock($"internal static {names.NativeError} RequireError({names.NativeError} nativeError, {names.Error} expected)");
        writer.OpenBlock("if (nativeError.Error != expected)");
        writer.WriteLine("throw new global::System.ArgumentException(\"The native error \" + nativeError.ToString() + \" is not \" + GetName(expected) + \".\", nameof(nativeError));");
        writer.CloseBlock();
        writer.WriteLine();
        writer.WriteLine("return nativeError;");
        writer.CloseBlock();
        writer.WriteLine();
        writer.OpenBlock($"internal static string FormatExceptionMessage({names.NativeError} nativeError, {EndPoint}? endPoint)");
        writer.WriteLine("var target = endPoint is null ? string.Empty : \" for \" + endPoint.ToString();");
        writer.WriteLine("return nativeError.Error is { } error");
        writer.WriteLine($"    ? {spec.FailedMessageLiteral} + nativeError.ToString() + target + \": \" + GetSummary(error)");
        writer.WriteLine($"    : {spec.FailedMessageLiteral} + nativeError.ToString() + target + \".\";");
        writer.CloseBlock();
    }

    /// <summary>A switch on the platform whose arms call <c>{prefix}{Symbol}{suffix}</c>.</summary>
    private static void EmitPlatformSwitch(SourceWriter writer, EmitSpec spec, string head, string prefix, string suffix, string fallback)
    {
        writer.WriteLine(head);
        writer.WriteLine("{");
        foreach (var platform in spec.Platforms)
        {
            writer.WriteLine($"    {spec.Names.Platform}.{platform.Symbol} => {prefix}{platform.Symbol}{suffix},");
        }

        EmitSwitchEnd(writer, fallback);
    }

    /// <summary>A switch from the platform to its catalog id.</summary>
    private static void EmitPlatformIdSwitch(SourceWriter writer, EmitSpec spec, string head, string fallback)
    {
        writer.WriteLine(head);
        writer.WriteLine("{");
        foreach (var platform in spec.Platforms)
        {
            writer.WriteLine($"    {spec.Names.Platform}.{platform.Symbol} => {platform.IdLiteral},");
        }

        EmitSwitchEnd(writer, fallback);
    }

    private static void EmitSwitchEnd(SourceWriter writer, string fallback)
    {
        writer.WriteLine($"    _ => {fallback},");
        writer.WriteLine("};");
    }

    /// <summary>
    /// A method from an error to a value: an array indexed by the error's value when the values are
    /// dense, a switch otherwise. With <paramref name="memberOnly"/>, a value that is not a member
    /// throws; otherwise it gives null.
    /// </summary>
    private static void EmitErrorKeyedLookup(SourceWriter writer, EmitSpec spec, string type, string method, string table, bool memberOnly, Func<int, string> value)
    {
        var layout = spec.ErrorTable;
        var signature = $"public static {type} {method}({spec.Names.Error} error)";
        var miss = memberOnly ? $"ThrowNotAMember<{type}>(error)" : "null";
        if (!layout.IsArray)
        {
            writer.WriteLine(signature + " => error switch");
            writer.WriteLine("{");
            for (var index = 0; index < spec.Errors.Count; index++)
            {
                writer.WriteLine($"    {spec.Names.Error}.{spec.Errors[index].Symbol} => {value(index)},");
            }

            // The throw lives in a helper so that these methods stay small and frameless.
            EmitSwitchEnd(writer, miss);
            return;
        }

        // A member-only table with gaps holds null there, so a hit needs a null check.
        var checkGaps = memberOnly && layout.HasGaps;
        var element = checkGaps ? type + "?" : type;
        writer.OpenBlock(signature);
        writer.WriteLine($"var index = unchecked((uint)((int)error{Offset(layout.First)}));");
        writer.WriteLine(checkGaps
            ? $"return index < (uint){table}.Length && {table}[index] is {{ }} value ? value : {miss};"
            : $"return index < (uint){table}.Length ? {table}[index] : {miss};");
        writer.CloseBlock();
        writer.WriteLine();
        EmitTable(writer, element, table, layout, "null", slot => value(slot));
    }

    /// <summary>A private method from a platform's code to a value: an array indexed by the code when the codes are dense, a switch otherwise.</summary>
    private static void EmitCodeKeyedLookup(SourceWriter writer, PlatformSpec platform, string type, string method, string table, string miss, Func<CodeLookup, string> value)
    {
        var layout = platform.CodeTable;
        if (!layout.IsArray)
        {
            writer.WriteLine($"private static {type} {method}(int code) => code switch");
            writer.WriteLine("{");
            foreach (var lookup in platform.Codes)
            {
                writer.WriteLine($"    {lookup.Code} => {value(lookup)},");
            }

            EmitSwitchEnd(writer, miss);
            return;
        }

        writer.OpenBlock($"private static {type} {method}(int code)");
        writer.WriteLine($"var index = unchecked((uint)(code{Offset(layout.First)}));");
        writer.WriteLine($"return index < (uint){table}.Length ? {table}[index] : {miss};");
        writer.CloseBlock();
        writer.WriteLine();
        EmitTable(writer, type, table, layout, miss, slot => value(platform.Codes[slot]));
    }

    /// <summary>A static array with one element per slot of <paramref name="layout"/>; <paramref name="gap"/> where a slot is empty.</summary>
    private static void EmitTable(SourceWriter writer, string elementType, string name, TableLayout layout, string gap, Func<int, string> value)
    {
        writer.WriteLine($"private static readonly {elementType}[] {name} =");
        writer.WriteLine("{");
        foreach (var slot in layout.Slots)
        {
            writer.WriteLine($"    {(slot < 0 ? gap : value(slot))},");
        }

        writer.WriteLine("};");
    }

    /// <summary>The subtraction that makes <paramref name="first"/> index 0: " - 1", "", " + 5".</summary>
    private static string Offset(int first) => first switch
    {
        0 => string.Empty,
        > 0 => " - " + first.ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ => " + " + (-(long)first).ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}

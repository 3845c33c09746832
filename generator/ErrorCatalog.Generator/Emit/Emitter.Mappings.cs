using ErrorCatalog.Generator.Spec;

namespace ErrorCatalog.Generator.Emit;

// The static mapping class: native code to error and back, names, prose, SocketError (socket base
// only), exception factories, platform ids, and the internal helpers the other types call.
internal static partial class Emitter
{
    /// <summary>The default arm and the end of a switch expression.</summary>
    private static void EmitSwitchEnd(SourceWriter writer, string fallback)
    {
        writer.WriteLine($"    _ => {fallback},");
        writer.WriteLine("};");
    }

    private static void EmitMappings(SourceWriter writer, EmitSpec spec, CancellationToken cancellationToken)
    {
        var names = spec.Names;
        var mapped = spec.ExceptionBase.MapsSocketError ? $"native codes, names, .NET <see cref=\"{SocketError}\"/> values" : "native codes, names";
        writer.WriteLine($"/// <summary>Mappings between {mapped} and <see cref=\"{names.ErrorName}\"/>, for every platform of the catalog.</summary>");
        writer.WriteLine("/// <remarks>Every method is a switch or an array lookup compiled from the catalog: no dictionary, reflection or <see cref=\"global::System.Enum.ToString()\"/> at run time, and no allocation.</remarks>");
        writer.WriteLine(GeneratedCodeAttribute);
        writer.OpenBlock($"public static partial class {spec.DeclaredNames.ErrorsName}");
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
        writer.WriteLine();
        EmitCurrentPlatform(writer, spec);

        // Helpers for the generated struct and exceptions; internal so they do not widen the public surface.
        writer.WriteLine();
        EmitInternalHelpers(writer, spec);
        writer.CloseBlock();
    }

    /// <summary>Native code to error and to name: per platform, and dispatching on the platform.</summary>
    private static void EmitNativeLookups(SourceWriter writer, EmitSpec spec, CancellationToken cancellationToken)
    {
        var names = spec.Names;
        writer.WriteLine($$"""
            /// <summary>Wraps a raw code; see <see cref="{{names.NativeErrorName}}.Error"/> for the catalog error, if any.</summary>
            /// <param name="platform">The platform whose numbering <paramref name="code"/> follows.</param>
            /// <param name="code">The raw code.</param>
            /// <returns>The code and platform, never collapsed to a catalog error.</returns>
            public static {{names.NativeErrorName}} FromNative({{names.PlatformName}} platform, int code) => new {{names.NativeErrorName}}(platform, code);

            /// <summary>Finds the catalog error that <paramref name="code"/> means on <paramref name="platform"/>.</summary>
            /// <param name="platform">The platform whose numbering <paramref name="code"/> follows.</param>
            /// <param name="code">The raw code.</param>
            /// <param name="error">The error, or 0 when the catalog does not list the code there.</param>
            /// <returns><see langword="true"/> when the catalog lists the code on that platform.</returns>
            """);
        EmitTryLookup(writer, $"public static bool TryFromNative({names.PlatformName} platform, int code, out {names.ErrorName} error)", "error", "platform", spec.Platforms, platform =>
            writer.WriteLine($"    {names.PlatformName}.{platform.Symbol} => {platform.Members.FromCode}(code),"));

        foreach (var platform in spec.Platforms)
        {
            cancellationToken.ThrowIfCancellationRequested();
            writer.WriteLine($$"""

                /// <summary>Finds the catalog error that <paramref name="code"/> means on {{platform.TitleXml}}.</summary>
                /// <param name="code">A raw code as {{platform.TitleXml}} reports it.</param>
                /// <param name="error">The error, or 0 when the catalog does not list the code there.</param>
                /// <returns><see langword="true"/> when the catalog lists the code.</returns>
                public static bool {{platform.Members.TryFrom}}(int code, out {{names.ErrorName}} error)
                {
                    error = {{platform.Members.FromCode}}(code);
                    return error != default;
                }

                """);
            EmitCodeKeyedLookup(writer, platform, names.ErrorName, platform.Members.FromCode, platform.Members.ErrorByCodeTable, "default", lookup => $"{names.ErrorName}.{spec.Errors[lookup.ErrorIndex].Symbol}");
            writer.WriteLine();
            EmitCodeKeyedLookup(writer, platform, "string?", platform.Members.NameOn, platform.Members.NameByCodeTable, "null", lookup => lookup.NameLiteral);
        }

        writer.WriteLine("""

            /// <summary>The native name (canonical, or the alias that carries the number) of <paramref name="code"/> on <paramref name="platform"/>.</summary>
            /// <param name="platform">The platform whose numbering <paramref name="code"/> follows.</param>
            /// <param name="code">The raw code.</param>
            /// <returns>The name, or <see langword="null"/> when the catalog does not list the code there.</returns>
            """);
        EmitPlatformSwitch(writer, spec, $"public static string? GetNativeName({names.PlatformName} platform, int code) => platform switch", members => members.NameOn + "(code)", "null");
    }

    /// <summary>Error to native code: dispatching on the platform, and one method per platform.</summary>
    private static void EmitCodeLookups(SourceWriter writer, EmitSpec spec, CancellationToken cancellationToken)
    {
        var names = spec.Names;
        writer.WriteLine("""
            /// <summary>The canonical code of <paramref name="error"/> on <paramref name="platform"/>.</summary>
            /// <param name="error">A catalog error.</param>
            /// <param name="platform">A platform.</param>
            /// <returns>The code, or <see langword="null"/> where the platform does not define the error.</returns>
            """);
        EmitPlatformSwitch(writer, spec, $"public static int? GetCode({names.ErrorName} error, {names.PlatformName} platform) => platform switch", members => members.GetCode + "(error)", "null");
        writer.WriteLine($$"""

            /// <summary>The canonical code of <paramref name="error"/> on <paramref name="platform"/>.</summary>
            /// <param name="error">A catalog error.</param>
            /// <param name="platform">A platform.</param>
            /// <param name="code">The code, or 0 where the platform does not define the error.</param>
            /// <returns><see langword="false"/> where the platform does not define the error.</returns>
            public static bool TryGetCode({{names.ErrorName}} error, {{names.PlatformName}} platform, out int code)
            {
                var value = GetCode(error, platform);
                code = value.GetValueOrDefault();
                return value.HasValue;
            }
            """);

        foreach (var platform in spec.Platforms)
        {
            cancellationToken.ThrowIfCancellationRequested();
            writer.WriteLine($$"""

                /// <summary>The canonical code of <paramref name="error"/> on {{platform.TitleXml}}.</summary>
                /// <param name="error">A catalog error.</param>
                /// <returns>The code, or <see langword="null"/> where {{platform.TitleXml}} does not define the error.</returns>
                """);
            var codes = platform.CanonicalCodes;
            EmitErrorKeyedLookup(writer, spec, "int?", platform.Members.GetCode, platform.Members.CodeByErrorTable, memberOnly: false, index => codes[index].Code is int code ? code.ToString(System.Globalization.CultureInfo.InvariantCulture) : "null");
        }
    }

    /// <summary>Names and prose: error to name, name to error, summary, advice, classification.</summary>
    private static void EmitTextLookups(SourceWriter writer, EmitSpec spec)
    {
        var names = spec.Names;
        var firstName = spec.Errors[0].NameXml;
        EmitErrorDoc(writer, spec, "The canonical native name of <paramref name=\"error\"/>.", $"The name, for example <c>{firstName}</c>.");
        EmitErrorKeyedLookup(writer, spec, "string", "GetName", "NameByError", memberOnly: true, index => spec.Errors[index].NameLiteral);

        writer.WriteLine($$"""

            /// <summary>Finds the error with canonical name or alias <paramref name="nameOrAlias"/> (exact, case-sensitive).</summary>
            /// <param name="nameOrAlias">A native name, for example <c>{{firstName}}</c>.</param>
            /// <param name="error">The error, or 0 when no entry has that name.</param>
            /// <returns><see langword="true"/> when an entry has that name or alias.</returns>
            """);
        EmitTryLookup(writer, $"public static bool TryParse(string? nameOrAlias, out {names.ErrorName} error)", "error", "nameOrAlias", spec.ParseArms, arm =>
            writer.WriteLine($"    {arm.NameLiteral} => {names.ErrorName}.{spec.Errors[arm.ErrorIndex].Symbol},"));

        writer.WriteLine();
        EmitErrorDoc(writer, spec, "One sentence on what <paramref name=\"error\"/> means.", "The catalog's summary.");
        EmitErrorKeyedLookup(writer, spec, "string", "GetSummary", "SummaryByError", memberOnly: true, index => spec.Errors[index].SummaryLiteral);
        writer.WriteLine();
        EmitErrorDoc(writer, spec, "What a caller should do about <paramref name=\"error\"/>.", "The catalog's advice.");
        EmitErrorKeyedLookup(writer, spec, "string", "GetAction", "ActionByError", memberOnly: true, index => spec.Errors[index].ActionLiteral);
        writer.WriteLine();
        EmitErrorDoc(writer, spec, "The project's classification of <paramref name=\"error\"/> (policy, not an operating-system fact).", "The classification.");
        EmitErrorKeyedLookup(writer, spec, names.ClassificationName, "GetClassification", "ClassificationByError", memberOnly: true, index => names.ClassificationName + "." + spec.Classifications[spec.Errors[index].ClassificationIndex].Symbol);
    }

    /// <summary>The doc comment of a method that takes one error and throws for a value that is not a member.</summary>
    private static void EmitErrorDoc(SourceWriter writer, EmitSpec spec, string summary, string returns) => writer.WriteLine($$"""
        /// <summary>{{summary}}</summary>
        /// <param name="error">A catalog error.</param>
        /// <returns>{{returns}}</returns>
        /// <exception cref="{{ArgumentOutOfRange}}"><paramref name="error"/> is not a member of <see cref="{{spec.Names.ErrorName}}"/>.</exception>
        """);

    /// <summary>SocketError to error and back; only for catalogs whose exceptions are SocketExceptions.</summary>
    private static void EmitSocketErrorMappings(SourceWriter writer, EmitSpec spec)
    {
        var error = spec.Names.ErrorName;
        writer.WriteLine($$"""
            /// <summary>The <see cref="{{SocketError}}"/> member that matches <paramref name="error"/>.</summary>
            /// <param name="error">A catalog error.</param>
            /// <param name="socketError">The member, or <see cref="{{SocketError}}.SocketError"/> when none matches.</param>
            /// <returns><see langword="true"/> when the catalog names a matching member.</returns>
            public static bool TryGetSocketError({{error}} error, out {{SocketError}} socketError)
            {
                socketError = ToSocketError(error);
                return error switch
                {
            """);
        foreach (var entry in spec.Errors)
        {
            if (entry.SocketErrorMember is not null)
            {
                writer.WriteLine($"        {error}.{entry.Symbol} => true,");
            }
        }

        writer.WriteLine($$"""
                    _ => false,
                };
            }

            /// <summary>The <see cref="{{SocketError}}"/> member that matches <paramref name="error"/>.</summary>
            /// <param name="error">A catalog error.</param>
            /// <returns>The member, or <see cref="{{SocketError}}.SocketError"/> when none matches.</returns>
            public static {{SocketError}} ToSocketError({{error}} error) => error switch
            {
            """);
        foreach (var entry in spec.Errors)
        {
            if (entry.SocketErrorMember is not null)
            {
                writer.WriteLine($"    {error}.{entry.Symbol} => {SocketError}.{entry.SocketErrorMember},");
            }
        }

        EmitSwitchEnd(writer, SocketError + ".SocketError");
        writer.WriteLine($$"""

            /// <summary>The catalog error for a <see cref="{{SocketError}}"/> member; where several entries share a member, the first in catalog order.</summary>
            /// <param name="socketError">A .NET socket error.</param>
            /// <param name="error">The error, or 0 when no entry matches.</param>
            /// <returns><see langword="true"/> when an entry matches.</returns>
            """);
        EmitTryLookup(writer, $"public static bool TryFromSocketError({SocketError} socketError, out {error} error)", "error", "socketError", spec.SocketErrorArms, arm =>
            writer.WriteLine($"    {SocketError}.{arm.Member} => {error}.{spec.Errors[arm.ErrorIndex].Symbol},"));
    }

    private static void EmitExceptionFactories(SourceWriter writer, EmitSpec spec)
    {
        var names = spec.Names;
        writer.WriteLine($$"""
            /// <summary>Creates the most specific exception for <paramref name="error"/>: the nested type of its catalog entry, or <see cref="{{names.ExceptionName}}"/> itself for a code the catalog does not know.</summary>
            /// <param name="error">The native error.</param>
            /// <param name="endPoint">The end point the failed call was given, if any.</param>
            /// <returns>The exception, not thrown.</returns>
            public static {{names.ExceptionName}} CreateException({{names.NativeErrorName}} error, {{EndPoint}}? endPoint = null) => error.Error switch
            {
            """);
        foreach (var entry in spec.Errors)
        {
            writer.WriteLine($"    {names.ErrorName}.{entry.Symbol} => new {names.ExceptionName}.{entry.Symbol}(error, endPoint),");
        }

        EmitSwitchEnd(writer, $"new {names.ExceptionName}(error, endPoint)");
        writer.WriteLine($$"""

            /// <summary>Creates the most specific exception for <paramref name="code"/> on <paramref name="platform"/>.</summary>
            /// <param name="platform">The platform whose numbering <paramref name="code"/> follows.</param>
            /// <param name="code">The raw code.</param>
            /// <param name="endPoint">The end point the failed call was given, if any.</param>
            /// <returns>The exception, not thrown.</returns>
            public static {{names.ExceptionName}} CreateException({{names.PlatformName}} platform, int code, {{EndPoint}}? endPoint = null) => CreateException(new {{names.NativeErrorName}}(platform, code), endPoint);
            """);
    }

    private static void EmitPlatformIds(SourceWriter writer, EmitSpec spec)
    {
        var platformType = spec.Names.PlatformName;
        var firstId = spec.Platforms[0].IdXml;
        writer.WriteLine($$"""
            /// <summary>The catalog id of <paramref name="platform"/>.</summary>
            /// <param name="platform">A platform.</param>
            /// <returns>The id, for example <c>{{firstId}}</c>.</returns>
            /// <exception cref="{{ArgumentOutOfRange}}"><paramref name="platform"/> is not a member of <see cref="{{platformType}}"/>.</exception>
            """);
        EmitPlatformIdSwitch(writer, spec, $"public static string GetPlatformId({platformType} platform) => platform switch", $"throw new {ArgumentOutOfRange}(nameof(platform), platform, null)");
        writer.WriteLine($$"""

            /// <summary>Finds the platform with catalog id <paramref name="id"/> (exact, case-sensitive).</summary>
            /// <param name="id">A catalog platform id, for example <c>{{firstId}}</c>.</param>
            /// <param name="platform">The platform, or 0 when no platform has that id.</param>
            /// <returns><see langword="true"/> when a platform has that id.</returns>
            """);
        EmitTryLookup(writer, $"public static bool TryParsePlatform(string? id, out {platformType} platform)", "platform", "id", spec.Platforms, platform =>
            writer.WriteLine($"    {platform.IdLiteral} => {platformType}.{platform.Symbol},"));
    }

    private static void EmitInternalHelpers(SourceWriter writer, EmitSpec spec)
    {
        var names = spec.Names;
        EmitPlatformIdSwitch(writer, spec, $"internal static string DescribePlatform({names.PlatformName} platform) => platform switch", $"\"platform \" + ((int)platform).ToString({InvariantCulture})");
        writer.WriteLine($$"""

            [global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
            private static T ThrowNotAMember<T>({{names.ErrorName}} error) =>
                throw new {{ArgumentOutOfRange}}(nameof(error), error, null);

            """);
        if (spec.ExceptionBase.MapsSocketError)
        {
            writer.WriteLine($$"""
                internal static {{SocketError}} SocketErrorFor({{names.NativeErrorName}} nativeError) =>
                    nativeError.Error is { } error ? ToSocketError(error) : {{SocketError}}.SocketError;

                """);
        }

        writer.WriteLine($$"""
            internal static {{names.NativeErrorName}} RequireError({{names.NativeErrorName}} nativeError, {{names.ErrorName}} expected)
            {
                if (nativeError.Error != expected)
                {
                    throw new global::System.ArgumentException("The native error " + nativeError.ToString() + " is not " + GetName(expected) + ".", nameof(nativeError));
                }

                return nativeError;
            }

            internal static string FormatExceptionMessage({{names.NativeErrorName}} nativeError, {{EndPoint}}? endPoint)
            {
                var target = endPoint is null ? string.Empty : " for " + endPoint.ToString();
                return nativeError.Error is { } error
                    ? {{spec.FailedMessageLiteral}} + nativeError.ToString() + target + ": " + GetSummary(error)
                    : {{spec.FailedMessageLiteral}} + nativeError.ToString() + target + ".";
            }
            """);
    }

    /// <summary>
    /// A <c>Try</c> method whose body is one switch: each arm <paramref name="writeArm"/> writes maps
    /// <paramref name="subject"/> to the out value <paramref name="result"/>; anything else leaves it 0 and returns false.
    /// </summary>
    private static void EmitTryLookup<T>(SourceWriter writer, string signature, string result, string subject, EquatableArray<T> items, Action<T> writeArm)
        where T : IEquatable<T>
    {
        writer.OpenBlock(signature);
        writer.WriteLine($"{result} = {subject} switch");
        writer.WriteLine("{");
        foreach (var item in items)
        {
            writeArm(item);
        }

        EmitSwitchEnd(writer, "default");
        writer.WriteLine($"return {result} != default;");
        writer.CloseBlock();
    }

    /// <summary>A switch on the platform whose arms are <paramref name="call"/> of the platform's members (a call of one of its lookups).</summary>
    private static void EmitPlatformSwitch(SourceWriter writer, EmitSpec spec, string head, Func<PlatformMembers, string> call, string fallback)
    {
        writer.WriteLine(head);
        writer.WriteLine("{");
        foreach (var platform in spec.Platforms)
        {
            writer.WriteLine($"    {spec.Names.PlatformName}.{platform.Symbol} => {call(platform.Members)},");
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
            writer.WriteLine($"    {spec.Names.PlatformName}.{platform.Symbol} => {platform.IdLiteral},");
        }

        EmitSwitchEnd(writer, fallback);
    }

    /// <summary>
    /// A method from an error to a value: an array indexed by the error's value when the values are
    /// dense, a switch otherwise. With <paramref name="memberOnly"/>, a value that is not a member
    /// throws; otherwise it gives null.
    /// </summary>
    private static void EmitErrorKeyedLookup(SourceWriter writer, EmitSpec spec, string type, string method, string table, bool memberOnly, Func<int, string> value)
    {
        var layout = spec.ErrorTable;
        var signature = $"public static {type} {method}({spec.Names.ErrorName} error)";
        var miss = memberOnly ? $"ThrowNotAMember<{type}>(error)" : "null";
        if (!layout.IsArray)
        {
            writer.WriteLine(signature + " => error switch");
            writer.WriteLine("{");
            for (var index = 0; index < spec.Errors.Count; index++)
            {
                writer.WriteLine($"    {spec.Names.ErrorName}.{spec.Errors[index].Symbol} => {value(index)},");
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

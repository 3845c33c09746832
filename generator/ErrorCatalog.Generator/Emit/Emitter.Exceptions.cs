using ErrorCatalog.Generator.Spec;

namespace ErrorCatalog.Generator.Emit;

// The exception hierarchy: the catalog's base exception, one abstract nested type per group and
// one sealed nested type per entry.
internal static partial class Emitter
{
    private static void EmitExceptions(SourceWriter writer, EmitSpec spec)
    {
        var declared = spec.DeclaredNames.ExceptionName;
        var names = NamesInsideException(spec);
        var mapsSocketError = spec.ExceptionBase.MapsSocketError;
        writer.WriteLine($"/// <summary>A failed <c>{spec.FunctionXml}</c> call: the native error, the catalog's error for it, and the end point. Each catalog entry has a nested type derived from this one.</summary>");
        EmitExceptionRemarks(writer, spec, names);
        writer.WriteLine(GeneratedCodeAttribute);
        writer.OpenBlock($"public class {declared} : {spec.ExceptionBase.TypeName}");
        if (mapsSocketError)
        {
            // SocketException's constructors take no message, so the message is kept here.
            writer.WriteLine("private readonly string messageText;\n");
        }

        var message = $"message ?? {names.ErrorsName}.FormatExceptionMessage(nativeError, endPoint)";
        var baseArguments = spec.ExceptionBase.Kind switch
        {
            ExceptionBaseKind.Socket => $"(int){names.ErrorsName}.SocketErrorFor(nativeError)",
            ExceptionBaseKind.Win32 => "nativeError.Code, " + message,
            _ => message,
        };
        writer.WriteLine($$"""
            /// <summary>Creates the exception for <paramref name="nativeError"/>, with a message built from the catalog.</summary>
            /// <param name="nativeError">The native error.</param>
            /// <param name="endPoint">The end point the failed call was given, if any.</param>
            public {{declared}}({{names.NativeErrorName}} nativeError, {{EndPoint}}? endPoint = null)
                : this(nativeError, endPoint, null)
            {
            }

            /// <summary>Creates the exception for <paramref name="nativeError"/>.</summary>
            /// <param name="nativeError">The native error.</param>
            /// <param name="endPoint">The end point the failed call was given, if any.</param>
            /// <param name="message">The message, or <see langword="null"/> for one built from the catalog.</param>
            public {{declared}}({{names.NativeErrorName}} nativeError, {{EndPoint}}? endPoint, string? message)
                : base({{baseArguments}})
            {
                NativeError = nativeError;
                EndPoint = endPoint;
            """);
        if (mapsSocketError)
        {
            writer.WriteLine($"    messageText = {message};");
        }

        writer.WriteLine($$"""
            }

            /// <summary>The raw code and platform, as reported.</summary>
            public {{names.NativeErrorName}} NativeError { get; }

            /// <summary>The catalog's error, or <see langword="null"/> when the catalog does not know the code.</summary>
            public {{names.ErrorName}}? Error => NativeError.Error;

            /// <summary>The platform whose numbering <see cref="Code"/> follows.</summary>
            public {{names.PlatformName}} Platform => NativeError.Platform;

            /// <summary>The raw code, exactly as reported{{(mapsSocketError ? " (see the remarks on <see cref=\"global::System.ComponentModel.Win32Exception.NativeErrorCode\"/>)" : string.Empty)}}.</summary>
            public int Code => NativeError.Code;

            /// <summary>The project's classification of the error, or <see langword="null"/> when the code is unknown.</summary>
            public {{names.ClassificationName}}? Classification => Error is { } error ? {{names.ErrorsName}}.GetClassification(error) : null;

            /// <summary>The end point the failed call was given, if known.</summary>
            public {{EndPoint}}? EndPoint { get; }
            """);
        if (mapsSocketError)
        {
            writer.WriteLine("\n/// <inheritdoc/>\npublic override string Message => messageText;");
        }

        foreach (var group in spec.Groups)
        {
            writer.WriteLine();
            EmitGroupException(writer, names, group);
        }

        foreach (var error in spec.Errors)
        {
            writer.WriteLine();
            EmitEntryException(writer, names, error);
        }

        writer.CloseBlock();
    }

    /// <summary>
    /// The catalog's types as the exception class and its nested types name them. A name written
    /// there is looked up in the base class's members before the namespace (C# standard §7.8,
    /// §12.8.4). The members of the framework bases the catalog can name are known
    /// (<see cref="GeneratedNames.OwnTypesNeedNamespace"/> accounts for them); a custom base is the
    /// user's class, with members the generator cannot see, so below it the names keep their
    /// <c>global::</c> namespace.
    /// </summary>
    private static TypeNames NamesInsideException(EmitSpec spec) =>
        spec.ExceptionBase.Kind == ExceptionBaseKind.Custom ? spec.Names.WithNamespace() : spec.Names;

    /// <summary>What the base type makes of the error, where that is not obvious.</summary>
    private static void EmitExceptionRemarks(SourceWriter writer, EmitSpec spec, TypeNames names)
    {
        switch (spec.ExceptionBase.Kind)
        {
            case ExceptionBaseKind.Socket:
                writer.WriteLine($$"""
                    /// <remarks>
                    /// <para><see cref="global::System.Net.Sockets.SocketException.SocketErrorCode"/> is the entry's .NET member (<see cref="{{names.ErrorsName}}.ToSocketError"/>), or <see cref="{{SocketError}}.SocketError"/> when there is none or the code is unknown.</para>
                    /// <para><see cref="global::System.ComponentModel.Win32Exception.NativeErrorCode"/> and <see cref="global::System.Net.Sockets.SocketException.ErrorCode"/> are set by the base class from that member, translated to the running operating system's numbering; they are not the raw code the platform reported. Read <see cref="Code"/> and <see cref="Platform"/> for that.</para>
                    /// </remarks>
                    """);
                break;
            case ExceptionBaseKind.Win32:
                writer.WriteLine("/// <remarks><see cref=\"global::System.ComponentModel.Win32Exception.NativeErrorCode\"/> is the raw code as reported, in the numbering of <see cref=\"Platform\"/>.</remarks>");
                break;
        }
    }

    private static void EmitGroupException(SourceWriter writer, TypeNames names, GroupSpec group) => writer.WriteLine($$"""
        /// <summary>{{group.SummarySentence}}</summary>
        public abstract class {{group.Symbol}} : {{names.ExceptionName}}
        {
            /// <summary>Creates the exception for <paramref name="nativeError"/>.</summary>
            /// <param name="nativeError">The native error.</param>
            /// <param name="endPoint">The end point the failed call was given, if any.</param>
            protected {{group.Symbol}}({{names.NativeErrorName}} nativeError, {{EndPoint}}? endPoint)
                : base(nativeError, endPoint)
            {
            }
        }
        """);

    private static void EmitEntryException(SourceWriter writer, TypeNames names, ErrorSpec error)
    {
        var parent = error.GroupSymbol is null ? names.ExceptionName : names.ExceptionName + "." + error.GroupSymbol;
        writer.WriteLine($$"""
            /// <summary><c>{{error.NameXml}}</c>: {{error.SummarySentence}}</summary>
            /// <remarks>What to do: {{error.ActionSentence}} See <see cref="{{names.ErrorName}}.{{error.Symbol}}"/> for the codes and sources.</remarks>
            public sealed class {{error.Symbol}} : {{parent}}
            {
                /// <summary>Creates the exception for a native error that the catalog maps to <see cref="{{names.ErrorName}}.{{error.Symbol}}"/>.</summary>
                /// <param name="nativeError">The native error.</param>
                /// <param name="endPoint">The end point the failed call was given, if any.</param>
                /// <exception cref="global::System.ArgumentException"><paramref name="nativeError"/> does not map to <see cref="{{names.ErrorName}}.{{error.Symbol}}"/>.</exception>
                public {{error.Symbol}}({{names.NativeErrorName}} nativeError, {{EndPoint}}? endPoint = null)
                    : base({{names.ErrorsName}}.RequireError(nativeError, {{names.ErrorName}}.{{error.Symbol}}), endPoint)
                {
                }
            }
            """);
    }
}

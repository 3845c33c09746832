using ErrorCatalog.Catalog.Model;
using ErrorCatalog.Generator.Spec;

namespace ErrorCatalog.Generator.Emit;

// The exception hierarchy: the catalog's base exception, one abstract nested type per group and
// one sealed nested type per entry.
internal static partial class Emitter
{
    private static void EmitExceptions(SourceWriter writer, EmitSpec spec)
    {
        var names = spec.Names;
        var exceptionBase = spec.ExceptionBase;
        writer.WriteLine($"/// <summary>A failed <c>{spec.FunctionXml}</c> call: the native error, the catalog's error for it, and the end point. Each catalog entry has a nested type derived from this one.</summary>");
        EmitExceptionRemarks(writer, spec);
        writer.WriteLine(GeneratedCodeAttribute);
        writer.OpenBlock($"public class {names.ExceptionName} : {exceptionBase.TypeName}");
        if (exceptionBase.MapsSocketError)
        {
            // SocketException's constructors take no message, so the message is kept here.
            writer.WriteLine("private readonly string messageText;");
            writer.WriteLine();
        }

        EmitExceptionConstructors(writer, spec);
        EmitExceptionProperties(writer, spec);
        foreach (var group in spec.Groups)
        {
            writer.WriteLine();
            EmitGroupException(writer, spec, group);
        }

        foreach (var error in spec.Errors)
        {
            writer.WriteLine();
            EmitEntryException(writer, spec, error);
        }

        writer.CloseBlock();
    }

    /// <summary>What the base type makes of the error, where that is not obvious.</summary>
    private static void EmitExceptionRemarks(SourceWriter writer, EmitSpec spec)
    {
        switch (spec.ExceptionBase.Kind)
        {
            case ExceptionBaseKind.Socket:
                writer.WriteLine("/// <remarks>");
                writer.WriteLine($"/// <para><see cref=\"global::System.Net.Sockets.SocketException.SocketErrorCode\"/> is the entry's .NET member (<see cref=\"{spec.Names.Errors}.ToSocketError\"/>), or <see cref=\"{SocketError}.SocketError\"/> when there is none or the code is unknown.</para>");
                writer.WriteLine("/// <para><see cref=\"global::System.ComponentModel.Win32Exception.NativeErrorCode\"/> and <see cref=\"global::System.Net.Sockets.SocketException.ErrorCode\"/> are set by the base class from that member, translated to the running operating system's numbering; they are not the raw code the platform reported. Read <see cref=\"Code\"/> and <see cref=\"Platform\"/> for that.</para>");
                writer.WriteLine("/// </remarks>");
                break;
            case ExceptionBaseKind.Win32:
                writer.WriteLine("/// <remarks><see cref=\"global::System.ComponentModel.Win32Exception.NativeErrorCode\"/> is the raw code as reported, in the numbering of <see cref=\"Platform\"/>.</remarks>");
                break;
        }
    }

    private static void EmitExceptionConstructors(SourceWriter writer, EmitSpec spec)
    {
        var names = spec.Names;
        writer.WriteLine("/// <summary>Creates the exception for <paramref name=\"nativeError\"/>, with a message built from the catalog.</summary>");
        EmitExceptionParameterDocs(writer);
        writer.WriteLine($"public {names.ExceptionName}({names.NativeError} nativeError, {EndPoint}? endPoint = null)");
        writer.WriteLine("    : this(nativeError, endPoint, null)");
        EmitEmptyBody(writer);
        writer.WriteLine();
        writer.WriteLine("/// <summary>Creates the exception for <paramref name=\"nativeError\"/>.</summary>");
        EmitExceptionParameterDocs(writer);
        writer.WriteLine("/// <param name=\"message\">The message, or <see langword=\"null\"/> for one built from the catalog.</param>");
        writer.WriteLine($"public {names.ExceptionName}({names.NativeError} nativeError, {EndPoint}? endPoint, string? message)");
        var message = $"message ?? {names.Errors}.FormatExceptionMessage(nativeError, endPoint)";
        writer.WriteLine(spec.ExceptionBase.Kind switch
        {
            ExceptionBaseKind.Socket => $"    : base((int){names.Errors}.SocketErrorFor(nativeError))",
            ExceptionBaseKind.Win32 => $"    : base(nativeError.Code, {message})",
            _ => $"    : base({message})",
        });
        writer.OpenBlock();
        writer.WriteLine("NativeError = nativeError;");
        writer.WriteLine("EndPoint = endPoint;");
        if (spec.ExceptionBase.MapsSocketError)
        {
            writer.WriteLine($"messageText = {message};");
        }

        writer.CloseBlock();
        writer.WriteLine();
    }

    private static void EmitExceptionProperties(SourceWriter writer, EmitSpec spec)
    {
        var names = spec.Names;
        writer.WriteLine("/// <summary>The raw code and platform, as reported.</summary>");
        writer.WriteLine($"public {names.NativeError} NativeError {{ get; }}");
        writer.WriteLine();
        writer.WriteLine("/// <summary>The catalog's error, or <see langword=\"null\"/> when the catalog does not know the code.</summary>");
        writer.WriteLine($"public {names.Error}? Error => NativeError.Error;");
        writer.WriteLine();
        writer.WriteLine("/// <summary>The platform whose numbering <see cref=\"Code\"/> follows.</summary>");
        writer.WriteLine($"public {names.Platform} Platform => NativeError.Platform;");
        writer.WriteLine();
        writer.WriteLine(spec.ExceptionBase.MapsSocketError
            ? "/// <summary>The raw code, exactly as reported (see the remarks on <see cref=\"global::System.ComponentModel.Win32Exception.NativeErrorCode\"/>).</summary>"
            : "/// <summary>The raw code, exactly as reported.</summary>");
        writer.WriteLine("public int Code => NativeError.Code;");
        writer.WriteLine();
        writer.WriteLine("/// <summary>The project's classification of the error, or <see langword=\"null\"/> when the code is unknown.</summary>");
        writer.WriteLine($"public {names.Classification}? Classification => Error is {{ }} error ? {names.Errors}.GetClassification(error) : null;");
        writer.WriteLine();
        writer.WriteLine("/// <summary>The end point the failed call was given, if known.</summary>");
        writer.WriteLine($"public {EndPoint}? EndPoint {{ get; }}");
        if (spec.ExceptionBase.MapsSocketError)
        {
            writer.WriteLine();
            writer.WriteLine("/// <inheritdoc/>");
            writer.WriteLine("public override string Message => messageText;");
        }
    }

    private static void EmitGroupException(SourceWriter writer, EmitSpec spec, GroupSpec group)
    {
        var names = spec.Names;
        writer.WriteLine($"/// <summary>{group.SummarySentence}</summary>");
        writer.OpenBlock($"public abstract class {group.Symbol} : {names.Exception}");
        writer.WriteLine("/// <summary>Creates the exception for <paramref name=\"nativeError\"/>.</summary>");
        EmitExceptionParameterDocs(writer);
        writer.WriteLine($"protected {group.Symbol}({names.NativeError} nativeError, {EndPoint}? endPoint)");
        writer.WriteLine("    : base(nativeError, endPoint)");
        EmitEmptyBody(writer);
        writer.CloseBlock();
    }

    private static void EmitEntryException(SourceWriter writer, EmitSpec spec, ErrorSpec error)
    {
        var names = spec.Names;
        writer.WriteLine($"/// <summary><c>{error.NameXml}</c>: {error.SummarySentence}</summary>");
        writer.WriteLine($"/// <remarks>What to do: {error.ActionSentence} See <see cref=\"{names.Error}.{error.Symbol}\"/> for the codes and sources.</remarks>");
        writer.Write($"public sealed class {error.Symbol} : {names.Exception}");
        if (error.GroupSymbol is not null)
        {
            writer.Write($".{error.GroupSymbol}");
        }

        writer.WriteLine();
        writer.OpenBlock();
        writer.WriteLine($"/// <summary>Creates the exception for a native error that the catalog maps to <see cref=\"{names.Error}.{error.Symbol}\"/>.</summary>");
        EmitExceptionParameterDocs(writer);
        writer.WriteLine($"/// <exception cref=\"global::System.ArgumentException\"><paramref name=\"nativeError\"/> does not map to <see cref=\"{names.Error}.{error.Symbol}\"/>.</exception>");
        writer.WriteLine($"public {error.Symbol}({names.NativeError} nativeError, {EndPoint}? endPoint = null)");
        writer.WriteLine($"    : base({names.Errors}.RequireError(nativeError, {names.Error}.{error.Symbol}), endPoint)");
        EmitEmptyBody(writer);
        writer.CloseBlock();
    }

    private static void EmitExceptionParameterDocs(SourceWriter writer)
    {
        writer.WriteLine("/// <param name=\"nativeError\">The native error.</param>");
        writer.WriteLine("/// <param name=\"endPoint\">The end point the failed call was given, if any.</param>");
    }

    private static void EmitEmptyBody(SourceWriter writer)
    {
        writer.WriteLine("{");
        writer.WriteLine("}");
    }
}

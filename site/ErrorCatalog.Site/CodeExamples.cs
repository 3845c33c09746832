namespace ErrorCatalog.Site;

/// <summary>
/// The short C# program an error page shows: the error looked up from the number a platform
/// reports and matched by its generated enum member, then caught by its generated exception type.
/// The text is complete (usings, top-level statements) so that a test compiles every example
/// against the generator's output, and a renamed generated type breaks that test.
/// </summary>
internal static class CodeExamples
{
    public static string For(CatalogModel catalog, ErrorEntry error)
    {
        var prefix = catalog.Info.Prefix;
        var mappings = GeneratedNames.Mappings(prefix);
        var member = GeneratedNames.ErrorMember(catalog, error);
        var exception = GeneratedNames.ExceptionType(catalog, error);
        var example = new PageBuilder()
            .Line("using System;")
            .Line($"using {catalog.Info.Namespace};")
            .Line(string.Empty);

        var reported = catalog.Platforms.Select(p => (Platform: p, Code: error.CodeOn(p.Id))).FirstOrDefault(c => c.Code is not null);
        if (reported.Code is not int code)
        {
            // No platform defines the name, so nothing reports it; the generated names exist all the same.
            return example
                .Line($"// No platform defines {error.Name}; the generated names exist all the same.")
                .Line($"Console.WriteLine({mappings}.{GetAction}({member}));")
                .Line($"Console.WriteLine(typeof({exception}).Name);")
                .ToString();
        }

        var platform = GeneratedNames.PlatformEnum(prefix) + "." + reported.Platform.Symbol;
        var number = Html.Number(code);
        return example
            .Line($"// {catalog.Info.Function} failed on {reported.Platform.Id} with {number}: look the number up in the catalog.")
            .Line($"var failure = {mappings}.{FromNative}({platform}, {number});")
            .Line("switch (failure.Error)")
            .Line("{")
            .Line($"    case {member}:")
            .Line($"        Console.WriteLine({mappings}.{GetAction}({member}));")
            .Line("        break;")
            .Line("}")
            .Line(string.Empty)
            .Line("// Where the failure is thrown as the generated exception, catch this error by its own type.")
            .Line("try")
            .Line("{")
            .Line($"    throw {mappings}.{CreateException}(failure);")
            .Line("}")
            .Line($"catch ({exception} caught)")
            .Line("{")
            .Line("    Console.WriteLine($\"{caught.Code} on {caught.Platform}: {caught.Message}\");")
            .Line("}")
            .ToString();
    }

    // Members of the generated mapping class (the generator's fixed API, not names derived from the catalog).
    private const string FromNative = "FromNative";
    private const string GetAction = "GetAction";
    private const string CreateException = "CreateException";
}

using ErrorCatalog.Catalog.Model;
using CatalogModel = ErrorCatalog.Catalog.Model.Catalog;

namespace ErrorCatalog.Site;

// Interim copy of the signatures ErrorCatalog.Catalog.Model.GeneratedNames will offer; deleted when that class lands.
internal static class GeneratedNames
{
    public static string ErrorMember(CatalogModel catalog, ErrorEntry error) => catalog.Info.Prefix + "Error." + error.Symbol;

    public static string ExceptionType(CatalogModel catalog, ErrorEntry error) => catalog.Info.Prefix + "Exception." + error.Symbol;

    public static string ExceptionClass(CatalogModel catalog) => catalog.Info.Prefix + "Exception";

    public static string PlatformEnum(string prefix) => prefix + "Platform";

    public static string Mappings(string prefix) => prefix + "Errors";
}

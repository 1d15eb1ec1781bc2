using Microsoft.Extensions.DependencyInjection;
using NexGen.Core.Ingestion;
using NexGen.Tests.Ingestion;

namespace NexGen.Tests.Web;

/// <summary>The web app binds <c>NexGen:Sources</c> and <c>ConnectionStrings</c> and hands a job a working <see cref="SqlSourceLoader"/>.</summary>
[Collection(WebCollection.Name)]
public sealed class SqlSourceRegistrationTests
{
    [Fact]
    public async Task TheAppsLoaderReadsASourceWhoseConnectionStringIsInTheSettings()
    {
        await using var postgres = await TestPostgres.CreateAsync();
        await postgres.ExecuteAsync("CREATE TABLE items (sku text, name text); INSERT INTO items VALUES ('ZZ1', 'Zest'), ('ZZ2', 'Zing');");
        await using var app = NexGenWebApp.Start(new Dictionary<string, string?>
        {
            ["NexGen:Sources:0:Name"] = "catalog",
            ["NexGen:Sources:0:Provider"] = "postgresql",
            ["NexGen:Sources:0:ConnectionStringName"] = "Catalog",
            ["NexGen:Sources:0:Kind"] = "Products",
            ["NexGen:Sources:0:Query"] = "SELECT sku, name FROM items",
            ["ConnectionStrings:Catalog"] = postgres.ConnectionString,
        });

        var report = await app.Services.GetRequiredService<SqlSourceLoader>().LoadAsync("catalog");

        Assert.Equal((ImportStatus.Succeeded, 2L), (report.Status, report.RowsImported));
        Assert.Equal("Imported 2 products rows from source catalog.", report.Message);
    }
}

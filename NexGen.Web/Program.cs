using NexGen.Web.Api;
using NexGen.Web.Components;
using NexGen.Web.Extensions;
using NexGen.Web.Security;

var builder = WebApplication.CreateBuilder(args);

builder.AddNexGen();
builder.AddNexGenSecurity();
builder.AddNexGenUi();
builder.AddNexGenScheduling();

var app = builder.Build();

app.UseNexGenSecurity();

app.UseScriptCompileHints();
app.MapStaticAssets();
app.MapOpenApi().AllowAnonymous();
app.MapGet("/api-docs", () => TypedResults.LocalRedirect("/api-docs/index.html")).ExcludeFromDescription();
app.MapNexGenApi();
app.MapAccountEndpoints();
app.MapNexGenDownloads();
app.MapRazorComponents<App>()
    .AddInteractiveServerRenderMode()
    .RequireAuthorization(Policies.Viewer);

app.Run();

/// <summary>The entry point, public so that tests can start the whole app with <c>WebApplicationFactory&lt;Program&gt;</c>.</summary>
public partial class Program;

using NexGen.Web.Components;
using NexGen.Web.Extensions;

var builder = WebApplication.CreateBuilder(args);

builder.AddNexGen();
builder.AddNexGenUi();
builder.AddNexGenScheduling();

var app = builder.Build();

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/Error", createScopeForErrors: true);
    app.UseHsts();
}
app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
app.UseAntiforgery();

app.MapStaticAssets();
app.MapNexGenDownloads();
app.MapRazorComponents<App>()
    .AddInteractiveServerRenderMode();

app.Run();

/// <summary>The entry point, public so that tests can start the whole app with <c>WebApplicationFactory&lt;Program&gt;</c>.</summary>
public partial class Program;

using System.Globalization;
using System.Net;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using NexGen.Core.Security;
using NexGen.Web.Api;
using NexGen.Web.Security;
using NexGen.Web.Services;

namespace NexGen.Web.Extensions;

/// <summary>Authentication, roles, rate limits, problem details and the OpenAPI document.</summary>
public static class SecurityServiceExtensions
{
    /// <summary>
    /// API keys and cookies when <c>Security:Enabled</c>, the loopback-only "local" admin otherwise; one policy per
    /// role; a fixed-window rate limit per API key (or IP address); problem details for every API error; OpenAPI.
    /// </summary>
    public static WebApplicationBuilder AddNexGenSecurity(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<SecurityOptions>()
            .BindConfiguration(SecurityOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<ApiKeyStore>();
        services.AddSingleton<UserStore>();
        services.AddSingleton<AuditLog>();
        services.AddSingleton<SignInThrottle>();
        services.AddSingleton<SessionValidator>();
        services.AddScoped<SessionValidator.CookieEvents>();
        services.AddScoped<AuthenticationStateProvider, SessionRevalidator>();
        services.AddSingleton<AuditQueue>();
        services.AddHostedService(provider => provider.GetRequiredService<AuditQueue>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddHostedService<ExposureGuard>();

        // Every scheme is registered; the selector picks one per request from the settings as they are at run time.
        services.AddAuthentication(AuthSchemes.Selector)
            .AddPolicyScheme(AuthSchemes.Selector, "Local when off; API key for /api, cookie for pages when on", options =>
                options.ForwardDefaultSelector = context =>
                    !context.RequestServices.GetRequiredService<IOptions<SecurityOptions>>().Value.Enabled ? AuthSchemes.Local
                    : context.Request.Path.StartsWithSegments("/api") ? AuthSchemes.ApiKey
                    : CookieAuthenticationDefaults.AuthenticationScheme)
            .AddScheme<AuthenticationSchemeOptions, LocalAuthenticationHandler>(AuthSchemes.Local, null)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(AuthSchemes.ApiKey, null)
            .AddCookie(options =>
            {
                options.LoginPath = "/login";
                options.AccessDeniedPath = "/login";
                options.Cookie.Name = "nexgen.auth";
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Strict;
                options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                options.ExpireTimeSpan = TimeSpan.FromHours(12);
                options.SlidingExpiration = true;
                options.EventsType = typeof(SessionValidator.CookieEvents);
            });
        // Behind a TLS-terminating proxy the sign-in cookie must not travel over plain HTTP.
        services.AddOptions<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme)
            .Configure<IOptions<SecurityOptions>>((cookie, security) =>
            {
                if (security.Value.KnownProxies.Length > 0)
                    cookie.Cookie.SecurePolicy = CookieSecurePolicy.Always;
            });
        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Viewer, p => p.RequireRole(Policies.RolesOf[Policies.Viewer]))
            .AddPolicy(Policies.Planner, p => p.RequireRole(Policies.RolesOf[Policies.Planner]))
            .AddPolicy(Policies.Admin, p => p.RequireRole(Policies.RolesOf[Policies.Admin]));
        services.AddCascadingAuthenticationState();

        services.AddRateLimiter(options =>
        {
            options.AddPolicy(NexGenApi.RateLimitPolicy, context =>
            {
                var settings = context.RequestServices.GetRequiredService<IOptions<SecurityOptions>>().Value;
                var partition = context.User.Identity?.IsAuthenticated == true && context.User.Identity.Name != Actors.Local
                    ? context.User.Identity.Name!
                    : "ip:" + (context.Connection.RemoteIpAddress ?? IPAddress.None);
                return RateLimitPartition.GetFixedWindowLimiter(partition, _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = settings.RateLimitPermits,
                    Window = TimeSpan.FromSeconds(settings.RateLimitWindowSeconds),
                    QueueLimit = 0,
                });
            });
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = async (context, cancellationToken) =>
            {
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                    context.HttpContext.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                await context.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = context.HttpContext,
                    ProblemDetails = { Status = StatusCodes.Status429TooManyRequests, Title = "Too many requests", Detail = "The rate limit is reached; retry after the number of seconds in Retry-After." },
                });
            };
        });

        services.AddProblemDetails();
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = false);
        services.Configure<JsonOptions>(options =>
            options.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter(System.Text.Json.JsonNamingPolicy.CamelCase)));
        services.AddOpenApi();
        return builder;
    }

    /// <summary>
    /// The request pipeline's security: problem details (never a stack trace) for errors under <c>/api</c>, the error
    /// pages elsewhere, security headers, the refusal of cross-site and foreign-host requests
    /// (<see cref="RequestOriginGuard"/>), the known proxies' forwarded headers, authentication, authorization, rate
    /// limiting and antiforgery.
    /// </summary>
    public static WebApplication UseNexGenSecurity(this WebApplication app)
    {
        app.UseWhen(IsApi, api =>
        {
            api.UseExceptionHandler(new ExceptionHandlerOptions
            {
                StatusCodeSelector = e => e is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError,
            });
            api.UseStatusCodePages();
        });
        app.UseWhen(context => !IsApi(context), pages =>
        {
            if (!app.Environment.IsDevelopment())
                pages.UseExceptionHandler("/Error", createScopeForErrors: true);
            pages.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        });
        if (!app.Environment.IsDevelopment())
            app.UseHsts();
        app.UseSecurityHeaders();
        app.UseMiddleware<RequestOriginGuard>();
        var proxies = app.Services.GetRequiredService<IOptions<SecurityOptions>>().Value.KnownProxies;
        if (proxies.Length > 0)
        {
            var forwarded = new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto };
            foreach (var proxy in proxies)
                forwarded.KnownProxies.Add(IPAddress.Parse(proxy));
            app.UseForwardedHeaders(forwarded);
        }
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.UseAntiforgery();
        return app;
    }

    // The sign-in endpoints answer a rejected form (a missing antiforgery token) with problem details too, not a page.
    static bool IsApi(HttpContext context) =>
        context.Request.Path.StartsWithSegments("/api") || context.Request.Path.StartsWithSegments("/account");
}

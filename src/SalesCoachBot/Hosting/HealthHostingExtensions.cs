using System.Text.Json;
using Hangfire;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using SalesCoachBot.Data;
using SalesCoachBot.Teams.Authentication;

namespace SalesCoachBot.Hosting;

/// <summary>
/// /healthz/live answers while the process does (no checks: a liveness probe must not restart the bot because the
/// database is down). /healthz/ready runs the checks tagged "ready": the store, the job storage and the signing keys.
/// /healthz stays an alias of live for callers that used it before the split.
/// </summary>
internal static class HealthHostingExtensions
{
    public const string LivePath = "/healthz/live";
    public const string ReadyPath = "/healthz/ready";
    public const string LegacyPath = "/healthz";
    private const string ReadyTag = "ready";

    public static WebApplicationBuilder AddHealth(this WebApplicationBuilder builder)
    {
        builder.Services.AddHealthChecks()
            .AddCheck<StoreHealthCheck>("store", tags: [ReadyTag])
            .AddCheck<JobStorageHealthCheck>("jobs", tags: [ReadyTag])
            .AddCheck<SigningKeysHealthCheck>("signing-keys", tags: [ReadyTag]);
        return builder;
    }

    public static WebApplication MapHealth(this WebApplication app)
    {
        var live = new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteAsync };
        app.MapHealthChecks(LivePath, live);
        app.MapHealthChecks(LegacyPath, live);
        app.MapHealthChecks(ReadyPath, new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(ReadyTag),
            ResponseWriter = WriteAsync,
        });
        return app;
    }

    /// <summary>Each check's status and our own short description; never exception text, which may carry a connection string.</summary>
    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(
                entry => entry.Key,
                entry => new
                {
                    status = entry.Value.Status.ToString(),
                    description = entry.Value.Exception is null ? entry.Value.Description : "The check failed.",
                }),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body), context.RequestAborted);
    }
}

/// <summary>The store answers and has every migration applied (an instance on an older schema would fail at its first query).</summary>
internal sealed class StoreHealthCheck(IServiceScopeFactory scopes) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var scope = scopes.CreateAsyncScope();
        await using var scopeLifetime = scope.ConfigureAwait(false);
        var db = scope.ServiceProvider.GetRequiredService<SalesCoachDbContext>();
        try
        {
            if (!await db.Database.CanConnectAsync(cancellationToken).ConfigureAwait(false))
            {
                return HealthCheckResult.Unhealthy("The database cannot be reached.");
            }

            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken).ConfigureAwait(false)).Count();
            return pending == 0
                ? HealthCheckResult.Healthy("The database is reachable and migrated.")
                : HealthCheckResult.Unhealthy($"The database has {pending} pending migration(s).");
        }
#pragma warning disable CA1031 // Any failure means not ready; the message may name the server, so it is not passed on.
        catch (Exception)
#pragma warning restore CA1031
        {
            return HealthCheckResult.Unhealthy("The database cannot be reached.");
        }
    }
}

/// <summary>Hangfire's storage answers (a connection is opened and closed).</summary>
internal sealed class JobStorageHealthCheck(JobStorage storage) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            using var connection = storage.GetConnection();
            _ = connection.GetAllItemsFromSet("recurring-jobs");
            return Task.FromResult(HealthCheckResult.Healthy("The job storage is reachable."));
        }
#pragma warning disable CA1031 // As above: not ready, without the storage's own message.
        catch (Exception)
#pragma warning restore CA1031
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("The job storage cannot be reached."));
        }
    }
}

/// <summary>With Bot:AppId set, the keys inbound tokens are verified with were loaded; without them every Teams message gets 401.</summary>
internal sealed class SigningKeysHealthCheck(IBotRequestAuthenticator authenticator) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await authenticator.HasSigningKeysAsync(cancellationToken).ConfigureAwait(false)
            ? HealthCheckResult.Healthy("Inbound token signing keys are loaded (or Bot:AppId is not set).")
            : HealthCheckResult.Unhealthy("Inbound token signing keys could not be loaded.");
}

using System.Text.Json;
using Microsoft.Extensions.Options;
using SalesCoachBot.Data;

namespace SalesCoachBot.Features.Crm;

/// <summary>
/// POST /api/crm/{source}/events. Order of checks: known source (else 404), body size (413), signature and timestamp
/// window (401), payload (400), then each event is recorded. Bad input never reaches the store.
/// </summary>
internal static partial class CrmWebhook
{
    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 32 };

    public static async Task<IResult> ReceiveAsync(
        string source,
        HttpRequest request,
        IOptionsMonitor<CrmOptions> options,
        TimeProvider time,
        SalesCoachDbContext store,
        CrmEventRecorder recorder,
        ILogger<CrmEventRecorder> logger,
        CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue;
        if (!settings.TryFindSource(source, out var sourceName, out var sourceOptions))
        {
            return Results.NotFound();
        }

        // From here on only the configured spelling: it is what the store and the logs keep.
        source = sourceName;

        var body = await ReadBodyAsync(request, settings.MaxBodyBytes, cancellationToken).ConfigureAwait(false);
        if (body is null)
        {
            return Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: $"The body is larger than {settings.MaxBodyBytes} bytes; nothing was recorded.");
        }

        var failure = CrmSignature.Verify(
            sourceOptions.Secret,
            Single(request, CrmSignature.TimestampHeader),
            Single(request, CrmSignature.SignatureHeader),
            body,
            time.GetUtcNow(),
            settings.TimestampTolerance);
        if (failure != SignatureFailure.None)
        {
            LogRefused(logger, source, failure);
            return Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "The request is not signed correctly; nothing was recorded.", detail: Explain(failure, settings.TimestampTolerance));
        }

        IReadOnlyList<CrmDeal> deals;
        bool isList;
        try
        {
            using var document = JsonDocument.Parse(body, DocumentOptions);
            deals = CrmPayloads.Parse(document.RootElement, sourceOptions.Format, sourceOptions.WonStages, settings.MaxEventsPerRequest, sourceOptions.PaymentStages);

            // After Parse, which has refused property names that are not valid text.
            isList = document.RootElement.ValueKind == JsonValueKind.Array
                || (document.RootElement.ValueKind == JsonValueKind.Object
                    && document.RootElement.EnumerateObject().Any(p => p.Name.Equals(sourceOptions.Format == CrmFormat.Generic ? "events" : "data", StringComparison.OrdinalIgnoreCase)));
        }
        catch (JsonException error)
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The body is not valid JSON; nothing was recorded.", detail: error.Message);
        }
        catch (CrmPayloadException error)
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The body cannot be read as a deal event; nothing was recorded.", detail: error.Message);
        }

        store.ForTenant(sourceOptions.Tenant);
        var outcomes = new List<CrmOutcome>(deals.Count);
        foreach (var deal in deals)
        {
            var outcome = await recorder.RecordAsync(source, sourceOptions, deal, cancellationToken).ConfigureAwait(false);
            Log(logger, source, sourceOptions.Tenant, outcome);
            outcomes.Add(outcome);
        }

        if (isList)
        {
            return Results.Json(new { status = "processed", events = outcomes.Select(Describe) });
        }

        var single = outcomes[0];
        var code = single.Status switch
        {
            CrmOutcomeStatus.UnknownOwner => StatusCodes.Status202Accepted,
            CrmOutcomeStatus.Rejected => StatusCodes.Status422UnprocessableEntity,
            _ => StatusCodes.Status200OK,
        };
        return Results.Json(Describe(single), statusCode: code);
    }

    public static string StatusName(CrmOutcomeStatus status) => status switch
    {
        CrmOutcomeStatus.Accepted => "accepted",
        CrmOutcomeStatus.Ignored => "ignored",
        CrmOutcomeStatus.UnknownOwner => "unknown_owner",
        CrmOutcomeStatus.Rejected => "rejected",
        _ => "duplicate",
    };

    private static Dictionary<string, object?> Describe(CrmOutcome outcome)
    {
        var json = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["eventId"] = outcome.EventId,
            ["status"] = StatusName(outcome.Status),
            ["results"] = outcome.ResultIds,
        };
        if (outcome.OwnerEmail is not null)
        {
            json["owner"] = outcome.OwnerEmail;
        }

        if (outcome.Reason is not null)
        {
            json["reason"] = outcome.Reason;
        }

        return json;
    }

    private static string Explain(SignatureFailure failure, TimeSpan tolerance) => failure switch
    {
        SignatureFailure.MissingHeaders => $"Send {CrmSignature.TimestampHeader} and {CrmSignature.SignatureHeader}.",
        SignatureFailure.MalformedTimestamp => $"{CrmSignature.TimestampHeader} must be Unix time in seconds.",
        SignatureFailure.MalformedSignature => $"{CrmSignature.SignatureHeader} must be 'sha256=' and 64 hex digits.",
        SignatureFailure.OutsideWindow => $"The timestamp is more than {tolerance.TotalMinutes:0.#} minutes from the server's clock (a replay, or a wrong clock).",
        _ => "The signature does not match the body, the timestamp and this source's secret.",
    };

    private static string? Single(HttpRequest request, string header) =>
        request.Headers.TryGetValue(header, out var values) && values.Count == 1 ? values[0] : null;

    /// <summary>The raw body, or null when it is larger than <paramref name="limit"/> (read no further than that).</summary>
    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, int limit, CancellationToken cancellationToken)
    {
        if (request.ContentLength > limit)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static void Log(ILogger logger, string source, string tenantId, CrmOutcome outcome)
    {
        if (outcome.Status == CrmOutcomeStatus.UnknownOwner)
        {
            // The e-mail stays out of logs; admins see it through the unmatched list.
            LogUnknownOwner(logger, source, tenantId, outcome.EventId);
        }
        else
        {
            LogProcessed(logger, source, tenantId, outcome.EventId, outcome.Status, outcome.ResultIds.Count);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "CRM source {Source} request refused: {Failure}")]
    private static partial void LogRefused(ILogger logger, string source, SignatureFailure failure);

    [LoggerMessage(Level = LogLevel.Warning, Message = "CRM source {Source} (tenant {TenantId}) event {EventId}: no member has the owner's e-mail")]
    private static partial void LogUnknownOwner(ILogger logger, string source, string tenantId, string eventId);

    [LoggerMessage(Level = LogLevel.Information, Message = "CRM source {Source} (tenant {TenantId}) event {EventId}: {Status}, {Results} results")]
    private static partial void LogProcessed(ILogger logger, string source, string tenantId, string eventId, CrmOutcomeStatus status, int results);
}

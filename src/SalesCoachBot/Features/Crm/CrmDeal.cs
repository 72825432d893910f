
namespace SalesCoachBot.Features.Crm;

/// <summary>
/// One deal event as every format maps it: the event id that de-duplicates it, the CRM's deal id that makes its results
/// idempotent, and what a won deal records. <see cref="IsWon"/> comes from the source's won stages.
/// </summary>
internal sealed record CrmDeal(
    string EventId,
    string DealId,
    string Stage,
    bool IsWon,
    string? OwnerEmail,
    decimal? Amount,
    string? Currency,
    DateOnly? ClosedOn,
    DateTimeOffset? ClosedAt,
    DateTimeOffset? OccurredAt,
    string? Name,
    string? Customer)
{
    /// <summary>The stage is one of the source's payment stages: the amount counts as collected (回款), not as a won deal.</summary>
    public bool IsPayment { get; init; }
}

/// <summary>A body that cannot be read as the source's format; the message says which field and why (for a 400).</summary>
internal sealed class CrmPayloadException(string message) : Exception(message)
{
    public CrmPayloadException()
        : this("The payload cannot be read.")
    {
    }

    public CrmPayloadException(string message, Exception innerException)
        : this(message + " " + innerException?.Message)
    {
    }
}

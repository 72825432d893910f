
namespace SalesCoachBot.Features.Crm;

/// <summary>GET /api/admin/tenants/{tenantId}/crm/unmatched: recent events that recorded nothing because of their owner or data.</summary>
internal static class CrmAdminEndpoints
{
    public const int MaxListed = 200;

    public static async Task<IResult> UnmatchedAsync(string tenantId, Data.SalesCoachDbContext store, CrmEventRecorder recorder, CancellationToken cancellationToken)
    {
        store.ForTenant(tenantId);
        var events = await recorder.UnmatchedAsync(MaxListed, cancellationToken).ConfigureAwait(false);
        return Results.Ok(events.Select(e => new
        {
            source = e.Source,
            eventId = e.EventId,
            dealId = e.DealId,
            status = e.Status == Data.CrmEventStatus.UnknownOwner ? "unknown_owner" : "rejected",
            owner = e.OwnerEmail,
            reason = e.Detail,
            receivedAt = e.ReceivedAt,
            lastTriedAt = e.UpdatedAt,
        }));
    }
}

using SalesCoachBot.Teams.Routing;

namespace SalesCoachBot.Contacts;

/// <summary>
/// Who a turn runs for, set once by <see cref="ContactRecorder"/> before any handler: the tenant (the activity's, or the
/// local-development one) and the member as recorded, or null when the sender is not a person the store keeps (a bot,
/// no sender, a bad id). The language is on <see cref="TurnContext.Locale"/>; roles are read from the store when a
/// guard needs them (<see cref="TeamAccess"/>), never from a cache, because a manager who lost a team must lose it now.
/// </summary>
internal sealed record TurnIdentity(string TenantId, KnownMember? Member);

/// <summary>Reads the turn's <see cref="TurnIdentity"/>.</summary>
internal static class TurnIdentityExtensions
{
    /// <summary>The identity <see cref="ContactRecorder"/> set, or null when the turn has no usable tenant.</summary>
    public static TurnIdentity? Identity(this TurnContext turn)
    {
        ArgumentNullException.ThrowIfNull(turn);
        return turn.Get<TurnIdentity>();
    }

    /// <summary>True, with the tenant and member, when the sender is a member the store knows.</summary>
    public static bool TryGetMember(this TurnContext turn, out string tenantId, out KnownMember member)
    {
        if (turn.Identity() is { Member: { } known } identity)
        {
            tenantId = identity.TenantId;
            member = known;
            return true;
        }

        tenantId = string.Empty;
        member = null!;
        return false;
    }
}

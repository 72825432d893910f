using SalesCoachBot.Teams.Routing;

namespace SalesCoachBot.Features.Onboarding;

/// <summary>What <see cref="ContactRecorder"/> leaves on the turn for the handlers after it.</summary>
public static class TurnContactExtensions
{
    /// <summary><see cref="TurnContext.Items"/> key of the <see cref="KnownMember"/>.</summary>
    public const string MemberKey = "SalesCoach.Member";

    /// <summary><see cref="TurnContext.Items"/> key of the tenant id the turn runs under (may be the local-development one).</summary>
    public const string TenantKey = "SalesCoach.Tenant";

    /// <summary>The member who sent the activity, or null (no tenant, no sender, or the recorder did not run).</summary>
    public static KnownMember? GetMember(this TurnContext turn)
    {
        ArgumentNullException.ThrowIfNull(turn);
        return turn.Items.TryGetValue(MemberKey, out var value) ? value as KnownMember : null;
    }

    /// <summary>The tenant the turn runs under, or null when it has none.</summary>
    public static string? GetTenantId(this TurnContext turn)
    {
        ArgumentNullException.ThrowIfNull(turn);
        return turn.Items.TryGetValue(TenantKey, out var value) ? value as string : null;
    }
}

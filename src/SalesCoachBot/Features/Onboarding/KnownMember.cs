namespace SalesCoachBot.Features.Onboarding;

/// <summary>
/// The member behind the current turn, as recorded: an immutable snapshot (not a tracked entity), so it can be
/// remembered across turns. To change the member, load it by <see cref="Id"/>.
/// </summary>
public sealed record KnownMember(long Id, string TenantId, string TeamsUserId, string? AadObjectId, string? Name, string? Locale);

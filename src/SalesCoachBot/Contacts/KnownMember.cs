
namespace SalesCoachBot.Contacts;

/// <summary>
/// The member behind the current turn, as recorded: an immutable snapshot (not a tracked entity), so it can be
/// remembered across turns. To change the member, load it by <see cref="Id"/>. <see cref="PreferredLocale"/> is the
/// language chosen in settings, which wins over the Teams client's <see cref="Locale"/>.
/// </summary>
internal sealed record KnownMember(long Id, string TenantId, string TeamsUserId, string? AadObjectId, string? Name, string? Locale, string? PreferredLocale = null);

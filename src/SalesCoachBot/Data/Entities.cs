namespace SalesCoachBot.Data;

/// <summary>A row that belongs to one Teams tenant. The context filters and guards every such row by tenant.</summary>
public interface ITenantOwned
{
    string TenantId { get; }
}

/// <summary>A Teams tenant (organisation) the bot has heard from.</summary>
public sealed class Tenant : ITenantOwned
{
    public required string TenantId { get; set; }

    public DateTimeOffset FirstSeenAt { get; set; }
}

/// <summary>A person who talked to the bot, keyed by the Teams user id (29:…), which is unique per bot and tenant.</summary>
public sealed class Member : ITenantOwned
{
    /// <summary>
    /// Prefix of the placeholder Teams id of a member created by an import before they used Teams; the contact recorder
    /// and roster sync replace it with the real id. Nothing can be sent to such a member yet.
    /// </summary>
    public const string PendingTeamsUserIdPrefix = "pending:";

    public long Id { get; set; }

    public required string TenantId { get; set; }

    public required string TeamsUserId { get; set; }

    /// <summary>Entra object id: the key for Graph look-ups (calendar, org chart).</summary>
    public string? AadObjectId { get; set; }

    public string? Name { get; set; }

    /// <summary>Locale of the member's Teams client as last seen, e.g. zh-CN.</summary>
    public string? Locale { get; set; }

    /// <summary>Language chosen in settings (zh-CN or en-US); wins over <see cref="Locale"/> when set.</summary>
    public string? PreferredLocale { get; set; }

    /// <summary>IANA time zone (e.g. Asia/Shanghai) for schedules and quiet hours; null = the team's.</summary>
    public string? TimeZone { get; set; }

    /// <summary>Local start of quiet hours (no automatic messages); null = the product default.</summary>
    public TimeOnly? QuietHoursStart { get; set; }

    /// <summary>Local end of quiet hours; may be earlier than the start (quiet over midnight).</summary>
    public TimeOnly? QuietHoursEnd { get; set; }

    /// <summary>E-mail / UPN: how CRM events and CSV imports find the member.</summary>
    public string? Email { get; set; }

    public string? JobTitle { get; set; }

    /// <summary>The member's line manager (from Entra ID or an import), for role suggestions.</summary>
    public long? LineManagerId { get; set; }

    /// <summary>Tenant-wide administrator (setup, imports).</summary>
    public bool IsAdmin { get; set; }

    /// <summary>
    /// A Teams guest (the roster's <c>userRole: guest</c>), as last seen by a roster sync or a member event: never
    /// shown other members' numbers (team card, leaderboard).
    /// </summary>
    public bool IsGuest { get; set; }

    /// <summary>Set when Teams answered 403/404 for this member's 1:1 chat: the dispatcher stops sending.</summary>
    public DateTimeOffset? UnreachableAt { get; set; }

    public string? UnreachableReason { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>Kinds of automatic message a member can opt out of (stored by name).</summary>
public static class AutomaticMessageKinds
{
    public const string Reminders = "reminders";
    public const string Agendas = "agendas";
    public const string WeekAhead = "week-ahead";
    public const string Nudges = "nudges";
    public const string Scorecards = "scorecards";
    public const string Recognition = "recognition";
    public const string Digests = "digests";

    /// <summary>
    /// Not a message of its own: a member who turns it off is not celebrated in the team channel, and gets the
    /// celebration in the 1:1 chat instead (as a <see cref="Recognition"/> message).
    /// </summary>
    public const string PublicRecognition = "public-recognition";

    public static IReadOnlyList<string> All { get; } = [Reminders, Agendas, WeekAhead, Nudges, Scorecards, Recognition, Digests, PublicRecognition];
}

/// <summary>One kind of automatic message a member does not want.</summary>
public sealed class MemberOptOut : ITenantOwned
{
    public long Id { get; set; }

    public required string TenantId { get; set; }

    public long MemberId { get; set; }

    /// <summary>One of <see cref="AutomaticMessageKinds"/>.</summary>
    public required string Kind { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>A sales team, usually bound to a Teams team and the channel where the bot posts.</summary>
public sealed class SalesTeam : ITenantOwned
{
    public long Id { get; set; }

    public required string TenantId { get; set; }

    public required string Name { get; set; }

    /// <summary>The Teams team id (19:…@thread…); null for a team created by import before the bot was added.</summary>
    public string? TeamsTeamId { get; set; }

    public string? AadGroupId { get; set; }

    /// <summary>The channel where the bot posts (the General channel unless changed).</summary>
    public string? ChannelId { get; set; }

    /// <summary>IANA time zone of the team's calendar and meetings.</summary>
    public required string TimeZone { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Set when the bot was removed from the team; the data stays for reports.</summary>
    public DateTimeOffset? ArchivedAt { get; set; }

    /// <summary>Who sees the team card and the leaderboard in the team's channel; a manager changes it.</summary>
    public ProgressVisibility ProgressVisibility { get; set; }

    /// <summary>The working calendar a tenant admin chose for the team; null = by the zone (China in a China zone).</summary>
    public WorkingCalendarKind? WorkingCalendar { get; set; }
}

/// <summary>Which days a sales team works, as chosen for it (see Sales/WorkingCalendars).</summary>
public enum WorkingCalendarKind
{
    /// <summary>China's public holidays and adjusted working days: the bundled years, with the tenant's own years replacing them.</summary>
    China = 1,

    /// <summary>Monday to Friday every week, no holidays.</summary>
    WeekendsOnly = 2,
}

/// <summary>Who sees a sales team's progress (team card, leaderboard) in its channel. Managers always do, in 1:1.</summary>
public enum ProgressVisibility
{
    /// <summary>Everyone in the team's channel (the default): it is the team's own room.</summary>
    Channel = 0,

    /// <summary>Managers only: in the channel the bot shows it to nobody and points managers to the 1:1 chat.</summary>
    ManagersOnly = 1,
}

public enum TeamRole
{
    Rep = 0,
    Manager = 1,
}

/// <summary>A member's place in a sales team.</summary>
public sealed class TeamMembership : ITenantOwned
{
    public long Id { get; set; }

    public required string TenantId { get; set; }

    public long SalesTeamId { get; set; }

    public SalesTeam? SalesTeam { get; set; }

    public long MemberId { get; set; }

    public Member? Member { get; set; }

    public TeamRole Role { get; set; }

    public DateTimeOffset JoinedAt { get; set; }

    /// <summary>Set when the member left the Teams team; kept so past results still have their team.</summary>
    public DateTimeOffset? LeftAt { get; set; }
}

public enum KpiUnit
{
    Currency = 0,
    Count = 1,
    /// <summary>A rate written as a number of percent (35 = 35 %), two decimals at most.</summary>
    Percent = 2,
}

/// <summary>How a period's results add up to the KPI's actual.</summary>
public enum KpiAggregation
{
    /// <summary>Sum of the results' amounts (revenue, contracts, visits).</summary>
    Sum = 0,
    /// <summary>Number of results, whatever their amounts (e.g. calls logged).</summary>
    Count = 1,
    /// <summary>Average of the results' amounts (a rate logged several times in a period).</summary>
    Average = 2,
    /// <summary>
    /// The latest result's amount (a reading, e.g. the pipeline or a rate as it stands): the result of the latest day in
    /// the period, of the same day the one recorded last.
    /// </summary>
    Last = 3,
}

/// <summary>A KPI the tenant tracks (revenue, contracts signed, …). The four defaults are created per tenant.</summary>
public sealed class KpiDefinition : ITenantOwned
{
    public long Id { get; set; }

    public required string TenantId { get; set; }

    /// <summary>Stable key used in commands and imports, e.g. revenue, contracts, new-customers, visits.</summary>
    public required string Key { get; set; }

    /// <summary>Display names; defaults have localized names in the texts and leave these null.</summary>
    public string? NameEn { get; set; }

    public string? NameZh { get; set; }

    public KpiUnit Unit { get; set; }

    public KpiAggregation Aggregation { get; set; }

    /// <summary>ISO 4217 code for currency KPIs, e.g. CNY.</summary>
    public string? Currency { get; set; }

    public int SortOrder { get; set; }

    public bool IsActive { get; set; } = true;
}

/// <summary>
/// A word a tenant added for one of its KPIs (<c>kpi alias collections 收款</c>), stored normalised (lower case,
/// full-width folded) and unique per tenant. The default KPIs' own words are a static table (KpiAliases), not rows.
/// </summary>
public sealed class KpiAliasWord : ITenantOwned
{
    public long Id { get; set; }

    public required string TenantId { get; set; }

    public long KpiId { get; set; }

    public KpiDefinition? Kpi { get; set; }

    public required string Word { get; set; }
}

public enum OutboxStatus
{
    Pending = 0,
    Sent = 1,
    /// <summary>Teams said 403/404: the recipient blocked or removed the bot. Not retried.</summary>
    Unreachable = 2,
    /// <summary>A permanent error or too many attempts. Not retried.</summary>
    Failed = 3,
}

/// <summary>
/// A proactive message decided but not yet delivered. Written in the same transaction as the data change that
/// caused it; the unique (tenant, idempotency key) makes a second decision a no-op, and the dispatcher delivers it.
/// </summary>
public sealed class OutboxMessage : ITenantOwned
{
    public long Id { get; set; }

    public required string TenantId { get; set; }

    /// <summary>e.g. agenda:{meetingId}:{occurrence} or nudge:{memberId}:{date}.</summary>
    public required string IdempotencyKey { get; set; }

    /// <summary>What kind of automatic message (for opt-outs and metrics), e.g. one of <see cref="AutomaticMessageKinds"/>.</summary>
    public required string Kind { get; set; }

    /// <summary>Recipient for a 1:1 message (the dispatcher creates the chat if needed)…</summary>
    public long? MemberId { get; set; }

    /// <summary>…or a stored conversation (a team channel).</summary>
    public long? ConversationId { get; set; }

    /// <summary>The activity to send, as wire JSON.</summary>
    public required string ActivityJson { get; set; }

    public OutboxStatus Status { get; set; }

    public int Attempts { get; set; }

    /// <summary>Not to be sent before this instant (quiet hours, schedules, retry backoff).</summary>
    public DateTimeOffset DueAt { get; set; }

    /// <summary>Lease of the dispatcher instance working on it; an expired lease may be claimed again.</summary>
    public string? ClaimedBy { get; set; }

    public DateTimeOffset? ClaimedUntil { get; set; }

    /// <summary>
    /// Set on an update: the idempotency key of the message whose sent activity this one replaces in place (PUT), once
    /// that one was sent. Null for an ordinary message.
    /// </summary>
    public string? UpdatesKey { get; set; }

    /// <summary>Id Teams gave the sent activity, so a card can be updated later.</summary>
    public string? SentActivityId { get; set; }

    public DateTimeOffset? SentAt { get; set; }

    /// <summary>A short reason (status code or failure kind), never exception text with user data.</summary>
    public string? LastError { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>
/// A stored conversation reference: what the bot needs to write into a conversation later (proactive messages).
/// Channel threads are folded into their channel: the id is stored without the ";messageid=…" suffix.
/// </summary>
public sealed class Conversation : ITenantOwned
{
    public long Id { get; set; }

    public required string TenantId { get; set; }

    public required string ConversationId { get; set; }

    /// <summary>Regional connector endpoint; Teams may move a tenant, so the latest one wins.</summary>
    public required string ServiceUrl { get; set; }

    /// <summary>personal, channel or groupChat.</summary>
    public required string ConversationType { get; set; }

    /// <summary>The member of a personal (1:1) conversation.</summary>
    public long? MemberId { get; set; }

    public Member? Member { get; set; }

    public string? TeamId { get; set; }

    public string? ChannelId { get; set; }

    /// <summary>The bot's own id in this conversation (28:…), the sender of proactive messages.</summary>
    public string? BotId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset LastSeenAt { get; set; }

    /// <summary>Set once, when the welcome was sent; null until then (see ContactDirectory.TryMarkWelcomedAsync).</summary>
    public DateTimeOffset? WelcomedAt { get; set; }
}

/// <summary>Column sizes shared by the configurations and the code that cuts input to fit.</summary>
public static class ColumnLengths
{
    public const int TenantId = 128;
    public const int ChannelAccountId = 256;
    public const int AadObjectId = 64;
    public const int Name = 256;
    public const int Locale = 35; // longest BCP 47 tag worth keeping
    public const int ConversationId = 512;
    public const int ServiceUrl = 512;
    public const int ConversationType = 16;
    public const int TimeZone = 64;
    public const int Email = 320;
    public const int Kind = 32;
    public const int KpiKey = 64;

    /// <summary>A word typed for a KPI (an alias or a name).</summary>
    public const int KpiWord = 64;
    public const int Currency = 3;
    public const int IdempotencyKey = 200;
    public const int ClaimedBy = 128;
    public const int ShortReason = 200;
    public const int Customer = 256;
    public const int Note = 1000;
    public const int ExternalId = 200;
    public const int Country = 8;
    public const int CalendarContent = 64 * 1024; // the canonical file: well under the accepted upload's 64 KB
}

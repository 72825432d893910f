using SalesCoachBot.Sales;

namespace SalesCoachBot.Messaging;

/// <summary>What the policy needs to know about the recipient of an automatic message.</summary>
internal sealed record RecipientSettings(
    string? MemberTimeZone,
    string? TeamTimeZone,
    TimeOnly? QuietHoursStart,
    TimeOnly? QuietHoursEnd,
    bool IsUnreachable,
    IReadOnlyCollection<string> OptedOutKinds,
    string? DefaultTimeZone = null);

internal enum DeliveryVerdict
{
    Deliver,
    OptedOut,
    Unreachable,
}

/// <summary>Deliver (at <see cref="DueAt"/>) or not, and why.</summary>
internal readonly record struct DeliveryDecision(DeliveryVerdict Verdict, DateTimeOffset DueAt);

/// <summary>
/// Notification manners for automatic messages (our notification manners): opt-outs and unreachable members get nothing,
/// and nothing arrives during the member's quiet hours, in the member's time zone (the sales kernel's zone rule,
/// <see cref="SalesClock.ResolveZone"/>). Pure: no store, no clock.
/// </summary>
internal static class DeliveryPolicy
{
    public static TimeOnly DefaultQuietHoursStart { get; } = new(21, 0);

    public static TimeOnly DefaultQuietHoursEnd { get; } = new(8, 0);

    public static DeliveryDecision Decide(RecipientSettings recipient, string kind, DateTimeOffset dueAt)
    {
        ArgumentNullException.ThrowIfNull(recipient);
        if (recipient.IsUnreachable)
        {
            return new DeliveryDecision(DeliveryVerdict.Unreachable, dueAt);
        }

        if (recipient.OptedOutKinds.Contains(kind, StringComparer.Ordinal))
        {
            return new DeliveryDecision(DeliveryVerdict.OptedOut, dueAt);
        }

        var zone = SalesClock.ResolveZone(recipient.MemberTimeZone, recipient.TeamTimeZone, recipient.DefaultTimeZone);
        var start = recipient.QuietHoursStart ?? DefaultQuietHoursStart;
        var end = recipient.QuietHoursEnd ?? DefaultQuietHoursEnd;
        return new DeliveryDecision(DeliveryVerdict.Deliver, AfterQuietHours(dueAt, zone, start, end));
    }

    /// <summary>
    /// <paramref name="at"/> itself when it is outside quiet hours [start, end) local time, else the instant quiet
    /// hours end. Start after end means quiet over midnight; start equal to end means no quiet hours.
    /// </summary>
    public static DateTimeOffset AfterQuietHours(DateTimeOffset at, TimeZoneInfo zone, TimeOnly start, TimeOnly end)
    {
        ArgumentNullException.ThrowIfNull(zone);
        if (start == end)
        {
            return at;
        }

        var local = TimeZoneInfo.ConvertTime(at, zone).DateTime;
        var time = TimeOnly.FromDateTime(local);
        var overMidnight = start > end;
        var quiet = overMidnight ? time >= start || time < end : time >= start && time < end;
        if (!quiet)
        {
            return at;
        }

        // Over midnight and already past the start: quiet hours end tomorrow.
        var endDate = DateOnly.FromDateTime(local);
        if (overMidnight && time >= start)
        {
            endDate = endDate.AddDays(1);
        }

        var result = ToInstant(endDate.ToDateTime(end), zone);
        return result > at ? result : at;
    }

    // Local wall time to an instant, for times a DST change skips (shifted forward by the gap) or repeats (the first).
    private static DateTimeOffset ToInstant(DateTime local, TimeZoneInfo zone)
    {
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(local))
        {
            // The offset before the gap reads the skipped wall time as the instant the gap's length later.
            var before = zone.GetUtcOffset(local.AddHours(-6));
            return new DateTimeOffset(local - before, TimeSpan.Zero);
        }

        if (zone.IsAmbiguousTime(local))
        {
            var offsets = zone.GetAmbiguousTimeOffsets(local);
            return new DateTimeOffset(local - offsets.Max(), TimeSpan.Zero);
        }

        return new DateTimeOffset(local - zone.GetUtcOffset(local), TimeSpan.Zero);
    }
}

using System.ComponentModel.DataAnnotations;

namespace SalesCoachBot.Features.WeekAhead;

/// <summary>"WeekAhead" section: when the week-ahead card and the pace nudge arrive, in each rep's own time zone.</summary>
internal sealed class WeekAheadOptions
{
    public const string SectionName = "WeekAhead";

    /// <summary>
    /// Local time of the week-ahead card on the first working day of the week (Monday, or the first working day after
    /// a holiday): 08:30, before the morning stand-up.
    /// </summary>
    public TimeOnly CardTime { get; set; } = new(8, 30);

    /// <summary>The day of the pace nudge: Wednesday, mid-week, with time left to catch up before the weekend.</summary>
    public DayOfWeek NudgeDay { get; set; } = DayOfWeek.Wednesday;

    /// <summary>Local time of the pace nudge: 10:00, after the morning's first calls.</summary>
    public TimeOnly NudgeTime { get; set; } = new(10, 0);

    /// <summary>
    /// How long after the send time a run still sends (the job runs every 15 minutes; a run that was late, or an
    /// instance that was down, catches up within this window, never later in the day).
    /// </summary>
    [Range(typeof(TimeSpan), "00:15:00", "06:00:00")]
    public TimeSpan SendWindow { get; set; } = TimeSpan.FromHours(2);

    /// <summary>Reps read and handled per batch, so a large team is never one long read.</summary>
    [Range(10, 5000)]
    public int BatchSize { get; set; } = 200;
}

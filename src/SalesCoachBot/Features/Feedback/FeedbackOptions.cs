using System.ComponentModel.DataAnnotations;

namespace SalesCoachBot.Features.Feedback;

/// <summary>"Feedback" section: the cadence nudge's defaults.</summary>
internal sealed class FeedbackOptions
{
    public const string SectionName = "Feedback";

    /// <summary>The fewest and most days a cadence may be, typed or configured.</summary>
    public const int MinCadenceDays = 7;

    public const int MaxCadenceDays = 90;

    /// <summary>
    /// Days without private feedback after which a rep is due, for teams whose managers have not set their own
    /// (<c>feedback cadence 21</c>). Two weeks: often enough that a rep hears from their manager between monthly reviews.
    /// </summary>
    [Range(MinCadenceDays, MaxCadenceDays)]
    public int CadenceDays { get; set; } = 14;

    /// <summary>
    /// The local hour (manager's zone) in which the nudge is sent, on the team's working days: 10 means 10:00–10:59,
    /// after the morning stand-up and before customer visits.
    /// </summary>
    [Range(0, 23)]
    public int NudgeHour { get; set; } = 10;
}

using System.Globalization;
using SalesCoachBot.Localization;
using SalesCoachBot.Sales;
using SalesCoachBot.Teams.Cards;

namespace SalesCoachBot.Features.TeamProgress;

/// <summary>
/// The <c>leaderboard</c> card: reps ranked by % of target of the primary KPI (medals for the top three, reps without
/// a target last), or by most improved; buttons switch period and view in place.
/// </summary>
internal static class LeaderboardCard
{
    /// <summary>Switches period or view; data carries <see cref="TeamIdKey"/>, <see cref="PeriodKey"/> and <see cref="ViewKey"/>.</summary>
    public const string ViewVerb = "leaderboard.view";

    public const string TeamIdKey = "teamId";

    public const string PeriodKey = "period";

    public const string ViewKey = "view";

    /// <param name="praise">True when the person who asked is a manager of the team: each rep gets a Praise button (<see cref="PraiseFormActions"/>).</param>
    public static AdaptiveCard Build(BotText text, string? locale, TeamProgressSnapshot snapshot, LeaderboardView view, bool praise = false)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(snapshot);
        var culture = CultureInfo.GetCultureInfo(BotText.Resolve(locale));
        var periodTitle = CardParts.PeriodTitle(text, locale, snapshot);
        List<CardElement> body =
        [
            new TextBlock(text.Get(locale, TeamProgressTextKeys.LeaderboardTitle, snapshot.TeamName)) { Size = TextSize.Large, Weight = TextWeight.Bolder, Wrap = true },
            new TextBlock(periodTitle) { IsSubtle = true, Wrap = true, Spacing = Spacing.None },
        ];

        if (snapshot.Primary is not { } primary)
        {
            body.Add(new TextBlock(text.Get(locale, TeamProgressTextKeys.TeamNoKpis)) { Wrap = true, Spacing = Spacing.Medium });
        }
        else
        {
            var subtitle = view == LeaderboardView.Improved
                ? text.Get(locale, TeamProgressTextKeys.LeaderboardByImprovement, primary.Name, text.Get(locale, PreviousKey(snapshot.Period.Kind)))
                : text.Get(locale, TeamProgressTextKeys.LeaderboardByPercent, primary.Name);
            body.Add(new TextBlock(subtitle) { Wrap = true, Spacing = Spacing.Small });
            var entries = Leaderboard.Rank(snapshot, view, locale);
            if (entries.Count == 0)
            {
                body.Add(new TextBlock(text.Get(locale, TeamProgressTextKeys.TeamNoReps)) { Wrap = true, IsSubtle = true });
            }
            else if (view == LeaderboardView.Improved && entries.All(e => e.Rank is null) && snapshot.Reps.All(r => r.PaceOf(primary.Id).WorkingDaysElapsed == 0))
            {
                body.Add(new TextBlock(text.Get(locale, TeamProgressTextKeys.LeaderboardTooEarly)) { Wrap = true, IsSubtle = true });
            }

            body.AddRange(entries.Select(e => Line(text, locale, culture, primary, e, view, snapshot.State,
                praise ? CardParts.PraiseButton(text, locale, snapshot.TeamId, e.Rep) : null)));
            if (snapshot.HasSummedTargets)
            {
                body.Add(CardParts.SummedNote(text, locale));
            }
        }

        body.Add(CardParts.AsOf(text, locale, snapshot));
        body.AddRange(SalesFormat.CalendarNotes(text, locale, snapshot.UncoveredYears));
        var other = view == LeaderboardView.Improved ? LeaderboardView.Ranking : LeaderboardView.Improved;
        List<CardButton> actions =
        [
            .. CardParts.PeriodKinds.Select(kind => CardParts.PeriodButton(text, locale, kind, snapshot, ViewVerb, Data(snapshot.TeamId, SalesPeriod.Word(kind), view))),
            // The other view of the same period, past periods included.
            new ExecuteAction(ViewVerb, text.Get(locale, other == LeaderboardView.Improved ? TeamProgressTextKeys.LeaderboardButtonImproved : TeamProgressTextKeys.LeaderboardButtonRanking),
                Data(snapshot.TeamId, PeriodWords.CardKey(snapshot.Period, snapshot.Today), other)),
        ];
        return new AdaptiveCard
        {
            MsTeams = TeamsCardProperties.FullWidth(),
            FallbackText = text.Get(locale, TeamProgressTextKeys.LeaderboardSummary, snapshot.TeamName, periodTitle),
            Body = body,
            Actions = actions,
        };
    }

    /// <param name="period">The period as card data carries it: a kind word (the current one) or a key such as 2026-10.</param>
    internal static Dictionary<string, object?> Data(long teamId, string period, LeaderboardView view) => new(StringComparer.Ordinal)
    {
        [TeamIdKey] = teamId.ToString(CultureInfo.InvariantCulture),
        [PeriodKey] = period,
        [ViewKey] = Leaderboard.WordOf(view),
    };

    private static string PreviousKey(SalesPeriodKind kind) => kind switch
    {
        SalesPeriodKind.Week => TeamProgressTextKeys.PreviousWeek,
        SalesPeriodKind.Month => TeamProgressTextKeys.PreviousMonth,
        SalesPeriodKind.Quarter => TeamProgressTextKeys.PreviousQuarter,
        SalesPeriodKind.HalfYear => TeamProgressTextKeys.PreviousHalf,
        _ => TeamProgressTextKeys.PreviousYear,
    };

    private static ColumnSet Line(
        BotText text, string? locale, CultureInfo culture, TeamKpi primary, LeaderboardEntry entry, LeaderboardView view, PeriodState state, ActionSet? praise)
    {
        var pace = entry.Pace;
        var place = Leaderboard.MedalOf(entry.Rank) ?? (entry.Rank is { } rank ? rank.ToString(culture) + "." : "·");
        string value;
        string? detail;
        TextColor color;
        if (view == LeaderboardView.Improved)
        {
            var improvement = entry.Rep.Improvement;
            value = improvement is null
                ? text.Get(locale, TeamProgressTextKeys.LeaderboardNoComparison)
                : text.Get(locale, TeamProgressTextKeys.LeaderboardGain, improvement.Gain.ToString("+0.#;-0.#;0", culture));
            detail = improvement is null
                ? null
                : text.Get(locale, TeamProgressTextKeys.LeaderboardPace, SalesFormat.Percent(improvement.CurrentIndex, culture), SalesFormat.Percent(improvement.PreviousIndex, culture));
            color = improvement is null ? TextColor.Default : improvement.Gain > 0 ? TextColor.Good : improvement.Gain < 0 ? TextColor.Attention : TextColor.Accent;
        }
        else
        {
            value = pace.PercentDone is { } percent
                ? CardParts.Percent(percent, culture)
                : text.Get(locale, TeamProgressTextKeys.LeaderboardNoTarget);
            detail = SalesFormat.Amount(locale, primary.Unit, primary.Currency, pace.Actual)
                + (pace.PercentDone is null ? string.Empty : " / " + SalesFormat.Amount(locale, primary.Unit, primary.Currency, pace.Target));
            color = SalesFormat.ColorOf(pace, state);
        }

        List<CardElement> nameItems = [new TextBlock(entry.Rep.Name) { Weight = entry.Rank is <= 3 ? TextWeight.Bolder : null, Wrap = true }];
        if (detail is not null)
        {
            nameItems.Add(new TextBlock(detail) { IsSubtle = true, Size = TextSize.Small, Wrap = true, Spacing = Spacing.None });
        }

        if (praise is not null)
        {
            nameItems.Add(praise);
        }

        return new ColumnSet
        {
            Spacing = Spacing.Small,
            Separator = true,
            Columns =
            [
                new Column { Width = ColumnWidth.OfPixels(32), Items = [new TextBlock(place) { Weight = TextWeight.Bolder }] },
                new Column { Width = ColumnWidth.Stretch, Items = nameItems },
                new Column { Width = ColumnWidth.Auto, Items = [new TextBlock(value) { Color = color, Weight = TextWeight.Bolder, HorizontalAlignment = HorizontalAlignment.Right }] },
            ],
        };
    }
}

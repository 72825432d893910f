using System.Globalization;
using SalesCoachBot.Localization;
using SalesCoachBot.Sales;
using SalesCoachBot.Teams.Cards;

namespace SalesCoachBot.Features.TeamProgress;

/// <summary>
/// The <c>team</c> card: the team's total per KPI (actual / target, %, status), then one line per rep with the % of
/// target of the primary KPI, a status colour, a small bar and the pace status; period buttons update it in place.
/// </summary>
internal static class TeamCard
{
    /// <summary>Shows the card for another period; data carries <see cref="TeamIdKey"/> and <see cref="PeriodKey"/>.</summary>
    public const string PeriodVerb = "team.period";

    public const string TeamIdKey = "teamId";

    public const string PeriodKey = "period";

    /// <param name="lastFeedback">
    /// When each rep last got private feedback (<see cref="IFeedbackLog"/>), for a manager in the 1:1 chat only; null
    /// shows no feedback line (a channel, where the team would read it).
    /// </param>
    /// <param name="praise">
    /// True when the person who asked is a manager of the team: each rep gets a Praise button that opens the praise form
    /// (<see cref="PraiseFormActions"/>).
    /// </param>
    public static AdaptiveCard Build(
        BotText text, string? locale, TeamProgressSnapshot snapshot, IReadOnlyDictionary<long, DateTimeOffset>? lastFeedback = null, bool praise = false)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(snapshot);
        var culture = CultureInfo.GetCultureInfo(BotText.Resolve(locale));
        var periodTitle = CardParts.PeriodTitle(text, locale, snapshot);
        List<CardElement> body =
        [
            new TextBlock(text.Get(locale, TeamProgressTextKeys.TeamTitle, snapshot.TeamName)) { Size = TextSize.Large, Weight = TextWeight.Bolder, Wrap = true },
            new TextBlock(periodTitle) { IsSubtle = true, Wrap = true, Spacing = Spacing.None },
        ];

        if (snapshot.Primary is not { } primary)
        {
            body.Add(new TextBlock(text.Get(locale, TeamProgressTextKeys.TeamNoKpis)) { Wrap = true, Spacing = Spacing.Medium });
        }
        else
        {
            body.Add(new TextBlock(text.Get(locale, TeamProgressTextKeys.TeamTotals)) { Weight = TextWeight.Bolder, Wrap = true, Spacing = Spacing.Medium });
            for (var i = 0; i < snapshot.Kpis.Count; i++)
            {
                body.Add(TotalLine(text, locale, culture, snapshot.Kpis[i], snapshot.Totals[i], snapshot.State));
            }

            if (snapshot.HasSummedTargets)
            {
                body.Add(CardParts.SummedNote(text, locale));
            }

            body.Add(new TextBlock(text.Get(locale, TeamProgressTextKeys.TeamReps, primary.Name)) { Weight = TextWeight.Bolder, Wrap = true, Spacing = Spacing.Large, Separator = true });
            if (snapshot.Reps.Count == 0)
            {
                body.Add(new TextBlock(text.Get(locale, TeamProgressTextKeys.TeamNoReps)) { Wrap = true, IsSubtle = true });
            }

            body.AddRange(snapshot.Reps.Select(r => RepLine(text, locale, culture, primary, r, snapshot.State, FeedbackLine(text, locale, snapshot, r, lastFeedback),
                praise ? CardParts.PraiseButton(text, locale, snapshot.TeamId, r) : null)));
        }

        body.Add(CardParts.AsOf(text, locale, snapshot));
        body.AddRange(SalesFormat.CalendarNotes(text, locale, snapshot.UncoveredYears));
        return new AdaptiveCard
        {
            MsTeams = TeamsCardProperties.FullWidth(),
            FallbackText = text.Get(locale, TeamProgressTextKeys.TeamSummary, snapshot.TeamName, periodTitle),
            Body = body,
            Actions = [.. CardParts.PeriodKinds.Select(kind => CardParts.PeriodButton(text, locale, kind, snapshot, PeriodVerb, Data(snapshot.TeamId, SalesPeriod.Word(kind))))],
        };
    }

    /// <param name="period">The period as card data carries it: a kind word (the current one) or a key such as 2026-10.</param>
    internal static Dictionary<string, object?> Data(long teamId, string period) => new(StringComparer.Ordinal)
    {
        [TeamIdKey] = teamId.ToString(CultureInfo.InvariantCulture),
        [PeriodKey] = period,
    };

    private static ColumnSet TotalLine(BotText text, string? locale, CultureInfo culture, TeamKpi kpi, Pace pace, PeriodState state)
    {
        string Amount(decimal value) => SalesFormat.Amount(locale, kpi.Unit, kpi.Currency, value);
        var status = pace.PercentDone is { } percent && state != PeriodState.Future
            ? CardParts.Percent(percent, culture) + " · " + SalesFormat.Status(text, locale, pace, state)
            : SalesFormat.Status(text, locale, pace, state);
        return new ColumnSet
        {
            Spacing = Spacing.Small,
            Columns =
            [
                new Column { Width = ColumnWidth.Stretch, Items = [new TextBlock(kpi.Name) { Wrap = true }] },
                new Column { Width = ColumnWidth.Auto, Items = [new TextBlock($"{Amount(pace.Actual)} / {Amount(pace.Target)}") { HorizontalAlignment = HorizontalAlignment.Right }] },
                new Column
                {
                    Width = ColumnWidth.Auto,
                    Items = [new TextBlock(status) { Color = SalesFormat.ColorOf(pace, state), Weight = TextWeight.Bolder, HorizontalAlignment = HorizontalAlignment.Right }],
                },
            ],
        };
    }

    // "Last feedback 3 days ago", in days of the team's zone; null when the card shows no feedback lines.
    private static TextBlock? FeedbackLine(BotText text, string? locale, TeamProgressSnapshot snapshot, RepProgress rep, IReadOnlyDictionary<long, DateTimeOffset>? lastFeedback)
    {
        if (lastFeedback is null)
        {
            return null;
        }

        if (!lastFeedback.TryGetValue(rep.MemberId, out var at))
        {
            return new TextBlock(text.Get(locale, TeamProgressTextKeys.FeedbackNever)) { Color = TextColor.Warning, Size = TextSize.Small, Wrap = true, Spacing = Spacing.None };
        }

        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(snapshot.AsOf, snapshot.TimeZone).DateTime);
        var days = today.DayNumber - DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, snapshot.TimeZone).DateTime).DayNumber;
        var line = days switch
        {
            <= 0 => text.Get(locale, TeamProgressTextKeys.FeedbackToday),
            1 => text.Get(locale, TeamProgressTextKeys.FeedbackYesterday),
            _ => text.Get(locale, TeamProgressTextKeys.FeedbackDays, days),
        };
        return new TextBlock(line) { IsSubtle = true, Size = TextSize.Small, Wrap = true, Spacing = Spacing.None };
    }

    private static Container RepLine(
        BotText text, string? locale, CultureInfo culture, TeamKpi primary, RepProgress rep, PeriodState state, TextBlock? feedback, ActionSet? praise)
    {
        var pace = rep.PaceOf(primary.Id);
        string Amount(decimal value) => SalesFormat.Amount(locale, primary.Unit, primary.Currency, value);
        var color = SalesFormat.ColorOf(pace, state);
        var status = SalesFormat.Status(text, locale, pace, state);
        var shown = pace.PercentDone is { } percent && state != PeriodState.Future ? CardParts.Percent(percent, culture) : "—";
        List<CardElement> items =
        [
            new ColumnSet
            {
                Columns =
                [
                    new Column { Width = ColumnWidth.Stretch, Items = [new TextBlock(rep.Name) { Weight = TextWeight.Bolder, Wrap = true }] },
                    new Column
                    {
                        Width = ColumnWidth.Auto,
                        Items = [new TextBlock(shown) { Color = color, Weight = TextWeight.Bolder, HorizontalAlignment = HorizontalAlignment.Right }],
                    },
                ],
            },
        ];
        if (pace.PercentDone is { } done && state != PeriodState.Future)
        {
            items.Add(SalesFormat.Bar(done, SalesFormat.BarStatus(pace, state)));
            items.Add(new TextBlock($"{status} · {Amount(pace.Actual)} / {Amount(pace.Target)}")
            {
                Color = color,
                Size = TextSize.Small,
                Wrap = true,
                Spacing = Spacing.Small,
            });
        }
        else
        {
            // No target, or a period still to come: what is set (if anything), no pace.
            var amounts = pace.Target > 0 ? $"{Amount(pace.Actual)} / {Amount(pace.Target)}" : Amount(pace.Actual);
            items.Add(new TextBlock($"{status} · {amounts}") { IsSubtle = true, Size = TextSize.Small, Wrap = true, Spacing = Spacing.Small });
        }

        if (feedback is not null)
        {
            items.Add(feedback);
        }

        if (praise is not null)
        {
            items.Add(praise);
        }

        return new Container { Items = items, Spacing = Spacing.Medium };
    }
}

/// <summary>What the team card and the leaderboard share: title, statuses, period buttons, as-of line.</summary>
internal static class CardParts
{
    public static IReadOnlyList<SalesPeriodKind> PeriodKinds { get; } = [SalesPeriodKind.Week, SalesPeriodKind.Month, SalesPeriodKind.Quarter, SalesPeriodKind.Year];

    // The period title every card uses ("This month · November 2026"), so every card names periods alike.
    public static string PeriodTitle(BotText text, string? locale, TeamProgressSnapshot snapshot) =>
        SalesFormat.PeriodTitle(text, locale, snapshot.Period, snapshot.Today);

    // "80%" reads the same in both languages.
    public static string Percent(decimal percent, CultureInfo culture) => SalesFormat.Percent(percent, culture) + "%";

    public static TextBlock AsOf(BotText text, string? locale, TeamProgressSnapshot snapshot)
    {
        var asOf = SalesFormat.DateTime(locale, snapshot.AsOf, snapshot.TimeZone);
        return new TextBlock(text.Get(locale, TeamProgressTextKeys.AsOf, asOf)) { Size = TextSize.Small, IsSubtle = true, Wrap = true, Separator = true };
    }

    /// <summary>Says that some targets shown are sums of set months or quarters, because there is no yearly target to split.</summary>
    public static TextBlock SummedNote(BotText text, string? locale) =>
        new(text.Get(locale, TeamProgressTextKeys.SummedTargets)) { IsSubtle = true, Size = TextSize.Small, Wrap = true, Spacing = Spacing.Small };

    /// <summary>
    /// The rep's Praise button, under their line (one small button per rep reads well on a phone): opens the praise form
    /// for them through the kernel's <see cref="PraiseFormActions"/>, so this feature never names the recognition feature.
    /// </summary>
    public static ActionSet PraiseButton(BotText text, string? locale, long teamId, RepProgress rep) => new()
    {
        Spacing = Spacing.Small,
        Actions =
        [
            new ExecuteAction(PraiseFormActions.OpenVerb, text.Get(locale, TeamProgressTextKeys.PraiseButton), new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                [PraiseFormActions.TeamIdKey] = teamId.ToString(CultureInfo.InvariantCulture),
                [PraiseFormActions.MemberIdKey] = rep.MemberId.ToString(CultureInfo.InvariantCulture),
            })
            {
                Tooltip = text.Get(locale, TeamProgressTextKeys.PraiseTooltip, rep.Name),
            },
        ],
    };

    // A button to the current week, month, quarter or year; highlighted when that is the period shown.
    public static ExecuteAction PeriodButton(
        BotText text, string? locale, SalesPeriodKind kind, TeamProgressSnapshot snapshot, string verb, IDictionary<string, object?> data) =>
        new(verb, text.Get(locale, kind switch
        {
            SalesPeriodKind.Week => TeamProgressTextKeys.ButtonWeek,
            SalesPeriodKind.Month => TeamProgressTextKeys.ButtonMonth,
            SalesPeriodKind.Quarter => TeamProgressTextKeys.ButtonQuarter,
            _ => TeamProgressTextKeys.ButtonYear,
        }), data)
        {
            Style = kind == snapshot.Period.Kind && snapshot.State == PeriodState.Current ? ActionStyle.Positive : null,
        };
}

using System.Globalization;
using SalesCoachBot.Localization;
using SalesCoachBot.Sales;
using SalesCoachBot.Teams.Cards;

namespace SalesCoachBot.Features.Recognition;

/// <summary>A person on the board: points and how many praises (received, or given).</summary>
internal sealed record BoardPerson(long MemberId, string Name, int Points, int Praises);

/// <summary>One period of the board: how many praises, how many points in all, the top receivers and givers.</summary>
internal sealed record BoardPeriod(SalesPeriod Period, int Praises, int Points, IReadOnlyList<BoardPerson> Receivers, IReadOnlyList<BoardPerson> Givers);

/// <summary>A recent praise as the board shows it (public ones only: a private reason never reaches the board).</summary>
internal sealed record BoardLatest(string GiverName, IReadOnlyList<string> Receivers, string Reason, string? Value);

/// <summary>
/// What the recognition board shows for a team: this month and this quarter (the team's days), the latest public
/// praise, and for a manager in the 1:1 chat only, the reps not recognised in the last <see cref="QuietDays"/> days
/// (<see cref="NotRecognised"/> null: not shown).
/// </summary>
internal sealed record RecognitionBoardView(
    string TeamName, DateOnly Today, BoardPeriod Month, BoardPeriod Quarter, IReadOnlyList<BoardLatest> Latest, IReadOnlyList<string>? NotRecognised, int QuietDays);

/// <summary>The recognition board: counting praise into periods, and its card.</summary>
internal static class RecognitionBoard
{
    /// <summary>How many people each top list shows.</summary>
    public const int TopCount = 5;

    /// <summary>How many recent public praises the board shows.</summary>
    public const int LatestCount = 3;

    /// <summary>Days without praise after which a rep counts as "not recognised lately" for managers.</summary>
    public const int QuietDays = 30;

    /// <summary>
    /// Counts the praises that fall in <paramref name="period"/> (by their date in <paramref name="zone"/>): a praise to
    /// several people gives each of them its points; the giver gets the points of all of them.
    /// </summary>
    public static BoardPeriod Count(
        SalesPeriod period, IReadOnlyList<BoardPraise> praises, TimeZoneInfo zone, IReadOnlyDictionary<long, string> names, string? locale)
    {
        ArgumentNullException.ThrowIfNull(praises);
        ArgumentNullException.ThrowIfNull(names);
        var inPeriod = praises.Where(p => period.Contains(DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(p.At, zone).DateTime))).ToList();
        var received = inPeriod.SelectMany(p => p.ReceiverIds.Select(id => (MemberId: id, p.Points)))
            .GroupBy(r => r.MemberId)
            .Select(g => new BoardPerson(g.Key, NameOf(names, g.Key), g.Sum(r => r.Points), g.Count()));
        var given = inPeriod.GroupBy(p => p.GiverId)
            .Select(g => new BoardPerson(g.Key, NameOf(names, g.Key), g.Sum(p => p.Points * p.ReceiverIds.Count), g.Count()));
        return new BoardPeriod(period, inPeriod.Count, inPeriod.Sum(p => p.Points * p.ReceiverIds.Count), Top(received, locale), Top(given, locale));
    }

    public static AdaptiveCard Build(BotText text, string? locale, RecognitionBoardView view)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(view);
        var title = text.Get(locale, RecognitionTextKeys.BoardTitle, view.TeamName);
        List<CardElement> body = [new TextBlock(title) { Size = TextSize.Large, Weight = TextWeight.Bolder, Wrap = true }];
        body.AddRange(PeriodPart(text, locale, view.Month, view.Today));
        body.AddRange(PeriodPart(text, locale, view.Quarter, view.Today));
        if (view.Latest.Count > 0)
        {
            body.Add(new TextBlock(text.Get(locale, RecognitionTextKeys.BoardLatest)) { Weight = TextWeight.Bolder, Wrap = true, Spacing = Spacing.Large, Separator = true });
            foreach (var latest in view.Latest)
            {
                // Reasons are what people typed: a text run, never Markdown.
                var line = text.Get(locale, RecognitionTextKeys.BoardLatestLine, latest.GiverName, BotText.List(locale, latest.Receivers), latest.Reason)
                    + (latest.Value is { } value ? " #" + value : string.Empty);
                body.Add(new RichTextBlock { Inlines = [new TextRun(line) { Size = TextSize.Small }], Spacing = Spacing.Small });
            }
        }

        if (view.NotRecognised is { } quiet)
        {
            body.Add(new TextBlock(text.Get(locale, RecognitionTextKeys.BoardQuietTitle, view.QuietDays))
            {
                Weight = TextWeight.Bolder, Wrap = true, Spacing = Spacing.Large, Separator = true,
            });
            body.Add(new TextBlock(quiet.Count == 0
                ? text.Get(locale, RecognitionTextKeys.BoardQuietNone, view.QuietDays)
                : BotText.List(locale, quiet))
            {
                Wrap = true, Color = quiet.Count == 0 ? TextColor.Good : TextColor.Warning, Spacing = Spacing.Small,
            });
            body.Add(new TextBlock(text.Get(locale, RecognitionTextKeys.BoardQuietOnlyYou)) { IsSubtle = true, Size = TextSize.Small, Wrap = true, Spacing = Spacing.None });
        }

        body.Add(new TextBlock(text.Get(locale, RecognitionTextKeys.BoardHint)) { IsSubtle = true, Size = TextSize.Small, Wrap = true, Separator = true });
        return new AdaptiveCard
        {
            FallbackText = text.Get(locale, RecognitionTextKeys.BoardSummary, view.TeamName, view.Month.Praises, view.Month.Points),
            Body = body,
        };
    }

    private static IEnumerable<CardElement> PeriodPart(BotText text, string? locale, BoardPeriod part, DateOnly today)
    {
        yield return new TextBlock(SalesFormat.PeriodTitle(text, locale, part.Period, today)) { Weight = TextWeight.Bolder, Wrap = true, Spacing = Spacing.Large, Separator = true };
        if (part.Praises == 0)
        {
            yield return new TextBlock(text.Get(locale, RecognitionTextKeys.BoardNone)) { IsSubtle = true, Wrap = true, Spacing = Spacing.Small };
            yield break;
        }

        yield return new TextBlock(text.Get(locale, RecognitionTextKeys.BoardTotals, part.Praises, part.Points)) { Wrap = true, Spacing = Spacing.Small };
        yield return new TextBlock(text.Get(locale, RecognitionTextKeys.BoardReceivers)) { IsSubtle = true, Wrap = true, Spacing = Spacing.Small };
        yield return Facts(text, locale, part.Receivers);
        yield return new TextBlock(text.Get(locale, RecognitionTextKeys.BoardGivers)) { IsSubtle = true, Wrap = true, Spacing = Spacing.Small };
        yield return Facts(text, locale, part.Givers);
    }

    private static FactSet Facts(BotText text, string? locale, IReadOnlyList<BoardPerson> people) => new()
    {
        Spacing = Spacing.None,
        Facts = [.. people.Select(p => new CardFact(p.Name, text.Get(locale, RecognitionTextKeys.BoardPersonLine, p.Points, p.Praises)))],
    };

    // Most points first, then most praises, then by name in the locale's order.
    private static List<BoardPerson> Top(IEnumerable<BoardPerson> people, string? locale) =>
        [.. people.OrderByDescending(p => p.Points).ThenByDescending(p => p.Praises).ThenBy(p => p.Name, BotText.NameOrder(locale)).Take(TopCount)];

    private static string NameOf(IReadOnlyDictionary<long, string> names, long memberId) =>
        names.TryGetValue(memberId, out var name) && name.Length > 0 ? name : "#" + memberId.ToString(CultureInfo.InvariantCulture);
}

using System.Globalization;
using SalesCoachBot.Data;
using SalesCoachBot.Localization;
using SalesCoachBot.Teams.Cards;

namespace SalesCoachBot.Features.Imports;

/// <summary>
/// What the preview card shows of a checked file. <see cref="ImportId"/> is null when nothing can be imported. The
/// columns: those read (header and field), those understood but not tracked yet, and those left out.
/// </summary>
internal sealed record ImportPreview(
    string FileName, ImportKind Kind, int Rows, int Valid, IReadOnlyList<RejectedLine> Rejected, IReadOnlyList<string> Samples,
    long? ImportId, TimeSpan Lifetime,
    IReadOnlyList<ColumnRead>? Columns = null, IReadOnlyList<string>? NotTracked = null, IReadOnlyList<string>? Ignored = null);

/// <summary>The upload preview (rows found, rejected lines, a sample, Import / Cancel) and the cards that replace it.</summary>
internal static class ImportCard
{
    /// <summary>Imports the pending file; data carries <see cref="ImportIdKey"/>.</summary>
    public const string ConfirmVerb = "imports.confirm";

    /// <summary>Drops the pending file; data carries <see cref="ImportIdKey"/>.</summary>
    public const string CancelVerb = "imports.cancel";

    public const string ImportIdKey = "importId";

    /// <summary>Rejected lines listed on the card; the rest are counted.</summary>
    public const int RejectedShown = 20;

    /// <summary>Ignored columns named on the card (a CRM export has dozens); the rest are counted.</summary>
    public const int IgnoredShown = 12;

    public static AdaptiveCard Preview(BotText text, string? locale, ImportPreview preview)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(preview);
        var culture = CultureInfo.GetCultureInfo(BotText.Resolve(locale));
        var title = text.Get(locale, ImportsTextKeys.PreviewTitle);
        List<CardElement> body =
        [
            new TextBlock(title) { Size = TextSize.Large, Weight = TextWeight.Bolder, Wrap = true },
            new FactSet
            {
                Facts =
                [
                    new CardFact(text.Get(locale, ImportsTextKeys.FactFile), preview.FileName),
                    new CardFact(text.Get(locale, ImportsTextKeys.FactKind), KindName(text, locale, preview.Kind)),
                    new CardFact(text.Get(locale, ImportsTextKeys.FactRows), preview.Rows.ToString("N0", culture)),
                    new CardFact(text.Get(locale, ImportsTextKeys.FactValid), preview.Valid.ToString("N0", culture)),
                    new CardFact(text.Get(locale, ImportsTextKeys.FactRejected), preview.Rejected.Count.ToString("N0", culture)),
                ],
            },
        ];

        // Which header became which field, so a CRM export's 合同金额 is seen to count as deals before Import.
        var separator = BotText.IsChinese(locale) ? "，" : ", ";
        if (preview.Columns is { Count: > 0 } columns)
        {
            // The arrow is punctuation, the same in both languages, not a text.
            var read = string.Join(separator, columns.Select(c => c.Header + " → " + text.Get(locale, ImportsTextKeys.Column(c.Column))));
            body.Add(new TextBlock(text.Get(locale, ImportsTextKeys.ColumnsRead, read)) { Wrap = true, Size = TextSize.Small, Spacing = Spacing.Medium });
        }

        if (preview.NotTracked is { Count: > 0 } notTracked)
        {
            body.Add(new TextBlock(text.Get(locale, ImportsTextKeys.ColumnsNotTracked, string.Join(separator, notTracked))) { Wrap = true, Size = TextSize.Small, Spacing = Spacing.None, Color = TextColor.Warning });
        }

        if (preview.Ignored is { Count: > 0 } ignored)
        {
            var shown = string.Join(separator, ignored.Take(IgnoredShown)) + (ignored.Count > IgnoredShown ? separator + "…" : string.Empty);
            body.Add(new TextBlock(text.Get(locale, ImportsTextKeys.ColumnsIgnored, shown)) { Wrap = true, Size = TextSize.Small, Spacing = Spacing.None, IsSubtle = true });
        }

        if (preview.Rejected.Count > 0)
        {
            body.Add(new TextBlock(text.Get(locale, ImportsTextKeys.RejectedHeading)) { Weight = TextWeight.Bolder, Color = TextColor.Attention, Wrap = true, Spacing = Spacing.Medium });
            foreach (var line in preview.Rejected.Take(RejectedShown))
            {
                body.Add(new TextBlock(text.Get(locale, ImportsTextKeys.RejectedLine, line.Line, line.Reason)) { Wrap = true, Spacing = Spacing.None, Size = TextSize.Small });
            }

            if (preview.Rejected.Count > RejectedShown)
            {
                body.Add(new TextBlock(text.Get(locale, ImportsTextKeys.RejectedMore, preview.Rejected.Count - RejectedShown)) { Wrap = true, Spacing = Spacing.None, Size = TextSize.Small, IsSubtle = true });
            }
        }

        if (preview.Samples.Count > 0)
        {
            body.Add(new TextBlock(text.Get(locale, ImportsTextKeys.SampleHeading)) { Weight = TextWeight.Bolder, Wrap = true, Spacing = Spacing.Medium });
            body.AddRange(preview.Samples.Select(s => new TextBlock(s) { Wrap = true, Spacing = Spacing.None, Size = TextSize.Small }));
        }

        List<CardButton> actions = [];
        if (preview.ImportId is { } id)
        {
            var hours = Math.Max(1, (int)Math.Round(preview.Lifetime.TotalHours));
            body.Add(new TextBlock(text.Get(locale, ImportsTextKeys.ExpiresHint, hours)) { Size = TextSize.Small, IsSubtle = true, Wrap = true, Separator = true });
            var data = new Dictionary<string, object?>(StringComparer.Ordinal) { [ImportIdKey] = id.ToString(CultureInfo.InvariantCulture) };
            actions.Add(new ExecuteAction(ConfirmVerb, text.Get(locale, ImportsTextKeys.ConfirmButton), data) { Style = ActionStyle.Positive });
            actions.Add(new ExecuteAction(CancelVerb, text.Get(locale, ImportsTextKeys.CancelButton), new Dictionary<string, object?>(data, StringComparer.Ordinal)));
        }
        else
        {
            body.Add(new TextBlock(text.Get(locale, ImportsTextKeys.NothingValid)) { Wrap = true, Separator = true });
        }

        return new AdaptiveCard
        {
            MsTeams = TeamsCardProperties.FullWidth(),
            FallbackText = title + ": " + preview.FileName,
            Body = body,
            Actions = actions,
        };
    }

    /// <summary>
    /// The card after Import: how many rows landed, how many were already there, and the lines left out because their
    /// id had become another member's result since the preview.
    /// </summary>
    public static AdaptiveCard Imported(
        BotText text, string? locale, string fileName, ImportKind kind, int added, int duplicates, IReadOnlyList<int>? takenLines = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var title = text.Get(locale, ImportsTextKeys.DoneTitle, fileName);
        var summary = kind == ImportKind.Results
            ? text.Get(locale, ImportsTextKeys.DoneResults, added, duplicates)
            : text.Get(locale, ImportsTextKeys.DoneTargets, added);
        if (takenLines is { Count: > 0 })
        {
            // Chinese runs sentences together; English puts a space between them.
            var chinese = BotText.IsChinese(locale);
            var lines = BotText.List(locale, takenLines.Select(l => l.ToString(CultureInfo.InvariantCulture)));
            summary += (chinese ? string.Empty : " ") + text.Get(locale, ImportsTextKeys.DoneTaken, lines);
        }

        return Closed(title, summary, text.Get(locale, ImportsTextKeys.DoneHint), TextColor.Good);
    }

    /// <summary>The card after Cancel.</summary>
    public static AdaptiveCard Cancelled(BotText text, string? locale, string fileName)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Closed(text.Get(locale, ImportsTextKeys.CancelledTitle), text.Get(locale, ImportsTextKeys.Cancelled, fileName), null, TextColor.Default);
    }

    private static AdaptiveCard Closed(string title, string summary, string? hint, TextColor color)
    {
        List<CardElement> body =
        [
            new TextBlock(title) { Size = TextSize.Large, Weight = TextWeight.Bolder, Wrap = true, Color = color },
            new TextBlock(summary) { Wrap = true },
        ];
        if (hint is not null)
        {
            body.Add(new TextBlock(hint) { Wrap = true, IsSubtle = true, Size = TextSize.Small });
        }

        return new AdaptiveCard { MsTeams = TeamsCardProperties.FullWidth(), FallbackText = title + ": " + summary, Body = body };
    }

    private static string KindName(BotText text, string? locale, ImportKind kind) =>
        text.Get(locale, kind == ImportKind.Results ? ImportsTextKeys.KindResults : ImportsTextKeys.KindTargets);
}

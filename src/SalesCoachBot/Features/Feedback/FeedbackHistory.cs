using SalesCoachBot.Localization;
using SalesCoachBot.Sales;
using SalesCoachBot.Teams.Cards;

namespace SalesCoachBot.Features.Feedback;

/// <summary>
/// A page of what a member received: feedback notes and, once the recognition feature is there, recognition
/// (<see cref="IRecognitionHistory"/>, optional: until it is registered the history shows feedback only), newest first.
/// </summary>
internal sealed class FeedbackHistory(FeedbackBook book, FeedbackDesk desk, IEnumerable<IRecognitionHistory> recognition, BotText text)
{
    public const int PageSize = 5;

    /// <summary>
    /// The history card from the newest item received before <paramref name="before"/> (null: from the newest). Items at
    /// exactly the cursor's time are on the page before, so the next page starts strictly after it.
    /// </summary>
    public async Task<AdaptiveCard> PageAsync(string tenantId, long memberId, string? locale, DateTimeOffset? before, CancellationToken cancellationToken)
    {
        // One more than a page from each source tells whether there is a next page.
        var feedback = await book.ReceivedAsync(memberId, before, PageSize + 1, cancellationToken).ConfigureAwait(false);
        List<HistoryItem> items = [.. feedback.Select(f => new HistoryItem(f.Note.GivenAt, f, null))];
        foreach (var source in recognition)
        {
            var received = await source.ReceivedAsync(memberId, before, PageSize + 1, cancellationToken).ConfigureAwait(false);
            items.AddRange(received.Select(r => new HistoryItem(r.At, null, r)));
        }

        var ordered = items.OrderByDescending(i => i.At).ToList();
        var page = ordered.Take(PageSize).ToList();
        var zone = await desk.ZoneAsync(tenantId, memberId, cancellationToken).ConfigureAwait(false);
        return FeedbackCards.History(text, locale, page, zone, ordered.Count > PageSize ? page[^1].At : null);
    }
}

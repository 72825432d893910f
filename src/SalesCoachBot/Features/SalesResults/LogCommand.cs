using System.Security.Cryptography;
using System.Text;
using SalesCoachBot.Contacts;
using SalesCoachBot.Data;
using SalesCoachBot.Localization;
using SalesCoachBot.Sales;
using SalesCoachBot.Teams.Activities;
using SalesCoachBot.Teams.Routing;

namespace SalesCoachBot.Features.SalesResults;

/// <summary>
/// <c>log &lt;kpi&gt; &lt;amount&gt; [customer] [note]</c> · <c>记录 …</c> in the 1:1 chat: records the result for today
/// in the member's zone and answers with the month's targets card, the logged line on top. <c>log</c> alone sends the log
/// form (the one behind the targets card's "Log a result" button).
/// </summary>
internal sealed class LogCommand(IProgressCard progress, SalesClock clock, ResultLog log, IKpiCatalog catalog, BotText text) : ICommandHandler
{
    public const string Word = "log";
    public const string ChineseWord = "记录";

    public static HelpTopic Topic { get; } = new(Word, ChineseWord, HelpScopes.Personal, ResultsTextKeys.LogHelp, ResultsTextKeys.LogArgs);

    public async Task HandleAsync(TurnContext turn, string arguments, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var locale = turn.Locale;
        var (day, refusal) = await MemberDayAsync(turn, clock, text, Topic, cancellationToken).ConfigureAwait(false);
        if (day is null)
        {
            await turn.SendTextAsync(refusal!, cancellationToken).ConfigureAwait(false);
            return;
        }

        if (string.IsNullOrWhiteSpace(arguments))
        {
            // Nothing to parse yet: the form asks for each part instead of an error about the first missing one.
            var kpis = await log.ActiveKpisAsync(cancellationToken).ConfigureAwait(false);
            var form = LogResultForm.Build(text, locale, kpis, LogFormValues.Empty, day.Today, LogResultForm.NewEntryId(), SalesPeriod.Word(SalesPeriodKind.Month));
            await turn.SendAsync(Activity.CreateCard(form, form.FallbackText), cancellationToken).ConfigureAwait(false);
            return;
        }

        // The tenant's own KPI words count too (kpi add 回款 money → log 回款 5万).
        var vocabulary = await catalog.VocabularyAsync(cancellationToken).ConfigureAwait(false);
        var parsed = LogCommandParser.Parse(arguments, vocabulary);
        if (!parsed.IsSuccess)
        {
            var active = await log.ActiveKpisAsync(cancellationToken).ConfigureAwait(false);
            await SendPlainAsync(turn, ParseProblem(locale, parsed) + "\n\n" + Usage(locale, active), cancellationToken).ConfigureAwait(false);
            return;
        }

        var request = parsed.Request!;
        var resolution = await log.ResolveAsync(request.Amounts, request.Currency, cancellationToken).ConfigureAwait(false);
        if (resolution.Refusal != LogRefusal.None)
        {
            var active = await log.ActiveKpisAsync(cancellationToken).ConfigureAwait(false);
            await SendPlainAsync(turn, RefusalText(text, locale, resolution, request.Word, request.Currency, active), cancellationToken).ConfigureAwait(false);
            return;
        }

        if (request.Customer?.Length > ColumnLengths.Customer || request.Note?.Length > ColumnLengths.Note)
        {
            await SendPlainAsync(turn, text.Get(locale, ResultsTextKeys.ErrorTooLong, ColumnLengths.Customer, ColumnLengths.Note), cancellationToken).ConfigureAwait(false);
            return;
        }

        var logged = await log.RecordAsync(day.MemberId, ActionIdOf(turn.Activity), ResultSources.Chat, resolution.Amounts, day.Today,
            request.Customer, request.Note, cancellationToken).ConfigureAwait(false);
        var notice = Notice(text, locale, logged, day.Today);
        var card = await progress.BuildAsync(turn, SalesPeriod.Containing(SalesPeriodKind.Month, day.Today), notice, cancellationToken).ConfigureAwait(false);
        if (card is null)
        {
            await turn.SendTextAsync(TurnGuard.NoMember(text, locale), cancellationToken).ConfigureAwait(false);
            return;
        }

        await turn.SendAsync(Activity.CreateCard(card, notice), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The turn's member and their sales day today (results logged now count on it), or why this turn may not log
    /// (wrong place, unknown sender, a member no longer in the store).
    /// </summary>
    public static async Task<(MemberDay? Day, string? Refusal)> MemberDayAsync(
        TurnContext turn, SalesClock clock, BotText text, HelpTopic topic, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(clock);
        if (TurnGuard.PersonalMember(turn, text, topic) is { } refusal)
        {
            return (null, refusal);
        }

        _ = turn.TryGetMember(out var tenantId, out var member);
        var day = await clock.MemberDayAsync(tenantId, member.Id, cancellationToken).ConfigureAwait(false);
        return day is null ? (null, TurnGuard.NoMember(text, turn.Locale)) : (day, null);
    }

    /// <summary>"Logged ¥120,000 revenue and 1 contract · Acme. Type undo within 10 minutes to take it back."</summary>
    public static string Notice(BotText text, string? locale, LoggedAction logged, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(logged);
        var what = ResultWording.Describe(text, locale, logged.Amounts, logged.Customer);
        if (logged.OccurredOn != today)
        {
            what += text.Get(locale, ResultsTextKeys.LoggedOn, SalesFormat.Date(locale, logged.OccurredOn));
        }

        return text.Get(locale, logged.IsDuplicate ? ResultsTextKeys.AlreadyLogged : ResultsTextKeys.Logged, what);
    }

    /// <summary>The error text of a refused resolution (KPI not tracked, wrong currency).</summary>
    public static string RefusalText(BotText text, string? locale, LogResolution resolution, string word, string? currency, IReadOnlyList<KpiDefinition> active)
    {
        ArgumentNullException.ThrowIfNull(resolution);
        return resolution.Refusal switch
        {
            LogRefusal.WrongCurrency => text.Get(locale, ResultsTextKeys.ErrorCurrency,
                KpiDefaults.NameOf(text, locale, resolution.Kpi!), SalesFormat.CurrencyName(text, locale, resolution.Kpi!.Currency),
                SalesFormat.CurrencyName(text, locale, currency)),
            LogRefusal.NotMoney => text.Get(locale, ResultsTextKeys.ErrorNotMoney, KpiDefaults.NameOf(text, locale, resolution.Kpi!)),
            _ => text.Get(locale, ResultsTextKeys.ErrorNotTracked, BotText.Quote(word), ResultWording.WordList(text, locale, active)),
        };
    }

    private string Usage(string? locale, IReadOnlyList<KpiDefinition> active) =>
        text.Get(locale, ResultsTextKeys.Usage, ResultWording.WordList(text, locale, active));

    private string ParseProblem(string? locale, LogParseResult parsed)
    {
        var token = BotText.Quote(parsed.Token ?? string.Empty);
        return parsed.Error switch
        {
            LogError.UnknownKpi => text.Get(locale, ResultsTextKeys.ErrorUnknownKpi, token)
                + (parsed.Suggestion is { } suggestion ? " " + text.Get(locale, ResultsTextKeys.ErrorSuggestion, suggestion) : string.Empty),
            LogError.MissingAmount => text.Get(locale, ResultsTextKeys.ErrorMissingAmount),
            LogError.InvalidAmount => ResultWording.AmountProblem(text, locale, parsed.Token ?? string.Empty, parsed.AmountError),
            LogError.ZeroAmount => text.Get(locale, ResultsTextKeys.ErrorZeroAmount, token),
            LogError.TooPrecise => text.Get(locale, ResultsTextKeys.ErrorTooPrecise, token),
            LogError.UnclosedQuote => text.Get(locale, ResultsTextKeys.ErrorUnclosedQuote, token),
            LogError.CountWithMoney => ResultWording.CountWithMoney(text, locale, parsed),
            _ => text.Get(locale, ResultsTextKeys.ErrorMissingKpi),
        };
    }

    // The text quotes user input: plain, so Teams shows it as typed.
    private static async Task SendPlainAsync(TurnContext turn, string message, CancellationToken cancellationToken)
    {
        var reply = Activity.CreateMessage(message);
        reply.TextFormat = "plain";
        await turn.SendAsync(reply, cancellationToken).ConfigureAwait(false);
    }

    // Teams may deliver a message again when the bot was slow to answer; the same message must not log twice.
    private static string ActionIdOf(Activity activity)
    {
        if (string.IsNullOrEmpty(activity.Id))
        {
            return Guid.NewGuid().ToString("N");
        }

        var hash = SHA256.HashData(Encoding.UTF8.GetBytes((activity.Conversation?.Id ?? string.Empty) + "\n" + activity.Id));
        return Convert.ToHexStringLower(hash.AsSpan(0, 16));
    }
}

using System.Globalization;
using SalesCoachBot.Contacts;
using SalesCoachBot.Data;
using SalesCoachBot.Localization;
using SalesCoachBot.Sales;
using SalesCoachBot.Teams.Cards;
using SalesCoachBot.Teams.Routing;

namespace SalesCoachBot.Features.SalesResults;

/// <summary>What the form shows in its fields: empty for a new form, what the rep typed when it comes back with errors.</summary>
internal sealed record LogFormValues(string? Kpi, string? Amount, string? Customer, string? Note, string? Date)
{
    public static LogFormValues Empty { get; } = new(null, null, null, null, null);
}

/// <summary>The input ids and data keys of the log form.</summary>
internal static class LogFormFields
{
    public const string Kpi = "kpi";
    public const string Amount = "amount";
    public const string Customer = "customer";
    public const string Note = "note";
    public const string Date = "date";

    /// <summary>Data key of the form's entry id: one per form, so a double click or a retried invoke records once.</summary>
    public const string Entry = "entry";

    /// <summary>The KPI choice meaning "a deal": revenue plus one contract.</summary>
    public const string DealChoice = "deal";
}

/// <summary>
/// The card form behind the targets card's "Log a result" button: what (the tenant's active KPIs, and a deal), amount as
/// text (so 12万 works), customer, note and date (today in the member's zone, never later). Log records it and brings
/// back the targets card of the period the rep came from; Cancel goes back to that card without recording.
/// </summary>
internal static class LogResultForm
{
    public const string ShowVerb = ProgressCardActions.LogResultVerb;
    public const string SubmitVerb = "results.log";

    public static AdaptiveCard Build(
        BotText text, string? locale, IReadOnlyList<KpiDefinition> active, LogFormValues values, DateOnly today, string entryId,
        string periodKey, IReadOnlyList<string>? errors = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(active);
        ArgumentNullException.ThrowIfNull(values);
        var body = new List<CardElement>
        {
            new TextBlock(text.Get(locale, ResultsTextKeys.FormTitle)) { Size = TextSize.Large, Weight = TextWeight.Bolder, Wrap = true },
        };
        if (errors is { Count: > 0 })
        {
            body.Add(new TextBlock(text.Get(locale, ResultsTextKeys.FormInvalid)) { Id = "logInvalid", Color = TextColor.Attention, Weight = TextWeight.Bolder, Wrap = true });
            body.AddRange(errors.Select(e => new TextBlock("• " + e) { Color = TextColor.Attention, Wrap = true, Spacing = Spacing.None }));
        }
        else
        {
            body.Add(new TextBlock(text.Get(locale, ResultsTextKeys.FormIntro)) { IsSubtle = true, Wrap = true });
        }

        var choices = Choices(text, locale, active);
        body.Add(new ChoiceSetInput(LogFormFields.Kpi)
        {
            Label = text.Get(locale, ResultsTextKeys.FormKpi),
            Style = ChoiceInputStyle.Compact,
            Choices = choices,
            // A kept value must be one of the choices, or the client shows an empty box anyway.
            Value = choices.Any(c => c.Value == values.Kpi) ? values.Kpi : choices.FirstOrDefault()?.Value,
            IsRequired = true,
            ErrorMessage = text.Get(locale, ResultsTextKeys.FormErrorKpi),
            Spacing = Spacing.Medium,
        });
        body.Add(new TextInput(LogFormFields.Amount)
        {
            Label = text.Get(locale, ResultsTextKeys.FormAmount),
            Placeholder = text.Get(locale, ResultsTextKeys.FormAmountPlaceholder),
            Value = values.Amount,
            MaxLength = 40,
            IsRequired = true,
            ErrorMessage = text.Get(locale, ResultsTextKeys.ErrorAmountEmpty),
        });
        body.Add(new TextInput(LogFormFields.Customer)
        {
            Label = text.Get(locale, ResultsTextKeys.FormCustomer),
            Value = values.Customer,
            MaxLength = ColumnLengths.Customer,
        });
        body.Add(new TextInput(LogFormFields.Note)
        {
            Label = text.Get(locale, ResultsTextKeys.FormNote),
            Value = values.Note,
            MaxLength = ColumnLengths.Note,
            IsMultiline = true,
        });
        body.Add(new DateInput(LogFormFields.Date)
        {
            Label = text.Get(locale, ResultsTextKeys.FormDate),
            Value = TryParseDate(values.Date, out var date) ? date : today,
            Max = today,
        });

        return new AdaptiveCard
        {
            FallbackText = text.Get(locale, ResultsTextKeys.FormTitle),
            Body = body,
            Actions =
            [
                new ExecuteAction(SubmitVerb, text.Get(locale, ResultsTextKeys.FormLog),
                    new Dictionary<string, object?>(StringComparer.Ordinal) { [LogFormFields.Entry] = entryId, [ProgressCardActions.PeriodKey] = periodKey })
                {
                    Style = ActionStyle.Positive,
                },
                // Back to the card the rep came from; the typed values are not sent (nothing to validate).
                new ExecuteAction(ProgressCardActions.PeriodVerb, text.Get(locale, ResultsTextKeys.FormCancel),
                    new Dictionary<string, object?>(StringComparer.Ordinal) { [ProgressCardActions.PeriodKey] = periodKey })
                {
                    AssociatedInputs = "none",
                },
            ],
        };
    }

    /// <summary>A deal first (when the tenant tracks revenue and contracts), then every active KPI by name.</summary>
    public static List<InputChoice> Choices(BotText text, string? locale, IReadOnlyList<KpiDefinition> active)
    {
        ArgumentNullException.ThrowIfNull(active);
        var choices = new List<InputChoice>();
        var keys = active.Select(k => k.Key).ToHashSet(StringComparer.Ordinal);
        if (KpiAliases.Find(LogFormFields.DealChoice) is { } deal && deal.Effects.All(e => keys.Contains(e.KpiKey)))
        {
            choices.Add(new InputChoice(text.Get(locale, ResultsTextKeys.FormDeal), LogFormFields.DealChoice));
        }

        choices.AddRange(active.Select(k => new InputChoice(KpiDefaults.NameOf(text, locale, k), k.Key)));
        return choices;
    }

    /// <summary>Reads an ISO date (yyyy-MM-dd) as the date input sends it.</summary>
    public static bool TryParseDate(string? value, out DateOnly date) =>
        DateOnly.TryParseExact(value?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    /// <summary>A new form's entry id.</summary>
    public static string NewEntryId() => Guid.NewGuid().ToString("N");

    /// <summary>An entry id as this form makes them (32 hex digits); anything else did not come from our form.</summary>
    public static bool IsEntryId(string? value) => value is { Length: 32 } && Guid.TryParseExact(value, "N", out _);

    /// <summary>
    /// The period the form came from, as card data carries it (<see cref="PeriodWords.CardKey"/>: month, or 2026-10 for a
    /// past month's card); month when missing or unreadable.
    /// </summary>
    public static string PeriodKeyOf(CardAction action, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(action);
        var key = action.GetString(ProgressCardActions.PeriodKey);
        return PeriodWords.TryRead(key, today, YearlessPeriod.Back, out _) ? key! : SalesPeriod.Word(SalesPeriodKind.Month);
    }
}

/// <summary>The targets card's "Log a result" button (<see cref="LogResultForm.ShowVerb"/>): the form, in place of the card.</summary>
internal sealed class ShowLogFormAction(SalesClock clock, ResultLog log, BotText text) : ICardActionHandler
{
    public async Task<CardActionResult> HandleAsync(TurnContext turn, CardAction action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(action);
        var locale = turn.Locale;
        var (day, refusal) = await LogCommand.MemberDayAsync(turn, clock, text, LogCommand.Topic, cancellationToken).ConfigureAwait(false);
        if (day is null)
        {
            return CardActionResult.Text(refusal!);
        }

        var active = await log.ActiveKpisAsync(cancellationToken).ConfigureAwait(false);
        return CardActionResult.UpdateCard(LogResultForm.Build(text, locale, active, LogFormValues.Empty, day.Today, LogResultForm.NewEntryId(), LogResultForm.PeriodKeyOf(action, day.Today)));
    }
}

/// <summary>
/// The form's Log button (<see cref="LogResultForm.SubmitVerb"/>): validates, records (source card, external ids from the
/// form's entry id) and answers with the targets card and a notice; on errors the form comes back with every value kept.
/// </summary>
internal sealed class SubmitLogFormAction(IProgressCard progress, SalesClock clock, ResultLog log, BotText text) : ICardActionHandler
{
    public async Task<CardActionResult> HandleAsync(TurnContext turn, CardAction action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(action);
        var locale = turn.Locale;
        var (day, refusal) = await LogCommand.MemberDayAsync(turn, clock, text, LogCommand.Topic, cancellationToken).ConfigureAwait(false);
        if (day is null)
        {
            return CardActionResult.Text(refusal!);
        }

        var values = ReadValues(action);
        var periodKey = LogResultForm.PeriodKeyOf(action, day.Today);
        var entry = action.GetString(LogFormFields.Entry);
        var active = await log.ActiveKpisAsync(cancellationToken).ConfigureAwait(false);
        var (request, errors) = await ValidateAsync(locale, values, active, day.Today, cancellationToken).ConfigureAwait(false);
        if (!LogResultForm.IsEntryId(entry))
        {
            errors.Add(text.Get(locale, ResultsTextKeys.FormErrorEntry));
        }

        if (errors.Count > 0 || request is null)
        {
            // A form without a valid entry id did not come from us: the one sent back gets a fresh id.
            var shownEntry = LogResultForm.IsEntryId(entry) ? entry! : LogResultForm.NewEntryId();
            return CardActionResult.UpdateCard(LogResultForm.Build(text, locale, active, values, day.Today, shownEntry, periodKey, errors));
        }

        var logged = await log.RecordAsync(day.MemberId, entry!, ResultSources.Card, request.Amounts, request.Date,
            request.Customer, request.Note, cancellationToken).ConfigureAwait(false);
        var notice = LogCommand.Notice(text, locale, logged, day.Today);
        _ = PeriodWords.TryRead(periodKey, day.Today, YearlessPeriod.Back, out var period);
        var card = await progress.BuildAsync(turn, period, notice, cancellationToken).ConfigureAwait(false);
        return card is null ? CardActionResult.Text(TurnGuard.NoMember(text, locale)) : CardActionResult.UpdateCard(card);
    }

    // The fields read like chat (full-width ３万, 华为。 as 华为); the note is free text and stays as typed.
    internal static LogFormValues ReadValues(CardAction action) => new(
        Normalized(action.GetString(LogFormFields.Kpi)), Normalized(action.GetString(LogFormFields.Amount)),
        Normalized(action.GetString(LogFormFields.Customer)), action.GetString(LogFormFields.Note), Normalized(action.GetString(LogFormFields.Date)));

    private static string? Normalized(string? value) => value is null ? null : TypedText.Normalize(value);

    private sealed record FormRequest(IReadOnlyList<LoggedAmount> Amounts, DateOnly Date, string? Customer, string? Note);

    private async Task<(FormRequest? Request, List<string> Errors)> ValidateAsync(
        string? locale, LogFormValues values, IReadOnlyList<KpiDefinition> active, DateOnly today, CancellationToken cancellationToken)
    {
        var errors = new List<string>();
        var choice = values.Kpi?.Trim();
        IReadOnlyList<KpiEffect>? effects = null;
        if (string.Equals(choice, LogFormFields.DealChoice, StringComparison.Ordinal))
        {
            effects = KpiAliases.Find(LogFormFields.DealChoice)!.Effects;
        }
        else if (active.FirstOrDefault(k => string.Equals(k.Key, choice, StringComparison.Ordinal)) is { } kpi)
        {
            effects = [new KpiEffect(kpi.Key)];
        }
        else
        {
            errors.Add(text.Get(locale, ResultsTextKeys.FormErrorKpi));
        }

        ParsedAmount? amount = null;
        var typed = values.Amount?.Trim() ?? string.Empty;
        if (!AmountParser.TryParse(typed, out amount, out var amountError))
        {
            errors.Add(ResultWording.AmountProblem(text, locale, typed, amountError));
        }
        else if (amount!.Value == 0)
        {
            errors.Add(text.Get(locale, ResultsTextKeys.ErrorZeroAmount, typed));
            amount = null;
        }
        else if (effects is not null && effects.All(e => e.KpiKey != KpiDefaults.Revenue) && amount.LooksLikeMoney
            && active.FirstOrDefault(k => k.Key == effects[0].KpiKey) is { Unit: KpiUnit.Count } count)
        {
            // Same rule as the log command: 50万 as a number of contracts is a deal amount typed in the wrong place.
            errors.Add(text.Get(locale, ResultsTextKeys.FormErrorCountWithMoney, KpiDefaults.NameOf(text, locale, count)));
            amount = null;
        }

        var customer = string.IsNullOrWhiteSpace(values.Customer) ? null : values.Customer.Trim();
        var note = string.IsNullOrWhiteSpace(values.Note) ? null : values.Note.Trim();
        if (customer?.Length > ColumnLengths.Customer || note?.Length > ColumnLengths.Note)
        {
            errors.Add(text.Get(locale, ResultsTextKeys.ErrorTooLong, ColumnLengths.Customer, ColumnLengths.Note));
        }

        var date = today;
        if (!string.IsNullOrWhiteSpace(values.Date) && !LogResultForm.TryParseDate(values.Date, out date))
        {
            errors.Add(text.Get(locale, ResultsTextKeys.FormErrorDate));
        }
        else if (date > today)
        {
            errors.Add(text.Get(locale, ResultsTextKeys.FormErrorFuture));
        }

        if (effects is null || amount is null)
        {
            return (null, errors);
        }

        // The written amount goes to the KPIs without a fixed amount; money takes cents, counts whole numbers.
        var amounts = effects.Select(e => new KpiAmount(e.KpiKey, e.FixedAmount ?? amount.Value)).ToList();
        var resolution = await log.ResolveAsync(amounts, amount.Currency, cancellationToken).ConfigureAwait(false);
        if (resolution.Refusal != LogRefusal.None)
        {
            errors.Add(LogCommand.RefusalText(text, locale, resolution, choice ?? string.Empty, amount.Currency, active));
            return (null, errors);
        }

        var written = resolution.Amounts.Where((_, i) => effects[i].FixedAmount is null).ToList();
        if (written.Any(a => amount.Decimals > (a.Kpi.Unit == KpiUnit.Count ? 0 : 2)))
        {
            errors.Add(text.Get(locale, ResultsTextKeys.ErrorTooPrecise, typed));
        }

        return errors.Count > 0 ? (null, errors) : (new FormRequest(resolution.Amounts, date, customer, note), errors);
    }
}

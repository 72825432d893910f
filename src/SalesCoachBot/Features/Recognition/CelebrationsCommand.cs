using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SalesCoachBot.Contacts;
using SalesCoachBot.Data;
using SalesCoachBot.Localization;
using SalesCoachBot.Sales;
using SalesCoachBot.Teams.Activities;
using SalesCoachBot.Teams.Cards;
using SalesCoachBot.Teams.Routing;

namespace SalesCoachBot.Features.Recognition;

/// <summary>The celebration settings card's fields as shown or submitted (text), so a rejected form keeps what was typed.</summary>
internal sealed record CelebrationSettingsForm(bool BigDeals, bool RepTargets, bool TeamTargets, string Threshold)
{
    public static CelebrationSettingsForm Of(CelebrationSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return new(settings.BigDeals, settings.RepTargets, settings.TeamTargets,
            settings.BigDealThreshold is { } amount ? amount.ToString("0.##", CultureInfo.InvariantCulture) : string.Empty);
    }
}

/// <summary>The deal KPI as the settings card names it: its name and currency, in the card's language.</summary>
internal sealed record DealKpiLabel(string Name, string Currency);

/// <summary>
/// The team's celebration settings: the three switches and the big-deal amount, with Save (Action.Execute, with the
/// Action.Submit fallback; managers only — the action says so to others).
/// </summary>
internal static class CelebrationSettingsCard
{
    public const string SaveVerb = "recognition.celebrations.save";
    public const string TeamIdKey = "teamId";
    public const string BigDealsField = "bigDeals";
    public const string RepTargetsField = "repTargets";
    public const string TeamTargetsField = "teamTargets";
    public const string ThresholdField = "bigDealThreshold";

    public static AdaptiveCard Build(
        BotText text, string? locale, long teamId, string teamName, CelebrationSettingsForm form, DealKpiLabel? dealKpi, bool saved = false, string? error = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(form);
        List<CardElement> body =
        [
            new TextBlock(text.Get(locale, CelebrationTextKeys.SettingsTitle, teamName)) { Size = TextSize.Large, Weight = TextWeight.Bolder, Wrap = true },
        ];
        if (saved)
        {
            body.Add(new TextBlock("✔ " + text.Get(locale, CelebrationTextKeys.SettingsSaved)) { Color = TextColor.Good, Weight = TextWeight.Bolder, Wrap = true });
        }

        body.Add(new TextBlock(text.Get(locale, CelebrationTextKeys.SettingsNote)) { IsSubtle = true, Wrap = true, Spacing = Spacing.Small });
        body.Add(Toggle(text, locale, BigDealsField, CelebrationTextKeys.SettingsBigDeals, form.BigDeals));
        if (dealKpi is not null)
        {
            body.Add(new TextInput(ThresholdField)
            {
                Label = text.Get(locale, CelebrationTextKeys.SettingsThreshold, dealKpi.Name, dealKpi.Currency),
                Value = form.Threshold,
                Placeholder = "500000",
                MaxLength = 20,
            });
            body.Add(new TextBlock(text.Get(locale, CelebrationTextKeys.SettingsThresholdNote)) { IsSubtle = true, Size = TextSize.Small, Wrap = true, Spacing = Spacing.None });
            if (error is not null)
            {
                body.Add(new TextBlock(error) { Color = TextColor.Attention, Size = TextSize.Small, Wrap = true, Spacing = Spacing.None });
            }
        }
        else
        {
            body.Add(new TextBlock(text.Get(locale, CelebrationTextKeys.SettingsNoDealKpi)) { IsSubtle = true, Size = TextSize.Small, Wrap = true, Spacing = Spacing.None });
        }

        body.Add(Toggle(text, locale, RepTargetsField, CelebrationTextKeys.SettingsRepTargets, form.RepTargets));
        body.Add(Toggle(text, locale, TeamTargetsField, CelebrationTextKeys.SettingsTeamTargets, form.TeamTargets));
        body.Add(new TextBlock(text.Get(locale, CelebrationTextKeys.SettingsManagersOnly)) { IsSubtle = true, Size = TextSize.Small, Wrap = true, Separator = true });
        return new AdaptiveCard
        {
            Body = body,
            FallbackText = text.Get(locale, CelebrationTextKeys.SettingsTitle, teamName),
            Actions =
            [
                new ExecuteAction(SaveVerb, text.Get(locale, CelebrationTextKeys.SettingsSave),
                    new Dictionary<string, object?> { [TeamIdKey] = teamId.ToString(CultureInfo.InvariantCulture) }) { Style = ActionStyle.Positive },
            ],
        };
    }

    private static ToggleInput Toggle(BotText text, string? locale, string id, string labelKey, bool on) =>
        new(id, text.Get(locale, labelKey)) { Value = on ? "true" : "false", ValueOn = "true", ValueOff = "false", Wrap = true };

    /// <summary>The submitted fields; a switch that is missing or not "true"/"false" keeps <paramref name="current"/>'s value.</summary>
    public static CelebrationSettingsForm Read(CardAction action, CelebrationSettingsForm current)
    {
        ArgumentNullException.ThrowIfNull(action);
        ArgumentNullException.ThrowIfNull(current);
        return new CelebrationSettingsForm(
            Switch(action, BigDealsField) ?? current.BigDeals,
            Switch(action, RepTargetsField) ?? current.RepTargets,
            Switch(action, TeamTargetsField) ?? current.TeamTargets,
            action.GetString(ThresholdField) ?? current.Threshold);
    }

    /// <summary>The threshold as typed (500000, 50万, ¥50万): null when empty (none), false when it is not an amount above zero.</summary>
    public static bool TryReadThreshold(string? typed, out decimal? threshold)
    {
        threshold = null;
        if (string.IsNullOrWhiteSpace(typed))
        {
            return true;
        }

        if (!AmountParser.TryParse(typed, out decimal amount, out _))
        {
            return false;
        }

        // Kept to the cent, as amounts are stored: a fraction of a cent is no amount at all.
        var cents = Math.Round(amount, 2);
        if (cents <= 0m || cents > CelebrationStore.MaxThreshold)
        {
            return false;
        }

        threshold = cents;
        return true;
    }

    private static bool? Switch(CardAction action, string field) =>
        action.Data.ValueKind == JsonValueKind.Object && action.Data.TryGetProperty(field, out var value)
            ? value.ValueKind switch
            {
                JsonValueKind.True => true,
                JsonValueKind.False => false,
                JsonValueKind.String when bool.TryParse(value.GetString(), out var parsed) => parsed,
                _ => null,
            }
            : null;
}

/// <summary>
/// <c>celebrations</c> · <c>庆祝</c>, in a team channel or the 1:1 chat (naming the team first when the member is in
/// several): the team's celebration settings card. Everyone in the team may look; only its managers may save.
/// </summary>
internal sealed class CelebrationsCommand(RecognitionTeams teams, CelebrationStore store, BotText text) : ICommandHandler
{
    public const string Word = "celebrations";
    public const string ChineseWord = "庆祝";

    public static HelpTopic Topic { get; } =
        new(Word, ChineseWord, HelpScopes.Personal | HelpScopes.Channel, CelebrationTextKeys.Help, CelebrationTextKeys.Args);

    public async Task HandleAsync(TurnContext turn, string arguments, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var locale = turn.Locale;
        if (turn.Scope is not (ConversationTypes.Channel or ConversationTypes.Personal))
        {
            await turn.SendAsync(Plain(TurnGuard.WhereItWorks(text, locale, Topic, turn.CommandWord)), cancellationToken).ConfigureAwait(false);
            return;
        }

        if (!turn.TryGetMember(out var tenantId, out var caller))
        {
            await turn.SendTextAsync(TurnGuard.NoMember(text, locale), cancellationToken).ConfigureAwait(false);
            return;
        }

        var choice = await teams.ChooseAsync(turn, tenantId, caller.Id, turn.IsPersonal ? TypedText.Normalize(arguments) : string.Empty, mustName: true,
            CelebrationTextKeys.Example, cancellationToken).ConfigureAwait(false);
        if (choice.Team is not { } team)
        {
            await turn.SendAsync(Plain(choice.Refusal!), cancellationToken).ConfigureAwait(false);
            return;
        }

        var settings = await store.SettingsAsync(team.Id, cancellationToken).ConfigureAwait(false);
        var dealKpi = await DealKpiLabelAsync(store, text, locale, cancellationToken).ConfigureAwait(false);
        var card = CelebrationSettingsCard.Build(text, locale, team.Id, team.Name, CelebrationSettingsForm.Of(settings), dealKpi);
        await turn.SendAsync(Activity.CreateCard(card, card.FallbackText), cancellationToken).ConfigureAwait(false);
    }

    internal static async Task<DealKpiLabel?> DealKpiLabelAsync(CelebrationStore store, BotText text, string? locale, CancellationToken cancellationToken) =>
        await store.DealKpiAsync(cancellationToken).ConfigureAwait(false) is { } kpi
            ? new DealKpiLabel(KpiDefaults.NameOf(text, locale, kpi), SalesFormat.CurrencyName(text, locale, kpi.Currency))
            : null;

    // Refusals quote team names people typed: plain, so Teams shows them as typed.
    private static Activity Plain(string message)
    {
        var reply = Activity.CreateMessage(message);
        reply.TextFormat = "plain";
        return reply;
    }
}

/// <summary>
/// Save on the celebration settings card (<see cref="CelebrationSettingsCard.SaveVerb"/>): the team is the one the card
/// names, checked again in the turn's tenant; only its managers (or a tenant admin) save, everyone else is told so and
/// nothing changes. A bad amount comes back under its field with nothing saved.
/// </summary>
internal sealed class SaveCelebrationsAction(SalesCoachDbContext db, CelebrationStore store, TeamAccess access, BotText text) : ICardActionHandler
{
    public async Task<CardActionResult> HandleAsync(TurnContext turn, CardAction action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(action);
        var locale = turn.Locale;
        if (!turn.TryGetMember(out var tenantId, out var caller))
        {
            return CardActionResult.Text(TurnGuard.NoMember(text, locale));
        }

        db.ForTenant(tenantId);
        var team = long.TryParse(action.GetString(CelebrationSettingsCard.TeamIdKey), NumberStyles.None, CultureInfo.InvariantCulture, out var teamId)
            ? await db.SalesTeams.AsNoTracking().FirstOrDefaultAsync(t => t.Id == teamId && t.ArchivedAt == null, cancellationToken).ConfigureAwait(false)
            : null;
        if (team is null)
        {
            return CardActionResult.Text(text.Get(locale, CelebrationTextKeys.TeamGone));
        }

        // Guests never manage a team's settings, whatever their role (as everywhere in recognition).
        if (await access.IsGuestAsync(tenantId, caller.Id, cancellationToken).ConfigureAwait(false)
            || !await access.CanManageAsync(tenantId, caller.Id, team.Id, cancellationToken).ConfigureAwait(false))
        {
            return CardActionResult.Text(text.Get(locale, CelebrationTextKeys.OnlyManagers, team.Name));
        }

        var current = await store.SettingsAsync(team.Id, cancellationToken).ConfigureAwait(false);
        var form = CelebrationSettingsCard.Read(action, CelebrationSettingsForm.Of(current));
        var dealKpi = await CelebrationsCommand.DealKpiLabelAsync(store, text, locale, cancellationToken).ConfigureAwait(false);
        if (!CelebrationSettingsCard.TryReadThreshold(form.Threshold, out var threshold))
        {
            return CardActionResult.UpdateCard(CelebrationSettingsCard.Build(text, locale, team.Id, team.Name, form, dealKpi,
                error: text.Get(locale, CelebrationTextKeys.SettingsBadThreshold)));
        }

        var settings = new CelebrationSettings(form.BigDeals, form.RepTargets, form.TeamTargets, threshold);
        await store.SaveSettingsAsync(tenantId, team.Id, settings, cancellationToken).ConfigureAwait(false);
        return CardActionResult.UpdateCard(CelebrationSettingsCard.Build(text, locale, team.Id, team.Name, CelebrationSettingsForm.Of(settings), dealKpi, saved: true));
    }
}

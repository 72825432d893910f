using Microsoft.Extensions.Options;
using SalesCoachBot.Teams.Connector;
using SalesCoachBot.Teams.Hosting;
using SalesCoachBot.Teams.Routing;

namespace SalesCoachBot.Contacts;

/// <summary>
/// Runs first on every turn: binds the store to the turn's tenant, records the sender and the conversation
/// reference (proactive messages need it), and leaves the turn's <see cref="TurnIdentity"/> (tenant and
/// member) and its locale. Register with <c>routes.Use&lt;ContactRecorder&gt;()</c>.
/// </summary>
internal sealed partial class ContactRecorder(ContactDirectory directory, IOptions<TeamsBotOptions> bot, IOptions<ContactOptions> options, ILogger<ContactRecorder> logger) : ITurnMiddleware
{
    public async Task OnTurnAsync(TurnContext turn, Func<Task> next, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(next);

        var tenantId = TenantOf(turn);
        if (tenantId is null)
        {
            LogNoTenant(logger, turn.Activity.Type);
            await next().ConfigureAwait(false);
            return;
        }

        var member = await directory.RecordAsync(turn.Activity, tenantId, token => EmailOfSenderAsync(turn, token), cancellationToken).ConfigureAwait(false);
        turn.Set(new TurnIdentity(tenantId, member));
        turn.Locale = LocaleFor(member?.PreferredLocale, turn.Activity.Locale, member?.Locale);
        await next().ConfigureAwait(false);
    }

    /// <summary>
    /// The one locale rule: a language the member chose in settings wins, then the Teams client's language of this
    /// activity, then the one last recorded for the member.
    /// </summary>
    public static string? LocaleFor(string? chosen, string? activityLocale, string? lastSeen) => chosen ?? activityLocale ?? lastSeen;

    // Teams puts no e-mail on activities; the member look-up has it. Only asked to link an imported member.
    private async Task<string?> EmailOfSenderAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var activity = turn.Activity;
        if (activity.ServiceUrl is not { Length: > 0 } serviceUrl || activity.Conversation?.Id is not { Length: > 0 } conversationId || activity.From?.Id is not { Length: > 0 } userId)
        {
            return null;
        }

        try
        {
            var account = await turn.Connector.GetMemberAsync(serviceUrl, conversationId, userId, activity.TenantId, cancellationToken).ConfigureAwait(false);
            return account.Email ?? account.UserPrincipalName;
        }
        catch (ConnectorException exception)
        {
            LogEmailLookupFailed(logger, exception.Failure);
            return null;
        }
    }

    private string? TenantOf(TurnContext turn)
    {
        var tenantId = turn.Activity.TenantId?.Trim();
        if (!string.IsNullOrEmpty(tenantId))
        {
            return tenantId.Length <= Data.ColumnLengths.TenantId ? tenantId : null;
        }

        return bot.Value.IsLocalDevelopment ? options.Value.LocalDevelopmentTenantId : null;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Could not read a new member's e-mail ({Failure}); an imported row is not linked by e-mail")]
    private static partial void LogEmailLookupFailed(ILogger logger, ConnectorFailure failure);

    [LoggerMessage(Level = LogLevel.Debug, Message = "A {Type} activity without a usable tenant: no member recorded")]
    private static partial void LogNoTenant(ILogger logger, string? type);
}

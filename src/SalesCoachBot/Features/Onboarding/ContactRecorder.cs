using Microsoft.Extensions.Options;
using SalesCoachBot.Teams.Hosting;
using SalesCoachBot.Teams.Routing;

namespace SalesCoachBot.Features.Onboarding;

/// <summary>
/// Runs first on every turn: binds the store to the turn's tenant, records the sender and the conversation
/// reference (proactive messages need it), and leaves the member (<see cref="TurnContactExtensions.GetMember"/>),
/// the tenant and the locale on the turn. Register with <c>routes.Use&lt;ContactRecorder&gt;()</c>.
/// </summary>
public sealed partial class ContactRecorder : ITurnMiddleware
{
    private readonly ContactDirectory _directory;
    private readonly IOptions<TeamsBotOptions> _bot;
    private readonly IOptions<ContactOptions> _options;
    private readonly ILogger<ContactRecorder> _logger;

    public ContactRecorder(ContactDirectory directory, IOptions<TeamsBotOptions> bot, IOptions<ContactOptions> options, ILogger<ContactRecorder> logger)
    {
        _directory = directory;
        _bot = bot;
        _options = options;
        _logger = logger;
    }

    public async Task OnTurnAsync(TurnContext turn, Func<Task> next, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(next);

        var tenantId = TenantOf(turn);
        if (tenantId is null)
        {
            LogNoTenant(_logger, turn.Activity.Type);
            turn.Locale ??= turn.Activity.Locale;
            await next().ConfigureAwait(false);
            return;
        }

        turn.Items[TurnContactExtensions.TenantKey] = tenantId;
        var member = await _directory.RecordAsync(turn.Activity, tenantId, cancellationToken).ConfigureAwait(false);
        turn.Items[TurnContactExtensions.MemberKey] = member;
        turn.Locale = member?.PreferredLocale ?? turn.Activity.Locale ?? member?.Locale ?? turn.Locale;
        await next().ConfigureAwait(false);
    }

    private string? TenantOf(TurnContext turn)
    {
        var tenantId = turn.TenantId?.Trim();
        if (!string.IsNullOrEmpty(tenantId))
        {
            return tenantId.Length <= Data.ColumnLengths.TenantId ? tenantId : null;
        }

        return _bot.Value.IsLocalDevelopment ? _options.Value.LocalDevelopmentTenantId : null;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "A {Type} activity without a usable tenant: no member recorded")]
    private static partial void LogNoTenant(ILogger logger, string? type);
}

using SalesCoachBot.Contacts;
using SalesCoachBot.Data;
using SalesCoachBot.Exports;
using SalesCoachBot.Localization;
using SalesCoachBot.Sales;
using SalesCoachBot.Teams.Activities;
using SalesCoachBot.Teams.Files;
using SalesCoachBot.Teams.Routing;

namespace SalesCoachBot.Features.Exports;

/// <summary>
/// <c>export [scorecard|results] [period] [xlsx|csv] [team]</c> · <c>导出 [绩效|业绩] [上月] [xlsx|csv] [团队]</c>, in the 1:1
/// chat only (the files hold private numbers), for the managers of a team (and tenant admins). A manager of several teams
/// names one. The answer is a file consent card (Teams saves the accepted file in the person's OneDrive, see
/// <see cref="ExportConsentHandler"/>) and, in the same message, a short-lived download link for clients without file
/// consent (mobile, the Agents Playground) or a decline. Period default: last month, on the team's today.
/// </summary>
internal sealed class ExportCommand(
    TeamAccess access, ExportFiles files, ExportSigner signer, ExportLinks links, SalesClock clock, BotText text) : ICommandHandler
{
    public const string Word = "export";
    public const string ChineseWord = "导出";

    /// <summary>Also routed: 下载 (download), as people also say it.</summary>
    public const string DownloadWord = "下载";

    public static HelpTopic Topic { get; } = new(Word, ChineseWord, HelpScopes.Personal, ExportsTextKeys.Help, ExportsTextKeys.Args)
    {
        OtherWords = [DownloadWord],
    };

    public async Task HandleAsync(TurnContext turn, string arguments, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var locale = turn.Locale;
        if (!turn.IsPersonal)
        {
            // Whoever asks: a file of the team's numbers never goes to a channel or group chat.
            await turn.SendAsync(Plain(text.Get(locale, ExportsTextKeys.NotInChannel)), cancellationToken).ConfigureAwait(false);
            return;
        }

        if (!turn.TryGetMember(out var tenantId, out var caller))
        {
            await turn.SendTextAsync(TurnGuard.NoMember(text, locale), cancellationToken).ConfigureAwait(false);
            return;
        }

        var answer = await AnswerAsync(turn, tenantId, caller.Id, arguments, cancellationToken).ConfigureAwait(false);
        await turn.SendAsync(answer, cancellationToken).ConfigureAwait(false);
    }

    private async Task<Activity> AnswerAsync(TurnContext turn, string tenantId, long callerId, string arguments, CancellationToken cancellationToken)
    {
        var locale = turn.Locale;
        if (await access.IsGuestAsync(tenantId, callerId, cancellationToken).ConfigureAwait(false))
        {
            return Plain(text.Get(locale, ExportsTextKeys.Guest));
        }

        var managed = await access.ManagedTeamsAsync(tenantId, callerId, cancellationToken).ConfigureAwait(false);
        if (managed.Count == 0)
        {
            return Plain(text.Get(locale, ExportsTextKeys.OnlyManagers));
        }

        var typed = ExportRequestParser.Parse(arguments, clock.TodayIn(TimeZoneInfo.Utc));
        var names = BotText.List(locale, managed.Select(t => t.Name));
        SalesTeam team;
        if (typed.Team.Length > 0)
        {
            if (TeamAccess.Named(managed, typed.Team) is not { } named)
            {
                return Plain(managed.Count == 1 && typed.Period.Length == 0
                    ? text.Get(locale, ExportsTextKeys.UnknownPeriod, BotText.Quote(typed.Team))
                    : text.Get(locale, ExportsTextKeys.NoTeamNamed, BotText.Quote(typed.Team), names));
            }

            team = named;
        }
        else if (managed.Count > 1)
        {
            return Plain(text.Get(locale, ExportsTextKeys.SeveralTeams, managed.Count, names, managed[0].Name));
        }
        else
        {
            team = managed[0];
        }

        if (await files.TeamAsync(tenantId, team.Id, cancellationToken).ConfigureAwait(false) is not { } live)
        {
            return Plain(text.Get(locale, ExportsTextKeys.NoTeam));
        }

        SalesPeriod period;
        if (typed.Period.Length == 0)
        {
            period = ExportFiles.DefaultPeriod(live.Today);
        }
        else if (!PeriodWords.TryRead(typed.Period, live.Today, YearlessPeriod.Back, out period))
        {
            return Plain(text.Get(locale, ExportsTextKeys.UnknownPeriod, BotText.Quote(typed.Period)));
        }

        var language = BotText.Resolve(locale);
        var ticket = signer.Issue(tenantId, callerId, typed.Kind, team.Id, PeriodWords.Key(period), typed.Format, language);
        var (file, refusal) = await files.BuildForAsync(ticket, cancellationToken).ConfigureAwait(false);
        if (file is null)
        {
            return Plain(text.Get(locale, refusal switch
            {
                ExportRefusal.TooLarge => ExportsTextKeys.TooLarge,
                ExportRefusal.NoTeam => ExportsTextKeys.NoTeam,
                _ => ExportsTextKeys.OnlyManagers,
            }));
        }

        var what = text.Get(locale, ExportsTextKeys.Description,
            text.Get(locale, typed.Kind == ExportKinds.Results ? ExportsTextKeys.KindResults : ExportsTextKeys.KindScorecard),
            live.Name, SalesFormat.PeriodName(text, locale, period));
        var token = signer.Sign(ticket);
        var context = new Dictionary<string, string>(StringComparer.Ordinal) { [ExportConsentHandler.TokenKey] = token };
        var reply = Activity.CreateMessage(text.Get(locale, ExportsTextKeys.Ready, file.FileName, links.LifetimeMinutes, file.FileName, links.For(ticket)));
        reply.TextFormat = "markdown";
        reply.Attachments = [FileConsent.ConsentAttachment(file.FileName, new FileConsentCard(what, file.Content.LongLength, context, context))];
        return reply;
    }

    // Answers may quote what the user typed: plain, so Teams shows it as typed.
    internal static Activity Plain(string message)
    {
        var reply = Activity.CreateMessage(message);
        reply.TextFormat = "plain";
        return reply;
    }
}

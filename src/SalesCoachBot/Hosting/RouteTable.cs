using SalesCoachBot.Contacts;
using SalesCoachBot.Features.Commission;
using SalesCoachBot.Features.Exports;
using SalesCoachBot.Features.Feedback;
using SalesCoachBot.Features.Help;
using SalesCoachBot.Features.Imports;
using SalesCoachBot.Features.Kpis;
using SalesCoachBot.Features.Meetings;
using SalesCoachBot.Features.Onboarding;
using SalesCoachBot.Features.Recognition;
using SalesCoachBot.Features.Scorecards;
using SalesCoachBot.Features.SalesResults;
using SalesCoachBot.Features.SalesTeams;
using SalesCoachBot.Features.Settings;
using SalesCoachBot.Features.Targets;
using SalesCoachBot.Features.TeamProgress;
using SalesCoachBot.Localization;
using SalesCoachBot.Sales;
using SalesCoachBot.Teams.Activities;
using SalesCoachBot.Teams.Files;
using SalesCoachBot.Teams.Hosting;

namespace SalesCoachBot.Hosting;

/// <summary>
/// The index of everything the bot answers: middleware in order, conversation events, text commands (English and
/// Chinese word, then the other words people use for it, which the command's help topic also lists), card action verbs
/// and the fallback. The router matches the longest word first, so <c>设置目标</c> is never <c>设置</c> + 目标. One place, so a new command is one line here plus its feature's
/// registration; the router throws at start on a word or verb registered twice.
/// </summary>
internal static class RouteTable
{
    public static void Map(IServiceCollection services) =>
        services.AddTeamsBot()
            // Who is who first: every handler after it finds the turn's TurnIdentity and locale.
            .Use<ContactRecorder>()
            .Use<FileUploadReceiver>()

            .OnActivity<ConversationEventsHandler>(ActivityTypes.InstallationUpdate)
            .OnActivity<ConversationEventsHandler>(ActivityTypes.ConversationUpdate)

            .OnCommand<HelpCommand>(HelpCommand.Word, HelpCommand.ChineseWord)
            .OnCardAction<ShowHelpAction>(HelpTopic.ShowHelpVerb)

            .OnCommand<ManagerCommand>(ManagerCommand.Word, ManagerCommand.ChineseWord)

            .OnCommand<SettingsCommand>(SettingsTurn.Word, SettingsTurn.ChineseWord)
            .OnCardAction<SaveSettingsAction>(SettingsCard.SaveVerb)
            .OnCardAction<OptOutAction>(OptOutActions.Verb)

            .OnCommand<TargetsCommand>(
                TargetsCommand.Word, TargetsCommand.ChineseWord, TargetsCommand.ProgressWord, TargetsCommand.ResultsWord, TargetsCommand.PercentDoneWord)
            .OnCardAction<TargetsPeriodAction>(ProgressCardActions.PeriodVerb)
            .OnCommand<SetTargetCommand>(SetTargetCommand.Word, SetTargetCommand.ChineseWord, SetTargetCommand.OtherChineseWord)
            .OnCardAction<SetTargetPickAction>(SetTargetPickCard.PickVerb)

            .OnCommand<LogCommand>(LogCommand.Word, LogCommand.ChineseWord)
            .OnCommand<UndoCommand>(UndoCommand.Word, UndoCommand.ChineseWord, UndoCommand.RecallWord, UndoCommand.CancelWord)
            .OnCardAction<ShowLogFormAction>(LogResultForm.ShowVerb)
            .OnCardAction<SubmitLogFormAction>(LogResultForm.SubmitVerb)

            .OnCardAction<ConfirmImportAction>(ImportCard.ConfirmVerb)
            .OnCardAction<CancelImportAction>(ImportCard.CancelVerb)

            .OnCommand<TeamCommand>(TeamProgressCommands.TeamWord, TeamProgressCommands.TeamChineseWord)
            .OnCardAction<TeamPeriodAction>(TeamCard.PeriodVerb)
            .OnCommand<LeaderboardCommand>(
                TeamProgressCommands.LeaderboardWord, TeamProgressCommands.LeaderboardChineseWord, TeamProgressCommands.LeaderboardRankingWord)
            .OnCardAction<LeaderboardViewAction>(LeaderboardCard.ViewVerb)

            .OnCommand<PraiseCommand>(PraiseCommand.Word, PraiseCommand.ChineseWord, PraiseCommand.LikeWord, PraiseCommand.CommendWord, PraiseCommand.PrivateWord)
            .OnCardAction<OpenPraiseFormAction>(PraiseFormActions.OpenVerb)
            .OnCardAction<SendPraiseFormAction>(PraiseForm.SubmitVerb)
            .OnCardAction<CancelPraiseFormAction>(PraiseForm.CancelVerb)
            .OnCommand<ValuesCommand>(ValuesCommand.Word, ValuesCommand.ChineseWord)
            .OnCommand<RecognitionBoardCommand>(
                RecognitionBoardCommand.Word, RecognitionBoardCommand.ChineseWord, RecognitionBoardCommand.RankingWord, RecognitionBoardCommand.RankingBoardWord)
            .OnCommand<CelebrationsCommand>(CelebrationsCommand.Word, CelebrationsCommand.ChineseWord)
            .OnCardAction<SaveCelebrationsAction>(CelebrationSettingsCard.SaveVerb)
            .OnCommand<FeedbackCommand>(FeedbackCommand.Word, FeedbackCommand.ChineseWord)
            .OnCardAction<AcknowledgeFeedbackAction>(FeedbackCards.AcknowledgeVerb)
            .OnCardAction<MoreFeedbackAction>(FeedbackCards.MoreVerb)
            .OnCardAction<ShowFeedbackFormAction>(FeedbackForm.ShowVerb)
            .OnCardAction<SendFeedbackFormAction>(FeedbackForm.SubmitVerb)
            .OnCardAction<SnoozeNudgeAction>(FeedbackNudgeCard.SnoozeVerb)

            .OnCommand<MeetingCommand>(MeetingCommand.Word, MeetingCommand.ChineseWord)
            .OnCommand<AgendaCommand>(AgendaCommand.Word, AgendaCommand.ChineseWord)
            .OnCommand<ActionCommand>(ActionCommand.Word, ActionCommand.ListWord, ActionCommand.ChineseWord)
            .OnCommand<DoneCommand>(DoneCommand.Word, DoneCommand.ChineseWord)
            .OnCardAction<OpenActionFormAction>(ActionForm.OpenVerb)
            .OnCardAction<SendActionFormAction>(ActionForm.SubmitVerb)
            .OnCardAction<CancelActionFormAction>(ActionForm.CancelVerb)
            .OnCardAction<DoneActionItemAction>(ActionForm.DoneVerb)

            // Scorecards (issue 13 point 2).
            .OnCommand<ScorecardCommand>(ScorecardCommand.Word, ScorecardCommand.ChineseWord, ScorecardCommand.PluralWord, ScorecardCommand.ChineseCardWord)
            // Commission (issue 13, point 4).
            .OnCommand<CommissionCommand>(CommissionCommand.Word, CommissionCommand.ChineseWord)
            .OnCommand<KpiCommand>(KpiCommand.Word, KpiCommand.ChineseWord, KpiCommand.PluralWord)
            // Exports (issue 13 point 3): the command and the answer to its file consent card.
            .OnCommand<ExportCommand>(ExportCommand.Word, ExportCommand.ChineseWord, ExportCommand.DownloadWord)
            .OnInvoke<ExportConsentHandler>(FileConsent.InvokeName)

            .OnFallback<HelpFallback>()

            // A turn that throws: the person gets this apology with the reference id of the logged failure.
            .OnTurnError<TurnErrorApology>();
}

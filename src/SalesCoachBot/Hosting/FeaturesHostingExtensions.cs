using SalesCoachBot.Features.SalesResults;
using SalesCoachBot.Features.Help;
using SalesCoachBot.Features.Imports;
using SalesCoachBot.Features.Onboarding;
using SalesCoachBot.Features.Settings;
using SalesCoachBot.Features.Targets;
using SalesCoachBot.Features.TeamProgress;
using SalesCoachBot.Integrations.Graph;
using SalesCoachBot.Localization;
using SalesCoachBot.Teams.Activities;
using SalesCoachBot.Teams.Hosting;

namespace SalesCoachBot.Hosting;

internal static class FeaturesHostingExtensions
{
    /// <summary>The bot's routes and the features behind them. Each feature adds its commands, help topics and texts here.</summary>
    public static WebApplicationBuilder AddFeatures(this WebApplicationBuilder builder)
    {
        builder.Services.AddBotText();
        builder.Services.AddHelp();
        builder.Services.AddSettings();
        builder.Services.AddOnboarding();
        builder.Services.AddGraph();
        builder.Services.AddSalesResults();
        builder.Services.AddHelpTopic(ManagerCommand.Topic);
        builder.Services.AddScoped<TargetsViewBuilder>();
        builder.Services.AddHelpTopic(TargetsViewBuilder.Topic);
        builder.Services.AddResultLogging();
        builder.Services.AddImports();
        builder.Services.AddTeamProgress();

        builder.Services.AddTeamsBot()
            .Use<ContactRecorder>()
            .Use<FileUploadReceiver>()
            .OnActivity<ConversationEventsHandler>(ActivityTypes.InstallationUpdate)
            .OnActivity<ConversationEventsHandler>(ActivityTypes.ConversationUpdate)
            .OnCommand<ManagerCommand>(ManagerCommand.Word, ManagerCommand.ChineseWord)
            .OnCommand<HelpCommand>("help", "帮助")
            .OnCardAction<ShowHelpAction>(HelpCard.ShowHelpVerb)
            .OnCommand<SettingsCommand>("settings", "设置")
            .OnCardAction<SaveSettingsAction>(SettingsCard.SaveVerb)
            .OnCommand<TargetsCommand>("targets", "目标")
            .OnCardAction<TargetsPeriodAction>(TargetsCard.PeriodVerb)
            .OnCommand<LogCommand>(LogCommand.Word, LogCommand.ChineseWord)
            .OnCommand<UndoCommand>(UndoCommand.Word, UndoCommand.ChineseWord)
            .OnCardAction<ShowLogFormAction>(LogResultForm.ShowVerb)
            .OnCardAction<SubmitLogFormAction>(LogResultForm.SubmitVerb)
            .OnCardAction<ConfirmImportAction>(ImportCard.ConfirmVerb)
            .OnCardAction<CancelImportAction>(ImportCard.CancelVerb)
            .OnCommand<SetTargetCommand>(SetTargetCommand.Word, SetTargetCommand.ChineseWord)
            .OnCommand<TeamCommand>(TeamProgressCommands.TeamWord, TeamProgressCommands.TeamChineseWord)
            .OnCardAction<TeamPeriodAction>(TeamCard.PeriodVerb)
            .OnCommand<LeaderboardCommand>(TeamProgressCommands.LeaderboardWord, TeamProgressCommands.LeaderboardChineseWord)
            .OnCardAction<LeaderboardViewAction>(LeaderboardCard.ViewVerb)
            .OnFallback<HelpFallback>();

        return builder;
    }
}

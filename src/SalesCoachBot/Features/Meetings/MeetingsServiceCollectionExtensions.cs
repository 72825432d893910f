using Microsoft.Extensions.DependencyInjection.Extensions;
using SalesCoachBot.Integrations.Graph;
using SalesCoachBot.Sales;
using SalesCoachBot.Scheduling;

namespace SalesCoachBot.Features.Meetings;

internal static class MeetingsServiceCollectionExtensions
{
    /// <summary>
    /// The weekly meeting: its store, team choice, agenda reader, the desk that posts and updates agendas and reminders,
    /// the per-team recurring jobs (created when a manager sets the meeting, and applied again from the stored series at
    /// start) and the help lines.
    /// </summary>
    public static IServiceCollection AddMeetings(this IServiceCollection services)
    {
        services.AddScoped<MeetingStore>();
        services.AddScoped<MeetingTeams>();
        services.AddScoped<AgendaReader>();
        services.AddScoped<MeetingDesk>();
        services.AddScoped<MeetingJobs>();
        services.AddScoped<MeetingAgendaJob>();
        services.AddScoped<MeetingReminderJob>();
        services.AddHostedService<MeetingJobsSync>();
        // The team calendar (Microsoft Graph) is off unless AddGraph found credentials.
        services.TryAddSingleton<ITeamCalendar, NoTeamCalendar>();
        services.AddScoped<MeetingCalendar>();

        // The monthly review: its desk and its two daily jobs (scheduled by MeetingJobs with the weekly ones).
        services.AddScoped<ReviewDesk>();
        services.AddScoped<ReviewAgendaJob>();
        services.AddScoped<ReviewReminderJob>();
        services.AddHelpTopic(MeetingCommand.Topic);
        services.AddHelpTopic(AgendaCommand.Topic);

        // Action items (issue 12, point 5): their store, desk, the form's team check, the hourly due reminder and help lines.
        services.AddScoped<ActionItemStore>();
        services.AddScoped<ActionItemDesk>();
        services.AddScoped<ActionCardTeams>();
        services.AddScoped<ActionDueRound>();
        services.AddScoped<ActionDueJob>();
        services.AddRecurringJob<ActionDueJob>(ActionDueJob.RecurringJobId, ActionDueJob.Cron, TimeZoneInfo.Utc, job => job.RunAsync(CancellationToken.None));
        services.AddHelpTopic(ActionCommand.Topic);
        services.AddHelpTopic(ActionCommand.ListTopic);
        services.AddHelpTopic(DoneCommand.Topic);
        return services;
    }

    /// <summary>POST …/teams/{teamsTeamId}/agenda/post and …/review/post on the admin API's tenant group (which checks the key).</summary>
    public static RouteGroupBuilder MapMeetingsAdmin(this RouteGroupBuilder tenant)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        tenant.MapPost("/teams/{teamsTeamId}/agenda/post", MeetingAdminEndpoints.PostAgendaAsync);
        tenant.MapPost("/teams/{teamsTeamId}/review/post", MeetingAdminEndpoints.PostReviewAsync);
        return tenant;
    }
}

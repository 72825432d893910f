using Hangfire;
using Microsoft.EntityFrameworkCore;
using SalesCoachBot.Data;

namespace SalesCoachBot.Features.Meetings;

/// <summary>
/// The two recurring jobs of a team's weekly meeting (agenda and reminder), one id per team and purpose, in the series'
/// IANA zone (Hangfire evaluates the cron there, DST-correct). Through <see cref="IRecurringJobManager"/> from DI, never
/// the static API: a change replaces the jobs, <c>meeting off</c> removes them.
/// </summary>
internal sealed class MeetingJobs(IRecurringJobManager manager)
{
    public static string AgendaJobId(long teamId) => $"meeting-agenda-{teamId}";

    public static string ReminderJobId(long teamId) => $"meeting-reminder-{teamId}";

    public void Schedule(string tenantId, MeetingSeries series)
    {
        ArgumentNullException.ThrowIfNull(series);
        var zone = MeetingClock.Zone(series);
        var teamId = series.SalesTeamId;
        Remove(teamId);
        manager.AddOrUpdate<MeetingAgendaJob>(
            AgendaJobId(teamId), job => job.RunAsync(tenantId, teamId, CancellationToken.None), MeetingClock.AgendaTime(series).Cron,
            new RecurringJobOptions { TimeZone = zone });
        manager.AddOrUpdate<MeetingReminderJob>(
            ReminderJobId(teamId), job => job.RunAsync(tenantId, teamId, CancellationToken.None), MeetingClock.ReminderTime(series).Cron,
            new RecurringJobOptions { TimeZone = zone });
        ScheduleReview(tenantId, series, zone);
    }

    public void Remove(long teamId)
    {
        manager.RemoveIfExists(AgendaJobId(teamId));
        manager.RemoveIfExists(ReminderJobId(teamId));
        manager.RemoveIfExists(ReviewAgendaJobId(teamId));
        manager.RemoveIfExists(ReviewReminderJobId(teamId));
    }

    // The monthly review: two daily jobs in the series' zone, at the local times of day its agenda and reminder are due
    // (ReviewClock); each run posts only on the day it is due. None when the review is off.

    public static string ReviewAgendaJobId(long teamId) => $"meeting-review-{teamId}";

    public static string ReviewReminderJobId(long teamId) => $"meeting-review-reminder-{teamId}";

    private void ScheduleReview(string tenantId, MeetingSeries series, TimeZoneInfo zone)
    {
        var teamId = series.SalesTeamId;
        if (series.ReviewLocalTime is not { } reviewTime)
        {
            return;
        }

        manager.AddOrUpdate<ReviewAgendaJob>(
            ReviewAgendaJobId(teamId), job => job.RunAsync(tenantId, teamId, CancellationToken.None), ReviewClock.DailyCron(reviewTime, series.AgendaLeadMinutes),
            new RecurringJobOptions { TimeZone = zone });
        manager.AddOrUpdate<ReviewReminderJob>(
            ReviewReminderJobId(teamId), job => job.RunAsync(tenantId, teamId, CancellationToken.None), ReviewClock.DailyCron(reviewTime, series.ReminderLeadMinutes),
            new RecurringJobOptions { TimeZone = zone });
    }
}

/// <summary>
/// Posts a team's agenda a lead time before its meeting (and on the dashboard's "Trigger now"): for the next occurrence,
/// once (the outbox key), nothing when that week is skipped or the meeting was stopped meanwhile.
/// </summary>
internal sealed partial class MeetingAgendaJob(MeetingDesk desk, ILogger<MeetingAgendaJob> logger)
{
    public async Task RunAsync(string tenantId, long salesTeamId, CancellationToken cancellationToken)
    {
        var post = await desk.PostAgendaAsync(tenantId, salesTeamId, cancellationToken).ConfigureAwait(false);
        LogRan(logger, salesTeamId, post.Date, post.Outcome);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Meeting agenda of sales team {TeamId} for {Date}: {Outcome}")]
    private static partial void LogRan(ILogger logger, long teamId, DateOnly date, MeetingPostOutcome outcome);
}

/// <summary>Posts the reminder shortly before a team's meeting: once per occurrence, nothing when skipped.</summary>
internal sealed partial class MeetingReminderJob(MeetingDesk desk, ILogger<MeetingReminderJob> logger)
{
    public async Task RunAsync(string tenantId, long salesTeamId, CancellationToken cancellationToken)
    {
        var post = await desk.PostReminderAsync(tenantId, salesTeamId, cancellationToken).ConfigureAwait(false);
        LogRan(logger, salesTeamId, post.Date, post.Outcome);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Meeting reminder of sales team {TeamId} for {Date}: {Outcome}")]
    private static partial void LogRan(ILogger logger, long teamId, DateOnly date, MeetingPostOutcome outcome);
}

/// <summary>
/// At start, (re)applies the recurring jobs of every weekly meeting from <c>meeting_series</c>, so the jobs follow the
/// stored series even when Hangfire's storage was reset or a new version changed how a job is declared. AddOrUpdate by
/// id is idempotent: every instance may do it.
/// </summary>
internal sealed partial class MeetingJobsSync(IServiceScopeFactory scopes, ILogger<MeetingJobsSync> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var scope = scopes.CreateAsyncScope();
        await using var scopeLifetime = scope.ConfigureAwait(false);
        var db = scope.ServiceProvider.GetRequiredService<SalesCoachDbContext>();
        var jobs = scope.ServiceProvider.GetRequiredService<MeetingJobs>();
        // Spans tenants on purpose: it reads each series' schedule (no message content) to declare its jobs.
        var all = await db.MeetingSeries.IgnoreQueryFilters([SalesCoachDbContext.TenantFilter]).AsNoTracking()
            .OrderBy(s => s.Id).ToListAsync(cancellationToken).ConfigureAwait(false);
        foreach (var series in all)
        {
            jobs.Schedule(series.TenantId, series);
        }

        LogSynced(logger, all.Count);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Weekly meetings: recurring jobs applied for {Count} series")]
    private static partial void LogSynced(ILogger logger, int count);
}

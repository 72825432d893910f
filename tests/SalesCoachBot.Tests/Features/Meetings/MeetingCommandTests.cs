using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SalesCoachBot.Data;
using SalesCoachBot.Features.Meetings;
using SalesCoachBot.Testing;
using SalesCoachBot.Tests.Features.TeamProgress;
using static SalesCoachBot.Tests.Features.Meetings.MeetingWorld;

namespace SalesCoachBot.Tests.Features.Meetings;

public sealed class MeetingCommandTests
{
    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Meeting_ManagerSetsMondayInTheChannel_StoresTheSeriesAndSchedulesBothJobsInTheTeamsZone(DatabaseProvider provider)
    {
        await using var app = TeamWorld.NewApp(provider);
        var world = await CreateAsync(app);

        var reply = Assert.Single(await app.Chat().SendAsync(Channel("meeting monday 09:30")));

        Assert.Equal(
            "Weekly meeting of East Sales set: every Monday at 09:30 (Asia/Shanghai). The agenda is posted here on Sunday at 09:30, a reminder 15 minutes before the start. Add an item with “agenda add …”."
            + " The meeting was not added to the team calendar because Microsoft Graph is not configured for this bot (an admin can set it up: see “Team calendar” in the README).",
            reply.Text);
        var series = await SeriesAsync(app);
        Assert.NotNull(series);
        Assert.Equal((world.TeamId, DayOfWeek.Monday, new TimeOnly(9, 30), "Asia/Shanghai", 24 * 60, 15, world.Members[TeamWorld.Manager]),
            (series.SalesTeamId, series.Weekday, series.LocalTime, series.TimeZone, series.AgendaLeadMinutes, series.ReminderLeadMinutes, series.SetByMemberId));
        var jobs = MeetingJobs(app);
        Assert.Equal([$"meeting-agenda-{world.TeamId}", $"meeting-reminder-{world.TeamId}"], jobs.Select(j => j.Id));
        Assert.Equal(["30 9 * * 0", "15 9 * * 1"], jobs.Select(j => j.Cron));
        Assert.All(jobs, j => Assert.Equal("Asia/Shanghai", j.TimeZoneId));
        Assert.Equal([typeof(MeetingAgendaJob), typeof(MeetingReminderJob)], jobs.Select(j => j.Job.Type));
        Assert.Equal([TeamWorld.TenantA, world.TeamId], jobs[0].Job.Args.Take(2));
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Meeting_ChineseWithAnotherZone_ThenMovedSkippedShownAndStopped(DatabaseProvider provider)
    {
        await using var app = TeamWorld.NewApp(provider);
        var world = await CreateAsync(app);
        var chat = app.Chat();

        var set = Assert.Single(await chat.SendAsync(Channel("例会 周一 上午9点半 America/New_York").WithLocale("zh-CN")));
        Assert.StartsWith("已设置East Sales的周例会：每星期一 09:30（America/New_York）。", set.Text, StringComparison.Ordinal);
        Assert.All(MeetingJobs(app), j => Assert.Equal("America/New_York", j.TimeZoneId));

        var moved = Assert.Single(await chat.SendAsync(Channel("例会改时间周二10点").WithLocale("zh-CN")));
        Assert.StartsWith("已修改East Sales的周例会时间：每星期二 10:00（America/New_York）。", moved.Text, StringComparison.Ordinal);
        Assert.Equal(["0 10 * * 1", "45 9 * * 2"], MeetingJobs(app).Select(j => j.Cron));

        // Wednesday 18 November in New York: the next Tuesday is 24 November.
        var skipped = Assert.Single(await chat.SendAsync(Channel("meeting skip")));
        Assert.Equal("The meeting on Nov 24, 2026 is skipped: no agenda and no reminder for it. The next one is on Dec 1, 2026.", skipped.Text);
        Assert.Equal("2026-11-24", (await SeriesAsync(app))!.SkippedDates);

        var shown = Assert.Single(await chat.SendAsync(Channel("meeting", "29:bob", "Bob Li")));
        Assert.Contains("every Tuesday at 10:00 (America/New_York). The one on Nov 24, 2026 is skipped.", shown.Text, StringComparison.Ordinal);

        var off = Assert.Single(await chat.SendAsync(Channel("例会 关闭").WithLocale("zh-CN")));
        Assert.StartsWith("East Sales的周例会已关闭", off.Text, StringComparison.Ordinal);
        Assert.Null(await SeriesAsync(app));
        Assert.Empty(MeetingJobs(app));
        _ = world;
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Meeting_RepChanges_RefusedAndNothingChanged(DatabaseProvider provider)
    {
        await using var app = TeamWorld.NewApp(provider);
        await CreateAsync(app);
        await ScheduleAsync(app);
        var before = await SeriesAsync(app);

        foreach (var words in new[] { "meeting tuesday 10:00", "meeting time 11:00", "meeting skip", "meeting off" })
        {
            var reply = Assert.Single(await app.Chat().SendAsync(Channel(words, "29:alice", "Alice Wang")));
            Assert.Equal("Only a manager of East Sales can change its weekly meeting. Everyone can see it with “meeting”.", reply.Text);
        }

        var after = await SeriesAsync(app);
        Assert.Equal((before!.Weekday, before.LocalTime, before.SkippedDates), (after!.Weekday, after.LocalTime, after.SkippedDates));
        Assert.Equal(["30 9 * * 0", "15 9 * * 1"], MeetingJobs(app).Select(j => j.Cron));
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Meeting_GuestEvenAsManager_Refused(DatabaseProvider provider)
    {
        await using var app = TeamWorld.NewApp(provider);
        var world = await CreateAsync(app);
        await world.AddGuestAsync("29:gus", "Gus Guest", asManager: true);

        var reply = Assert.Single(await app.Chat().SendAsync(Channel("meeting monday 09:30", "29:gus", "Gus Guest")));

        Assert.Equal("Sorry, guests can't see or change the team's meetings.", reply.Text);
        Assert.Null(await SeriesAsync(app));
        Assert.Empty(MeetingJobs(app));
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Meeting_ChannelOfNoSalesTeamOrOneAnotherTenantBound_ClearAnswer(DatabaseProvider provider)
    {
        await using var app = TeamWorld.NewApp(provider);
        await CreateAsync(app);

        var unbound = ActivityBuilder.Message("meeting monday 09:30").InTenant(TeamWorld.TenantA)
            .InChannel("19:other@thread.tacv2", "19:other@thread.tacv2", "Other").From(TeamWorld.Manager, TeamWorld.ManagerName).MentioningBot();
        var reply = Assert.Single(await app.Chat().SendAsync(unbound));
        // The same Teams team id seen from another tenant: not that tenant's sales team.
        var otherTenant = Assert.Single(await app.Chat().SendAsync(Channel("meeting monday 09:30", tenant: TeamWorld.TenantB)));

        Assert.StartsWith("This channel isn't bound to a sales team yet", reply.Text, StringComparison.Ordinal);
        Assert.StartsWith("This channel isn't bound to a sales team yet", otherTenant.Text, StringComparison.Ordinal);
        Assert.Null(await SeriesAsync(app));
        Assert.Empty(MeetingJobs(app));
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Meeting_BadWords_SayWhyAndChangeNothing(DatabaseProvider provider)
    {
        await using var app = TeamWorld.NewApp(provider);
        await CreateAsync(app);
        await ScheduleAsync(app);

        var answers = new List<string?>();
        foreach (var words in new[] { "meeting monday", "meeting 25:00 monday", "meeting mon 09:30 Mars/Olympus", "meeting whenever", "例会 周一" })
        {
            answers.Add(Assert.Single(await app.Chat().SendAsync(Channel(words).WithLocale(words.StartsWith('例') ? "zh-CN" : "en-US"))).Text);
        }

        Assert.Equal(
        [
            "What time? Write a time such as 09:30, 9am or 3:30pm, e.g. “meeting monday 09:30”. Nothing was changed.",
            "“25:00” is not a time of day. Write it like 09:30, 9am or 3:30pm. Nothing was changed.",
            "I don't know the time zone “Mars/Olympus”. Use an IANA id such as Asia/Shanghai or America/New_York. Nothing was changed.",
            "I didn't understand “whenever”. Write e.g. “meeting monday 09:30”, “meeting time tuesday 10:00”, “meeting skip” or “meeting off”. Nothing was changed.",
            "几点？请写时间，例如 09:30、9点半或下午3点，例如“例会 周一 09:30”。未做任何修改。",
        ], answers);
        var series = await SeriesAsync(app);
        Assert.Equal((DayOfWeek.Monday, new TimeOnly(9, 30), "Asia/Shanghai"), (series!.Weekday, series.LocalTime, series.TimeZone));
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Meeting_InThePersonalChat_SaysWhereItWorks(DatabaseProvider provider)
    {
        await using var app = TeamWorld.NewApp(provider);
        await CreateAsync(app);

        var reply = Assert.Single(await app.Chat().SendAsync(TeamWorld.Personal("meeting monday 09:30")));

        Assert.Contains("\"meeting\" works only in a team channel", reply.Text, StringComparison.Ordinal);
        Assert.Null(await SeriesAsync(app));
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Start_JobsLostFromHangfire_AppliedAgainFromTheStoredSeries(DatabaseProvider provider)
    {
        await using var app = TeamWorld.NewApp(provider);
        var world = await CreateAsync(app);
        await ScheduleAsync(app, "meeting wed 14:00 America/New_York");
        var manager = app.Services.GetRequiredService<IRecurringJobManager>();
        manager.RemoveIfExists(SalesCoachBot.Features.Meetings.MeetingJobs.AgendaJobId(world.TeamId));
        manager.RemoveIfExists(SalesCoachBot.Features.Meetings.MeetingJobs.ReminderJobId(world.TeamId));
        Assert.Empty(MeetingJobs(app));

        await app.Services.GetServices<IHostedService>().OfType<MeetingJobsSync>().Single().StartAsync(CancellationToken.None);

        var jobs = MeetingJobs(app);
        Assert.Equal(["0 14 * * 2", "45 13 * * 3"], jobs.Select(j => j.Cron));
        Assert.All(jobs, j => Assert.Equal("America/New_York", j.TimeZoneId));
    }
}

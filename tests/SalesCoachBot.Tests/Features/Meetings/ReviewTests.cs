using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SalesCoachBot.Data;
using SalesCoachBot.Features.Meetings;
using SalesCoachBot.Sales;
using SalesCoachBot.Testing;
using SalesCoachBot.Tests.Features.TeamProgress;
using static SalesCoachBot.Tests.Features.Meetings.MeetingWorld;

namespace SalesCoachBot.Tests.Features.Meetings;

/// <summary>
/// The monthly review (last working day of the month; for East Sales in Shanghai on China's calendar: Monday 30
/// November 2026), the lead-time words, and every KPI on the agenda.
/// </summary>
public sealed class ReviewTests
{
    private static readonly DateOnly ReviewDate = new(2026, 11, 30);

    /// <summary>Sunday 29 November 2026, 16:00 in Shanghai: a day before a 16:00 review, when its agenda is due.</summary>
    private static readonly DateTimeOffset ReviewAgendaInstant = new(2026, 11, 29, 8, 0, 0, TimeSpan.Zero);

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Review_ManagerTurnsItOn_DailyJobsShownOffRemovesThemMeetingOffEndsBoth(DatabaseProvider provider)
    {
        await using var app = TeamWorld.NewApp(provider);
        var world = await CreateAsync(app);
        await ScheduleAsync(app);
        var chat = app.Chat();

        var set = Assert.Single(await chat.SendAsync(Channel("meeting review 16:00"))).Text;

        Assert.Equal(
            "Monthly review of East Sales set: the last working day of each month at 16:00 (Asia/Shanghai); the next one is on Nov 30, 2026. Its agenda is posted here 1 d before, a reminder 15 min before. “meeting review off” stops the review; “meeting off” stops the weekly meeting and the review.",
            set);
        Assert.Equal(new TimeOnly(16, 0), (await SeriesAsync(app))!.ReviewLocalTime);
        var jobs = MeetingJobs(app);
        Assert.Equal(
            [$"meeting-agenda-{world.TeamId}", $"meeting-reminder-{world.TeamId}", $"meeting-review-{world.TeamId}", $"meeting-review-reminder-{world.TeamId}"],
            jobs.Select(j => j.Id));
        Assert.Equal(["30 9 * * 0", "15 9 * * 1", "0 16 * * *", "45 15 * * *"], jobs.Select(j => j.Cron));
        Assert.All(jobs, j => Assert.Equal("Asia/Shanghai", j.TimeZoneId));
        Assert.Equal([typeof(ReviewAgendaJob), typeof(ReviewReminderJob)], jobs.Skip(2).Select(j => j.Job.Type));

        var shown = Assert.Single(await chat.SendAsync(Channel("meeting", "29:bob", "Bob Li"))).Text;
        Assert.EndsWith("Monthly review: the last working day of each month at 16:00; the next one is on Nov 30, 2026.", shown, StringComparison.Ordinal);

        // At start the stored series declares the review's jobs again.
        app.Services.GetRequiredService<Hangfire.IRecurringJobManager>().RemoveIfExists(SalesCoachBot.Features.Meetings.MeetingJobs.ReviewAgendaJobId(world.TeamId));
        Assert.Equal(3, MeetingJobs(app).Count);

        await app.Services.GetServices<IHostedService>().OfType<MeetingJobsSync>().Single().StartAsync(CancellationToken.None);
        Assert.Equal(4, MeetingJobs(app).Count);

        var off = Assert.Single(await chat.SendAsync(Channel("meeting review off"))).Text;
        Assert.Equal("The monthly review of East Sales is stopped. The weekly meeting goes on.", off);
        Assert.Null((await SeriesAsync(app))!.ReviewLocalTime);
        Assert.Equal([$"meeting-agenda-{world.TeamId}", $"meeting-reminder-{world.TeamId}"], MeetingJobs(app).Select(j => j.Id));

        var chinese = Assert.Single(await chat.SendAsync(Channel("例会 复盘 下午4点").WithLocale("zh-CN"))).Text;
        Assert.StartsWith("已设置East Sales的月度复盘：每月最后一个工作日 16:00（Asia/Shanghai），下一次在2026年11月30日。", chinese, StringComparison.Ordinal);
        Assert.Equal(4, MeetingJobs(app).Count);

        var allOff = Assert.Single(await chat.SendAsync(Channel("meeting off"))).Text;
        Assert.EndsWith("The monthly review is stopped too.", allOff, StringComparison.Ordinal);
        Assert.Empty(MeetingJobs(app));
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Review_RepGuestNoMeetingOtherTenant_RefusedAndNothingChanged(DatabaseProvider provider)
    {
        await using var app = TeamWorld.NewApp(provider);
        var world = await CreateAsync(app);
        await world.AddGuestAsync("29:gus", "Gus Guest");
        var chat = app.Chat();

        var noMeeting = Assert.Single(await chat.SendAsync(Channel("meeting review 16:00"))).Text;
        await ScheduleAsync(app);
        var rep = Assert.Single(await chat.SendAsync(Channel("meeting review 16:00", "29:bob", "Bob Li"))).Text;
        var repLead = Assert.Single(await chat.SendAsync(Channel("meeting agenda 2h", "29:bob", "Bob Li"))).Text;
        var guest = Assert.Single(await chat.SendAsync(Channel("例会 复盘 16:00", "29:gus", "Gus Guest"))).Text;
        var otherTenant = Assert.Single(await chat.SendAsync(Channel("meeting review 16:00", tenant: TeamWorld.TenantB))).Text;
        var noTime = Assert.Single(await chat.SendAsync(Channel("meeting review"))).Text;
        var wasOff = Assert.Single(await chat.SendAsync(Channel("meeting review off"))).Text;

        Assert.Equal(
            "East Sales has no weekly meeting yet, and the monthly review goes with it (its time zone and lead times). Set the weekly meeting first, e.g. “meeting monday 09:30”, then “meeting review 16:00”.",
            noMeeting);
        Assert.Equal("Only a manager of East Sales can change its weekly meeting. Everyone can see it with “meeting”.", rep);
        Assert.Equal(rep, repLead);
        Assert.Equal("Sorry, guests can't see or change the team's meetings.", guest);
        Assert.StartsWith("This channel isn't bound to a sales team yet", otherTenant, StringComparison.Ordinal);
        Assert.Equal("At what time? Write the review's time, e.g. “meeting review 16:00”, or “meeting review off”. Nothing was changed.", noTime);
        Assert.Equal("East Sales has no monthly review. A manager turns it on with “meeting review 16:00”.", wasOff);
        var series = await SeriesAsync(app);
        Assert.Equal(((TimeOnly?)null, 24 * 60), (series!.ReviewLocalTime, series.AgendaLeadMinutes));
        Assert.Equal(2, MeetingJobs(app).Count);
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task ReviewJobs_DailyRunsPostOnlyWhenDue_TwiceIsOnce_WithTheMonthsData(DatabaseProvider provider)
    {
        await using var app = TeamWorld.NewApp(provider);
        var world = await CreateAsync(app);
        await ScheduleAsync(app);
        await app.Chat().SendAsync(Channel("meeting review 16:00"));
        await SeedWeekAsync(world);
        app.Connector.Reset();

        // Wednesday 18 November: the daily jobs run and find nothing due.
        await RunReviewAgendaJobAsync(app, world.TeamId);
        await RunReviewReminderJobAsync(app, world.TeamId);
        Assert.Empty(await OutboxAsync(app, "review-"));

        app.MoveClockTo(ReviewAgendaInstant);
        await RunReviewAgendaJobAsync(app, world.TeamId);
        await RunReviewAgendaJobAsync(app, world.TeamId);

        var row = Assert.Single(await OutboxAsync(app, "review-agenda"));
        Assert.Equal(($"review-agenda:{world.TeamId}:2026-11", AutomaticMessageKinds.Agendas), (row.IdempotencyKey, row.Kind));
        var post = await ChannelCardAsync(app, "Monthly review");
        TeamWorld.AssertInOrder(post.Activity!.CardText(),
            "Monthly review · East Sales",
            "Monday, Nov 30, 2026, 16:00 (Asia/Shanghai)",
            "Results of November 2026 against target: Revenue",
            "East Sales: ¥143,000 of ¥",
            "Alice Wang: ¥110,000 of ¥",
            "Bob Li: ¥28,000 of ¥",
            "Carol Chen: ¥5,000 · no target",
            "Wins of the month",
            "Alice Wang · ¥80,000",
            "Alice Wang · ¥30,000 · Acme",
            "Bob Li · ¥20,000",
            "Behind pace this month",
            "Bob Li (Revenue)",
            "A manager turns the monthly review off with “meeting review off”.");

        // The reminder: not yet at the agenda's time, then 15 minutes before the start, once.
        await RunReviewReminderJobAsync(app, world.TeamId);
        Assert.Empty(await OutboxAsync(app, "review-reminder"));
        app.MoveClockTo(new DateTimeOffset(2026, 11, 30, 7, 45, 0, TimeSpan.Zero));
        await RunReviewReminderJobAsync(app, world.TeamId);
        await RunReviewReminderJobAsync(app, world.TeamId);
        var reminder = Assert.Single(await OutboxAsync(app, "review-reminder"));
        Assert.Equal(($"review-reminder:{world.TeamId}:2026-11", AutomaticMessageKinds.Reminders), (reminder.IdempotencyKey, reminder.Kind));
        var reminderPost = await ChannelCardAsync(app, "⏰ Monthly review");
        Assert.Contains("Starts at 16:00, in 15 minutes.", reminderPost.Activity!.CardText(), StringComparison.Ordinal);

        // After the review, the next one is December's (31 December): nothing is due.
        app.MoveClockTo(new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.Zero));
        await RunReviewAgendaJobAsync(app, world.TeamId);
        Assert.Single(await OutboxAsync(app, "review-agenda"));
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Agenda_WhenTheReviewComesFirst_ShowsAndAddsToTheReview(DatabaseProvider provider)
    {
        await using var app = TeamWorld.NewApp(provider);
        var world = await CreateAsync(app);
        // A Tuesday meeting: after 24 November's, the review of Monday 30 November comes before 1 December's meeting.
        await ScheduleAsync(app, "meeting tuesday 10:00");
        await app.Chat().SendAsync(Channel("meeting review 16:00"));
        app.MoveClockTo(new DateTimeOffset(2026, 11, 25, 2, 0, 0, TimeSpan.Zero));

        var added = Assert.Single(await app.Chat().SendAsync(Channel("agenda add Pricing 2027", "29:bob", "Bob Li"))).Text;
        var shown = Assert.Single(await app.Chat().SendAsync(TeamWorld.Personal("议程", "29:carol", "Carol Chen").WithLocale("zh-CN")));

        Assert.Equal("Added to the monthly review of East Sales on Nov 30, 2026: “Pricing 2027”", added);
        Assert.Equal(ReviewDate, Assert.Single(await ItemsAsync(app)).OccurrenceDate);
        TeamWorld.AssertInOrder(shown.CardText(), "月度复盘 · East Sales", "2026年11月30日", "1. Pricing 2027（Bob Li提出）", "经理可以用“例会 复盘 关闭”停止月度复盘。");
        _ = world;
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite, "en-US")]
    [InlineData(DatabaseProvider.Postgres, "zh-CN")]
    public async Task ReviewAdminTrigger_PostsThisMonthsReviewOnce_ThenAnAddedItemUpdatesIt(DatabaseProvider provider, string locale)
    {
        var chinese = locale == "zh-CN";
        await using var app = TeamWorld.NewApp(provider);
        AddAdminKeys(app);
        var world = await CreateAsync(app);
        await ScheduleAsync(app, "meeting tuesday 10:00");
        await app.Chat().SendAsync(Channel("meeting review 16:00"));
        await SetLocaleAsync(app, locale);
        app.Connector.Reset();
        using var admin = AdminClient(app, AdminKeyA);

        using var response = await admin.PostAsync(new Uri(ReviewPath(), UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = Json(await response.Content.ReadAsStringAsync());
        Assert.Equal(("2026-11-30", true), (body.GetProperty("occurrence").GetString(), body.GetProperty("posted").GetBoolean()));
        var post = await ChannelCardAsync(app, chinese ? "月度复盘" : "Monthly review");
        Assert.Equal(chinese ? "月度复盘 · East Sales" : "Monthly review · East Sales", post.Activity!.CardTitle());

        using var again = await admin.PostAsync(new Uri(ReviewPath(), UriKind.Relative), null);
        Assert.False(Json(await again.Content.ReadAsStringAsync()).GetProperty("posted").GetBoolean());
        Assert.Equal([$"review-agenda:{world.TeamId}:2026-11"], (await OutboxAsync(app, "review-")).Select(o => o.IdempotencyKey));
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task ReviewAdminTrigger_WrongKeyOtherTenantNoReview_Refused(DatabaseProvider provider)
    {
        await using var app = TeamWorld.NewApp(provider);
        AddAdminKeys(app);
        await CreateAsync(app);
        using var tenantA = AdminClient(app, AdminKeyA);
        using var tenantB = AdminClient(app, AdminKeyB);
        using var wrong = AdminClient(app, "not-a-key-of-anyone-000000");

        using var noMeeting = await tenantA.PostAsync(new Uri(ReviewPath(), UriKind.Relative), null);
        await ScheduleAsync(app);
        using var noReview = await tenantA.PostAsync(new Uri(ReviewPath(), UriKind.Relative), null);
        await app.Chat().SendAsync(Channel("meeting review 16:00"));
        using var badKey = await wrong.PostAsync(new Uri(ReviewPath(), UriKind.Relative), null);
        using var otherKey = await tenantB.PostAsync(new Uri(ReviewPath(), UriKind.Relative), null);
        using var otherTenant = await tenantB.PostAsync(new Uri(ReviewPath(TeamWorld.TenantB), UriKind.Relative), null);
        using var unknown = await tenantA.PostAsync(new Uri(ReviewPath(teamsTeamId: "19:nope@thread.tacv2"), UriKind.Relative), null);

        Assert.Equal(
            [HttpStatusCode.Conflict, HttpStatusCode.Conflict, HttpStatusCode.Unauthorized, HttpStatusCode.Forbidden, HttpStatusCode.NotFound, HttpStatusCode.NotFound],
            new[] { noMeeting, noReview, badKey, otherKey, otherTenant, unknown }.Select(r => r.StatusCode));
        Assert.Contains("no monthly review", await noReview.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(await OutboxAsync(app, "review-"));
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task LeadTimes_ManagerSetsThem_JobsRescheduledErrorsChangeNothing(DatabaseProvider provider)
    {
        await using var app = TeamWorld.NewApp(provider);
        var world = await CreateAsync(app);
        await ScheduleAsync(app);
        await app.Chat().SendAsync(Channel("meeting review 16:00"));
        var chat = app.Chat();

        var agenda = Assert.Single(await chat.SendAsync(Channel("meeting agenda 2h"))).Text;
        Assert.Equal(
            "Lead times of East Sales: the agenda 2 h before the meeting, the reminder 15 min before (the monthly review's too). The agenda is posted here on Monday at 07:30, a reminder 15 minutes before the start. Add an item with “agenda add …”.",
            agenda);
        var reminder = Assert.Single(await chat.SendAsync(Channel("例会 提醒 提前 10分钟").WithLocale("zh-CN"))).Text;
        Assert.StartsWith("East Sales的提前时间：议程提前2小时，提醒提前10分钟（月度复盘相同）。", reminder, StringComparison.Ordinal);
        var series = await SeriesAsync(app);
        Assert.Equal((120, 10), (series!.AgendaLeadMinutes, series.ReminderLeadMinutes));
        Assert.Equal(["30 7 * * 1", "20 9 * * 1", "0 14 * * *", "50 15 * * *"], MeetingJobs(app).Select(j => j.Cron));

        _ = world;
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task LeadTimes_OutOfRangeUnreadableOrReminderNotAfterAgenda_SayWhyAndChangeNothing(DatabaseProvider provider)
    {
        await using var app = TeamWorld.NewApp(provider);
        await CreateAsync(app);
        await ScheduleAsync(app);
        var chat = app.Chat();

        var errors = new List<string>();
        Assert.Single(await chat.SendAsync(Channel("meeting agenda 1h")));
        foreach (var words in new[] { "meeting agenda 10m", "meeting agenda 8d", "meeting reminder 0", "meeting reminder 4h", "meeting agenda soon", "meeting reminder", "meeting reminder 1h" })
        {
            // The fake connector holds Teams' limit of a channel's sends (8 in 2 s).
            app.Connector.Reset();
            errors.Add(Assert.Single(await chat.SendAsync(Channel(words))).Text!);
        }

        Assert.Equal(
            [
                "The agenda can go out 30 min to 7 days before the meeting, not 10 min. E.g. “meeting agenda 2h” or “meeting agenda 1d”. Nothing was changed.",
                "The agenda can go out 30 min to 7 days before the meeting, not 8 d. E.g. “meeting agenda 2h” or “meeting agenda 1d”. Nothing was changed.",
                "The reminder can go out 1 to 180 minutes before the meeting, not 0 min. E.g. “meeting reminder 10m”. Nothing was changed.",
                "The reminder can go out 1 to 180 minutes before the meeting, not 4 h. E.g. “meeting reminder 10m”. Nothing was changed.",
                "I can't read “soon” as a lead time. Write it like 2h, 1d, 30m or 30 (minutes), e.g. “meeting agenda 2h” or “meeting reminder 10m”. Nothing was changed.",
                "How long before the start? e.g. “meeting agenda 2h” or “meeting reminder 10m”. Nothing was changed.",
                "The reminder (1 h before) must come after the agenda (1 h before): make the reminder's lead shorter than the agenda's. Nothing was changed.",
            ],
            errors);
        var series = await SeriesAsync(app);
        Assert.Equal((60, 15), (series!.AgendaLeadMinutes, series.ReminderLeadMinutes));
        Assert.Equal(["30 8 * * 1", "15 9 * * 1"], MeetingJobs(app).Select(j => j.Cron));
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task WeeklyAgenda_EveryActiveKpiWithATargetOrAResult_OneBlockEach_BehindNamesTheKpis(DatabaseProvider provider)
    {
        await using var app = TeamWorld.NewApp(provider);
        var world = await CreateAsync(app);
        await ScheduleAsync(app);
        await SeedWeekAsync(world);
        // Visits: Bob has a yearly target and no visit (behind on it too), Alice logged 3 visits this week without a target.
        await world.SetYearlyAsync("29:bob", KpiDefaults.Visits, 480m);
        await world.RecordAsync("29:alice", KpiDefaults.Visits, 3m, new DateOnly(2026, 11, 17));
        app.MoveClockTo(AgendaInstant);

        await RunAgendaJobAsync(app, world.TeamId);

        var card = (await ChannelCardAsync(app, "Weekly meeting agenda")).Activity!.CardText();
        TeamWorld.AssertInOrder(card,
            "Results of Week 47, 2026 against target: Revenue",
            "East Sales: ¥43,000 of ¥",
            "Results of Week 47, 2026 against target: Customer visits",
            "East Sales: 3 of ",
            "Alice Wang: 3 · no target",
            "Bob Li: 0 of ",
            "Wins of the week",
            "Alice Wang · ¥30,000 · Acme",
            "Behind pace this month",
            "Bob Li (Revenue, Customer visits)");
        Assert.DoesNotContain("against target: Contracts", card, StringComparison.Ordinal);
        Assert.DoesNotContain("against target: New", card, StringComparison.Ordinal);
    }

    private static string ReviewPath(string tenant = TeamWorld.TenantA, string teamsTeamId = TeamWorld.TeamsTeamId) =>
        $"/api/admin/tenants/{tenant}/teams/{Uri.EscapeDataString(teamsTeamId)}/review/post";

    private static async Task RunReviewAgendaJobAsync(SalesCoachBotApplication app, long teamId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ReviewAgendaJob>().RunAsync(TeamWorld.TenantA, teamId, CancellationToken.None);
    }

    private static async Task RunReviewReminderJobAsync(SalesCoachBotApplication app, long teamId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ReviewReminderJob>().RunAsync(TeamWorld.TenantA, teamId, CancellationToken.None);
    }

    /// <summary>The first card posted in the team channel whose title starts with <paramref name="title"/>, once it was sent.</summary>
    private static async Task<RecordedRequest> ChannelCardAsync(SalesCoachBotApplication app, string title)
    {
        for (var count = 1; ; count++)
        {
            var sent = await app.Connector.WaitForSentAsync(count);
            if (sent.FirstOrDefault(r => r.ConversationId == TeamWorld.TeamsTeamId && r.Activity?.Attachments is { Count: > 0 }
                    && r.Activity.CardTitle().StartsWith(title, StringComparison.Ordinal)) is { } post)
            {
                return post;
            }
        }
    }
}

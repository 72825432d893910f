using Microsoft.Extensions.DependencyInjection;
using SalesCoachBot.Data;
using SalesCoachBot.Features.Commission;
using SalesCoachBot.Features.Feedback;
using SalesCoachBot.Features.Help;
using SalesCoachBot.Features.Imports;
using SalesCoachBot.Features.Kpis;
using SalesCoachBot.Features.Meetings;
using SalesCoachBot.Features.Onboarding;
using SalesCoachBot.Features.Recognition;
using SalesCoachBot.Features.SalesResults;
using SalesCoachBot.Features.Settings;
using SalesCoachBot.Features.Targets;
using SalesCoachBot.Features.TeamProgress;
using SalesCoachBot.Features.WeekAhead;
using SalesCoachBot.Localization;
using SalesCoachBot.Sales;
using SalesCoachBot.Teams.Activities;
using SalesCoachBot.Teams.Cards;
using SalesCoachBot.Tests.Features.Help;
using SalesCoachBot.Tests.Features.Targets;
using SalesCoachBot.Tests.Features.TeamProgress;

namespace SalesCoachBot.Tests.Cards;

/// <summary>
/// Every card the bot can send, per builder × scope × locale, for the renderer check and the approved-JSON check
/// (CardApprovalTests). A feature that adds a card adds its builders here (with awkward user text: quotes, newlines,
/// markup, Chinese) and approves the new files (Cards/README.md). Inputs are fixed: no clock, no GUIDs.
/// </summary>
internal static class CardCatalog
{
    public const string AwkwardName = "Alice \"Ace\" O'Neil\n<at>王芳</at>";

    private static readonly Lazy<IReadOnlyDictionary<string, AdaptiveCard>> Cached = new(() =>
    {
        using var host = FeatureHost.Build();
        return All(host.Services).ToDictionary(c => c.Name, c => c.Card, StringComparer.Ordinal);
    });

    /// <summary>Every card by name, built once per test run (the cards are plain objects; the host is gone after).</summary>
    public static IReadOnlyDictionary<string, AdaptiveCard> ByName => Cached.Value;

    public static IEnumerable<(string Name, AdaptiveCard Card)> All(IServiceProvider services)
    {
        var text = services.GetRequiredService<BotText>();
        var help = services.GetRequiredService<HelpCatalog>();
        foreach (var locale in BotText.Locales)
        {
            foreach (var scope in new[] { ConversationTypes.Personal, ConversationTypes.Channel, ConversationTypes.GroupChat })
            {
                yield return ($"help.{scope}.{locale}", HelpCard.Build(text, locale, scope, help.For(scope), botName: AwkwardName));
            }

            yield return ($"welcome.personal.{locale}", WelcomeCard.Build(text, locale, WelcomeAudience.Personal, AwkwardName));
            yield return ($"welcome.personal.noname.{locale}", WelcomeCard.Build(text, locale, WelcomeAudience.Personal));
            yield return ($"welcome.team.{locale}", WelcomeCard.Build(text, locale, WelcomeAudience.Team, "East Sales \"A\" 华东"));
            yield return ($"welcome.team.noname.{locale}", WelcomeCard.Build(text, locale, WelcomeAudience.Team));
            // After a team install: the roster it set up, with managers, or without one but with suggestions.
            yield return ($"welcome.team.setup.{locale}", WelcomeCard.Build(text, locale, WelcomeAudience.Team, "East Sales \"A\" 华东",
                new TeamSetup("East Sales \"A\" 华东", 1200, [AwkwardName, "张伟"], [])));
            yield return ($"welcome.team.setup.no-manager.{locale}", WelcomeCard.Build(text, locale, WelcomeAudience.Team, "East Sales",
                new TeamSetup("East Sales", 5, [], [AwkwardName, "Bob Li"])));
            foreach (var (name, card) in SettingsCards(text, locale))
            {
                yield return (name, card);
            }

            foreach (var (name, view) in TargetsViews.Representative(AwkwardName))
            {
                yield return ($"targets.{name}.{locale}", TargetsCard.Build(text, locale, view));
            }

            var logged = TargetsViews.View(AwkwardName, TargetsViews.Revenue(210_000, 220_000)) with { Notice = text.Get(locale, "results.logged", "¥120,000 · " + AwkwardName) };
            yield return ($"targets.notice.{locale}", TargetsCard.Build(text, locale, logged));
            // Several reps match the typed name: one button each (two share a name: told apart by e-mail).
            yield return ($"targets.pick.{locale}", SetTargetPickCard.Build(text, locale, "Li", [new(2, "Bob Li", "bob@contoso.com"),
                new(5, "Li Wei", "li.wei@contoso.com"), new(6, "Li Wei", "wei.li@contoso.com"), new(7, AwkwardName, null)],
                new SetTargetRequest(string.Empty, "营收", "2027-03", "15万")));
            foreach (var (name, card) in LogFormCards(text, locale))
            {
                yield return (name, card);
            }

            foreach (var (name, card) in ImportCards(text, locale))
            {
                yield return (name, card);
            }

            // Scorecards (issue 13 point 2).
            foreach (var (name, card) in SalesCoachBot.Tests.Features.Scorecards.ScorecardViews.Cards(text, locale, AwkwardName))
            {
                yield return (name, card);
            }

            foreach (var (name, snapshot) in TeamProgressViews.Representative(AwkwardName))
            {
                yield return ($"team.{name}.{locale}", TeamCard.Build(text, locale, snapshot));
                yield return ($"leaderboard.{name}.{locale}", LeaderboardCard.Build(text, locale, snapshot, LeaderboardView.Ranking));
                yield return ($"leaderboard.improved.{name}.{locale}", LeaderboardCard.Build(text, locale, snapshot, LeaderboardView.Improved));
            }

            // Two people praised for a value (each mentioned), and one without a value; the reason is typed text.
            yield return ($"recognition.value.{locale}", RecognitionCard.Build(text, locale, new RecognitionCardView(
                AwkwardName, [new("29:alice", "Alice Wang"), new("29:zhang", "张伟")], "closed the *Acme* deal\n<b>before</b> \"Q4\" 拿下华为", "客户第一", 3, "East Sales \"A\" 华东")));
            yield return ($"recognition.plain.{locale}", RecognitionCard.Build(text, locale, new RecognitionCardView(
                "Mia Manager", [new("29:bob", AwkwardName)], "帮新人准备方案", null, 1, "East Sales")));

            // For a manager in 1:1: feedback today, 1 and 12 days ago, and never (张伟).
            var monthView = TeamProgressViews.Representative(AwkwardName).First().Snapshot;
            var feedbackAt = new Dictionary<long, DateTimeOffset>
            {
                [1] = monthView.AsOf.AddHours(-1),
                [2] = monthView.AsOf.AddDays(-1),
                [3] = monthView.AsOf.AddDays(-12),
            };
            yield return ($"team.feedback.{locale}", TeamCard.Build(text, locale, monthView, feedbackAt));

            // For a manager: a Praise button under each rep (the kernel's praise-form verb).
            yield return ($"team.praise.{locale}", TeamCard.Build(text, locale, monthView, feedbackAt, praise: true));
            yield return ($"leaderboard.praise.{locale}", LeaderboardCard.Build(text, locale, monthView, LeaderboardView.Ranking, praise: true));

            foreach (var (name, card) in RecognitionCardsOf(text, locale))
            {
                yield return (name, card);
            }

            foreach (var (name, card) in FeedbackCardsOf(text, locale))
            {
                yield return (name, card);
            }

            foreach (var (name, card) in CelebrationCardsOf(text, locale))
            {
                yield return (name, card);
            }

            // Issue 13: the KPI list.
            foreach (var (name, card) in KpiCardsOf(text, locale))
            {
                yield return (name, card);
            }

            foreach (var (name, card) in WeekAheadCardsOf(text, locale))
            {
                yield return (name, card);
            }

            foreach (var (name, card) in MeetingCardsOf(text, locale))
            {
                yield return (name, card);
            }

            foreach (var (name, card) in CommissionCardsOf(text, locale))
            {
                yield return (name, card);
            }
        }

        yield return ("model.every-element", EveryElement());
    }

    // Commission (issue 13, point 4): a rep in the 80 % tier, over the top tier, capped, without a target; the team's card.
    private static IEnumerable<(string Name, AdaptiveCard Card)> CommissionCardsOf(BotText text, string locale)
    {
        var november = SalesPeriod.Month(2026, 11);
        var today = new DateOnly(2026, 11, 18);
        CommissionTierRule[] tiers = [new(0, 2), new(80, 3), new(100, 5)];
        CommissionView View(CommissionMode mode, decimal? cap, params (string Name, decimal? Target, decimal Actual)[] reps)
        {
            var rules = new CommissionRules(tiers, mode, cap);
            List<RepCommission> rows = [.. reps.Select((r, i) => new RepCommission(i + 1, r.Name, r.Target, r.Actual, CommissionCalculator.Calculate(rules, r.Target ?? 0m, r.Actual)))];
            return new CommissionView("East Sales \"A\" 华东", november, today, "Revenue", KpiUnit.Currency, "CNY", rules, CommissionPeriod.Month,
                [.. rows.OrderByDescending(r => r.Outcome.Commission)]);
        }

        var marginal = View(CommissionMode.Marginal, 50_000m, (AwkwardName, 100_000m, 80_000m));
        yield return ($"commission.rep.{locale}", CommissionCards.Rep(text, locale, marginal, marginal.Reps[0], null));
        yield return ($"commission.rep.of.{locale}", CommissionCards.Rep(text, locale, marginal, marginal.Reps[0], AwkwardName));
        var whole = View(CommissionMode.WholeAmount, null, ("张伟", 100_000m, 70_000m));
        yield return ($"commission.rep.whole.{locale}", CommissionCards.Rep(text, locale, whole, whole.Reps[0], null));
        var top = View(CommissionMode.Marginal, null, ("张伟", 100_000m, 150_000m));
        yield return ($"commission.rep.top.{locale}", CommissionCards.Rep(text, locale, top, top.Reps[0], null));
        var capped = View(CommissionMode.Marginal, 1_000m, ("张伟", 100_000m, 90_000m));
        yield return ($"commission.rep.capped.{locale}", CommissionCards.Rep(text, locale, capped, capped.Reps[0], null));
        var noTarget = View(CommissionMode.Marginal, null, ("张伟", null, 5_000m));
        yield return ($"commission.rep.no-target.{locale}", CommissionCards.Rep(text, locale, noTarget, noTarget.Reps[0], null));
        var team = View(CommissionMode.Marginal, 50_000m, (AwkwardName, 100_000m, 80_000m), ("Bob Li", 100_000m, 20_000m), ("Carol Chen", null, 5_000m));
        yield return ($"commission.team.{locale}", CommissionCards.Team(text, locale, team));
        yield return ($"commission.team.no-reps.{locale}", CommissionCards.Team(text, locale, View(CommissionMode.Marginal, null)));
    }

    private static IEnumerable<(string Name, AdaptiveCard Card)> RecognitionCardsOf(BotText text, string locale)
    {
        const string entry = "0123456789abcdef0123456789abcdef";
        PraiseForm.Person[] people = [new(2, "Bob Li"), new(3, AwkwardName), new(4, "张伟")];
        CompanyValue[] values =
        [
            new() { TenantId = "t", SalesTeamId = 7, Name = "客户第一", Points = 3 },
            new() { TenantId = "t", SalesTeamId = 7, Name = "ownership", Points = 2 },
        ];
        yield return ($"praise.form.{locale}", PraiseForm.Build(text, locale, "East Sales \"A\" 华东", 7, people, [], new PraiseFormValues(["3"], null, null, false), entry));
        yield return ($"praise.form.values.{locale}", PraiseForm.Build(text, locale, "East Sales", 7, people, values,
            new PraiseFormValues(["2", "4"], "100% of the *November* target\n<b>拿下华为</b>", "客户第一", true), entry));
        yield return ($"praise.form.invalid.{locale}", PraiseForm.Build(text, locale, "East Sales", 7, people, values, new PraiseFormValues(["99"], null, "speed", false), entry,
            [text.Get(locale, RecognitionTextKeys.FormErrorPeople), text.Get(locale, RecognitionTextKeys.PraiseQuota, 5, "East Sales")]));
        yield return ($"praise.form.sent.{locale}", PraiseForm.Done(text, locale, RecognitionTextKeys.FormSentTitle,
            text.Get(locale, RecognitionTextKeys.PraisePosted, "East Sales", "Bob Li、" + AwkwardName)));
        yield return ($"praise.form.cancelled.{locale}", PraiseForm.Done(text, locale, RecognitionTextKeys.FormCancelledTitle, text.Get(locale, RecognitionTextKeys.FormCancelled)));

        var today = new DateOnly(2026, 11, 18);
        var month = SalesPeriod.Containing(SalesPeriodKind.Month, today);
        var quarter = SalesPeriod.Containing(SalesPeriodKind.Quarter, today);
        BoardPerson[] receivers = [new(1, AwkwardName, 8, 3), new(2, "张伟", 5, 2)];
        BoardPerson[] givers = [new(3, "Mia Manager", 6, 1), new(2, "张伟", 1, 1)];
        BoardLatest[] latest = [new("Mia Manager", [AwkwardName, "张伟"], "closed the *Acme* deal\n<b>before</b> \"Q4\"", "客户第一"), new("张伟", ["Bob Li"], "帮新人准备方案", null)];
        yield return ($"recognition.board.{locale}", RecognitionBoard.Build(text, locale, new RecognitionBoardView(
            "East Sales \"A\" 华东", today, new BoardPeriod(month, 2, 6, receivers, givers), new BoardPeriod(quarter, 4, 13, receivers, givers), latest, null, 30)));
        yield return ($"recognition.board.manager.{locale}", RecognitionBoard.Build(text, locale, new RecognitionBoardView(
            "East Sales", today, new BoardPeriod(month, 2, 6, receivers, givers), new BoardPeriod(quarter, 4, 13, receivers, givers), latest, ["Bob Li", AwkwardName], 30)));
        yield return ($"recognition.board.empty.{locale}", RecognitionBoard.Build(text, locale, new RecognitionBoardView(
            "East Sales", today, new BoardPeriod(month, 0, 0, [], []), new BoardPeriod(quarter, 0, 0, [], []), [], [], 30)));
    }

    // Automatic celebrations (a big deal with a typed customer, in the channel and in the rep's 1:1 chat; a rep's and the
    // team's target) and the team's celebration settings (as shown, saved, and with a bad amount; without a money KPI).
    private static IEnumerable<(string Name, AdaptiveCard Card)> MeetingCardsOf(BotText text, string locale)
    {
        var chinese = BotText.IsChinese(locale);
        var when = chinese ? "2026年11月23日 星期一 09:30（Asia/Shanghai）" : "Monday, Nov 23, 2026, 09:30 (Asia/Shanghai)";
        var status = chinese ? "进度正常" : "on pace";
        var results = new AgendaResults(chinese ? "销售额" : "Revenue", chinese ? "2026年第47周" : "Week 47, 2026",
            new AgendaLine("East Sales \"A\" 华东", "¥43,000", "¥55,000", "78.2%", status, PaceStatus.OnPace),
            [
                new AgendaLine(AwkwardName, "¥30,000", "¥27,500", "109.1%", chinese ? "超前进度" : "ahead of pace", PaceStatus.Ahead),
                new AgendaLine("Bob Li", "¥8,000", "¥27,500", "29.1%", chinese ? "落后进度" : "behind pace", PaceStatus.Behind),
                new AgendaLine("张伟", "¥5,000", null, null, "", PaceStatus.NoTarget),
            ]);
        var visits = new AgendaResults(chinese ? "拜访" : "Visits", chinese ? "2026年第47周" : "Week 47, 2026",
            new AgendaLine("East Sales \"A\" 华东", "12", "20", "60%", chinese ? "落后进度" : "behind pace", PaceStatus.Behind),
            [new AgendaLine("Bob Li", "12", "20", "60%", chinese ? "落后进度" : "behind pace", PaceStatus.Behind)]);
        var full = new AgendaView(1, "East Sales \"A\" 华东", new DateOnly(2026, 11, 23), when, [results, visits],
            [new AgendaWin(AwkwardName, "¥30,000", "Acme <b>\"Big\"</b>\n华为"), new AgendaWin("Bob Li", "¥8,000", null)],
            [new AgendaPraise("Mia Manager", BotText.List(locale, [AwkwardName, "张伟"]), "closed **Acme** <at>x</at>\n拿下华为")],
            [chinese ? "Bob Li（落后：销售额、拜访）" : "Bob Li (Revenue, Visits)", chinese ? "张伟（落后：拜访）" : "张伟 (Visits)"],
            [new AgendaItemView(1, "Q4 pipeline *review* <at>x</at>\n第二行", AwkwardName), new AgendaItemView(2, "回款跟进", null)]);
        var withActions = full with
        {
            Actions =
            [
                new AgendaActionLine(1, AwkwardName, "call *Huawei* back <at>x</at>", chinese ? "2026年11月20日 周五" : "Fri, Nov 20, 2026", true, false),
                new AgendaActionLine(2, "Bob Li", "回访华为", null, false, false),
                new AgendaActionLine(3, "张伟", "send the **quote**", null, false, true),
            ],
        };
        yield return ($"meeting.agenda.{locale}", AgendaCard.Build(text, locale, withActions));
        yield return ($"meeting.agenda.empty.{locale}", AgendaCard.Build(text, locale, full with { Results = [], Wins = [], Praise = [], Behind = [], Items = [] }));
        yield return ($"meeting.reminder.{locale}", MeetingReminderCard.Build(text, locale, "East Sales \"A\" 华东", "09:30", 15,
            new Uri("https://teams.microsoft.com/l/message/19%3Ateam-general%40thread.tacv2/1700000000000?tenantId=contoso&parentMessageId=1700000000000")));
        yield return ($"meeting.reminder.no-agenda.{locale}", MeetingReminderCard.Build(text, locale, "East Sales", "09:30", 15, null));

        // The monthly review: the month's results, wins and praise, and its own reminder.
        var monthName = chinese ? "2026年11月" : "November 2026";
        var review = full with
        {
            Date = new DateOnly(2026, 11, 30),
            When = chinese ? "2026年11月30日 星期一 16:00（Asia/Shanghai）" : "Monday, Nov 30, 2026, 16:00 (Asia/Shanghai)",
            Results = [results with { PeriodName = monthName }, visits with { PeriodName = monthName }],
            Kind = AgendaKind.Review,
        };
        yield return ($"meeting.review.{locale}", AgendaCard.Build(text, locale, review));
        yield return ($"meeting.reminder.review.{locale}", MeetingReminderCard.Build(text, locale, "East Sales \"A\" 华东", "16:00", 15, null, review: true));

        // Action items (issue 12, point 5): the list, the due reminder, the agenda's form.
        var today = new DateOnly(2026, 11, 21);
        ActionItemView[] items =
        [
            new(11, 1, 1, 2, AwkwardName, "call *Huawei* back <at>x</at>\n拿下华为", new DateOnly(2026, 11, 20), 1, null),
            new(12, 1, 2, 3, "张伟", "send the **quote**", new DateOnly(2026, 11, 27), 1, null),
            new(13, 1, 3, 4, "Bob Li", "回访华为", null, 1, null),
        ];
        yield return ($"meeting.actions.{locale}", ActionListCard.Build(text, locale, [new ActionListSection("East Sales \"A\" 华东", items)], today));
        yield return ($"meeting.actions.teams.{locale}", ActionListCard.Build(text, locale, [new ActionListSection("East Sales", items[1..]), new ActionListSection("West Sales", [])], today));
        yield return ($"meeting.action-due.{locale}", ActionDueCard.Build(text, locale, "contoso", 2, "East Sales \"A\" 华东", items[1] with { DueDate = new DateOnly(2026, 11, 21) }, today));
        yield return ($"meeting.action-due.overdue.{locale}", ActionDueCard.Build(text, locale, "contoso", 2, "East Sales", items[0], today));
        ActionPerson[] people = [new(2, AwkwardName, null, null, null), new(3, "张伟", null, null, null), new(4, "Bob Li", null, null, null)];
        const string entry = "0123456789abcdef0123456789abcdef";
        yield return ($"meeting.action-form.{locale}", ActionForm.Build(text, locale, "East Sales \"A\" 华东", 1, people, new ActionFormValues(null, null, null), today, entry));
        yield return ($"meeting.action-form.invalid.{locale}", ActionForm.Build(text, locale, "East Sales", 1, people, new ActionFormValues("3", "回访华为 <b>x</b>", new DateOnly(2026, 11, 1)), today, entry,
            [text.Get(locale, MeetingsTextKeys.ActionPastDate, ActionItemDesk.DueText(locale, new DateOnly(2026, 11, 1)))]));
        yield return ($"meeting.action-form.saved.{locale}", ActionForm.Done(text, locale, MeetingsTextKeys.ActionFormSavedTitle,
            text.Get(locale, MeetingsTextKeys.ActionCreated, "1", "East Sales", AwkwardName, "call *Huawei* back", ActionItemDesk.DueText(locale, new DateOnly(2026, 11, 27)))));
    }

    private static IEnumerable<(string Name, AdaptiveCard Card)> KpiCardsOf(BotText text, string locale)
    {
        List<KpiListRow> rows =
        [
            new("revenue", "Revenue", "销售额", KpiUnit.Currency, "CNY", KpiAggregation.Sum, ["revenue", "rev", "sales", "销售额", "营收", "收入"], false),
            new("collections", "Collections", "回款", KpiUnit.Currency, "CNY", KpiAggregation.Sum, ["收款", "*paid* <b>x</b>"], false),
            new("win-rate", "Win \"rate\" <b>%</b>", "赢单率", KpiUnit.Percent, null, KpiAggregation.Average, [], false),
            new("visits", "Customer visits", "客户拜访", KpiUnit.Count, null, KpiAggregation.Sum, ["visit", "拜访"], true),
        ];
        yield return ($"kpis.list.{locale}", KpiListCard.Build(text, locale, rows));
    }

    private static IEnumerable<(string Name, AdaptiveCard Card)> CelebrationCardsOf(BotText text, string locale)
    {
        var rep = new CelebratedRep(2, "29:alice", AwkwardName);
        const string Customer = "*Acme* <b>\"华为\"</b>\n[link](http://x)";
        var deal = new CelebrationCardView(CelebrationKind.BigDeal, 1, "East Sales \"A\" 华东", rep, "Revenue", "¥600,000", null, null, Customer,
            "Big deal with Acme: ¥600,000 (Revenue)");
        yield return ($"celebration.big-deal.{locale}", CelebrationCard.Build(text, locale, deal));
        yield return ($"celebration.big-deal.personal.{locale}", CelebrationCard.Build(text, locale, deal with { Personal = true }));
        yield return ($"celebration.big-deal.no-customer.{locale}", CelebrationCard.Build(text, locale, deal with { Customer = null }));
        var target = new CelebrationCardView(CelebrationKind.RepTarget, 1, "East Sales", new CelebratedRep(3, "29:zhang", "张伟"), "销售额", "¥12万", "¥10万", "2026年11月",
            null, "2026年11月销售额目标完成率 100%");
        yield return ($"celebration.rep-target.{locale}", CelebrationCard.Build(text, locale, target));
        yield return ($"celebration.rep-target.personal.{locale}", CelebrationCard.Build(text, locale, target with { Personal = true }));
        yield return ($"celebration.rep-target.personal.no-channel.{locale}", CelebrationCard.Build(text, locale, target with { Personal = true, ChannelUnknown = true }));
        yield return ($"celebration.team-target.{locale}", CelebrationCard.Build(text, locale, new CelebrationCardView(
            CelebrationKind.TeamTarget, 1, "East Sales \"A\" 华东", null, "Revenue", "¥215,000", "¥200,000", "November 2026", null, string.Empty)));

        var form = new CelebrationSettingsForm(true, false, true, "500000");
        var kpi = new DealKpiLabel("Revenue", "CNY");
        yield return ($"celebrations.settings.{locale}", CelebrationSettingsCard.Build(text, locale, 1, "East Sales \"A\" 华东", form, kpi));
        yield return ($"celebrations.settings.saved.{locale}", CelebrationSettingsCard.Build(text, locale, 1, "East Sales", form, kpi, saved: true));
        yield return ($"celebrations.settings.invalid.{locale}", CelebrationSettingsCard.Build(text, locale, 1, "East Sales", form with { Threshold = "lots" }, kpi,
            error: text.Get(locale, CelebrationTextKeys.SettingsBadThreshold)));
        yield return ($"celebrations.settings.no-deal-kpi.{locale}", CelebrationSettingsCard.Build(text, locale, 1, "East Sales", form, null));
    }

    // The week-ahead card (money and count KPIs: behind, ahead, reached, no week target, no month target) and the pace
    // nudge (one KPI behind, and two), with a KPI name someone typed.
    private static IEnumerable<(string Name, AdaptiveCard Card)> WeekAheadCardsOf(BotText text, string locale)
    {
        // Monday 7 December 2026: 4 of December's 23 working days gone (China 2026 calendar: Monday to Friday in December).
        var today = new DateOnly(2026, 12, 7);
        var week = SalesPeriod.Containing(SalesPeriodKind.Week, today);
        var month = SalesPeriod.Containing(SalesPeriodKind.Month, today);
        Pace Month(decimal target, decimal actual) => PaceCalculator.Calculate(new PaceInput(target, actual, month, today, WorkingCalendarFile.China));
        var revenue = new WeekAheadRow("Revenue", KpiUnit.Currency, "CNY", 25_000m, Month(100_000m, 5_000m));
        var demos = new WeekAheadRow(AwkwardName, KpiUnit.Count, null, 3m, Month(12m, 4m));
        var calls = new WeekAheadRow("电话拜访", KpiUnit.Count, null, null, Month(40m, 41m));
        var meetings = new WeekAheadRow("Meetings", KpiUnit.Count, null, 5m, Month(0m, 0m));
        yield return ($"week-ahead.card.{locale}", WeekAheadCard.Build(text, locale, new WeekAheadView("tenant-contoso", 2, week, month, today, [revenue, demos, calls, meetings])));
        yield return ($"week-ahead.card.single.{locale}", WeekAheadCard.Build(text, locale, new WeekAheadView("tenant-contoso", 2, week, month, today, [revenue])));

        // Wednesday 9 December: 6 of 23 working days gone.
        var wednesday = today.AddDays(2);
        Pace Behind(decimal target, decimal actual) => PaceCalculator.Calculate(new PaceInput(target, actual, month, wednesday, WorkingCalendarFile.China));
        var late = new WeekAheadRow("Revenue", KpiUnit.Currency, "CNY", 25_000m, Behind(100_000m, 5_000m));
        var lateDemos = new WeekAheadRow(AwkwardName, KpiUnit.Count, null, 3m, Behind(12m, 1m));
        yield return ($"week-ahead.nudge.{locale}", PaceNudgeCard.Build(text, locale, new WeekAheadView("tenant-contoso", 2, week, month, wednesday, [late])));
        yield return ($"week-ahead.nudge.two.{locale}", PaceNudgeCard.Build(text, locale, new WeekAheadView("tenant-contoso", 2, week, month, wednesday, [late, lateDemos])));
    }

    private static IEnumerable<(string Name, AdaptiveCard Card)> FeedbackCardsOf(BotText text, string locale)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
        var given = new DateTimeOffset(2026, 11, 18, 2, 0, 0, TimeSpan.Zero);
        FeedbackNote Note(long id, FeedbackKind kind, string? situation, string behaviour, string? impact, DateTimeOffset? acknowledged = null) => new()
        {
            Id = id,
            TenantId = "tenant-contoso",
            EntryId = "entry-" + id,
            GiverMemberId = 9,
            ReceiverMemberId = 2,
            SalesTeamId = 7,
            Kind = kind,
            Situation = situation,
            Behaviour = behaviour,
            Impact = impact,
            GivenAt = given.AddDays(-id),
            AcknowledgedAt = acknowledged,
        };
        // What people write, awkward: Markdown, a mention, quotes, new lines, Chinese.
        var typed = new FeedbackView(Note(1, FeedbackKind.Note, null, "**Great** call with <at>华为</at> \"Acme\"\nkeep it up 拿下华为", null), AwkwardName, "Bob Li");
        var form = new FeedbackView(Note(2, FeedbackKind.ToImprove, "Acme renewal, Tuesday", "Talked price before value", "客户要求打折 [link](http://x)", given.AddHours(3)), "Mia Manager", AwkwardName);
        yield return ($"feedback.rep.{locale}", FeedbackCards.ForRep(text, locale, typed, zone));
        yield return ($"feedback.rep.acknowledged.{locale}", FeedbackCards.ForRep(text, locale, form, zone));
        yield return ($"feedback.copy.{locale}", FeedbackCards.GiverCopy(text, locale, typed, zone));
        yield return ($"feedback.copy.acknowledged.{locale}", FeedbackCards.GiverCopy(text, locale, form, zone));
        var recognition = new RecognitionEntry(5, given.AddDays(-1).AddHours(2), 3, AwkwardName, "Helped close *Acme*", "客户第一", 10, false);
        var celebration = new RecognitionEntry(6, given.AddDays(-3), null, null, "100% of the November target", null, 0, false);
        yield return ($"feedback.history.{locale}", FeedbackCards.History(text, locale,
            [new(typed.Note.GivenAt, typed, null), new(recognition.At, null, recognition), new(form.Note.GivenAt, form, null), new(celebration.At, null, celebration)],
            zone, celebration.At));
        yield return ($"feedback.history.empty.{locale}", FeedbackCards.History(text, locale, [], zone, null));
        yield return ($"feedback.given.{locale}", FeedbackCards.Given(text, locale, 2, AwkwardName, [typed, form], zone));
        yield return ($"feedback.given.none.{locale}", FeedbackCards.Given(text, locale, 2, "张伟", [], zone));
        FeedbackForm.Rep[] reps = [new(2, "Bob Li"), new(3, AwkwardName), new(4, "张伟")];
        yield return ($"feedback.form.{locale}", FeedbackForm.Build(text, locale, reps, FeedbackFormValues.Empty, "0123456789abcdef0123456789abcdef"));
        yield return ($"feedback.form.filled.{locale}", FeedbackForm.Build(text, locale, reps,
            new FeedbackFormValues("4", FeedbackForm.ToImproveChoice, null, "Typed in the channel: \"**not** here\"", null), "0123456789abcdef0123456789abcdef"));
        yield return ($"feedback.form.invalid.{locale}", FeedbackForm.Build(text, locale, reps, new FeedbackFormValues("99", null, "x", null, null),
            "0123456789abcdef0123456789abcdef", [text.Get(locale, FeedbackTextKeys.FormErrorRep), text.Get(locale, FeedbackTextKeys.FormErrorBehaviour)]));
        // The cadence nudge: a rep with days since the last feedback, an awkward name, one who never had any.
        yield return ($"feedback.nudge.{locale}", FeedbackNudgeCard.Build(text, locale, 9,
            [new DueRep(2, "Bob Li", 15, Never: false), new DueRep(3, AwkwardName, 40, Never: false), new DueRep(4, "张伟", 14, Never: true)]));
    }

    private static IEnumerable<(string Name, AdaptiveCard Card)> SettingsCards(BotText text, string locale)
    {
        var now = new DateTimeOffset(2026, 7, 1, 9, 0, 0, TimeSpan.Zero);
        var defaults = new MemberSettings(null, null, null, null, new HashSet<string>()).ToForm();
        yield return ($"settings.{locale}", SettingsCard.Build(text, locale, defaults, now));
        var chosen = new MemberSettings(locale, "Europe/Paris", new TimeOnly(22, 30), new TimeOnly(7, 0), new HashSet<string> { "nudges", "digests" }).ToForm();
        yield return ($"settings.saved.{locale}", SettingsCard.Build(text, locale, chosen, now, SettingsOutcome.Saved));
        var typed = defaults with { TimeZone = AwkwardName, QuietStart = "<at>25:00</at>" };
        yield return ($"settings.invalid.{locale}", SettingsCard.Build(text, locale, typed, now, SettingsOutcome.Invalid,
        [
            new SettingsError("timeZone", text.Get(locale, "settings.error.timezone", AwkwardName)),
            new SettingsError("quietStart", text.Get(locale, "settings.error.time")),
            new SettingsError("receive.nudges", text.Get(locale, "settings.error.toggle")),
            new SettingsError("receive.horoscopes", text.Get(locale, "settings.error.kind", "horoscopes", "reminders")),
        ]));
        // The answer to the one-click opt-out on the week-ahead card and the pace nudge.
        yield return ($"settings.opt-out.week-ahead.{locale}", OptOutCard.Build(text, locale, AutomaticMessageKinds.WeekAhead));
        yield return ($"settings.opt-out.nudges.{locale}", OptOutCard.Build(text, locale, AutomaticMessageKinds.Nudges));
    }

    private static IEnumerable<(string Name, AdaptiveCard Card)> LogFormCards(BotText text, string locale)
    {
        var today = new DateOnly(2026, 11, 18);
        var kpis = KpiDefaults.For("tenant", "CNY").ToList();
        kpis.Add(new KpiDefinition { TenantId = "tenant", Key = "demos", NameEn = AwkwardName, NameZh = "演示 \"VIP\"", Unit = KpiUnit.Count, SortOrder = 50 });
        // A fixed entry id (the bot makes a new GUID per form) keeps the approved JSON stable.
        const string entry = "0123456789abcdef0123456789abcdef";
        var empty = new LogFormValues(null, null, null, null, null);
        yield return ($"results.form.{locale}", LogResultForm.Build(text, locale, kpis, empty, today, entry, "month"));
        var typed = new LogFormValues("deal", "<at>12abc</at>", AwkwardName, "line one\nline \"two\"", "not a date");
        yield return ($"results.form.invalid.{locale}", LogResultForm.Build(text, locale, kpis, typed, today, entry, "2026-10",
            [text.Get(locale, "results.error.amount", "<at>12abc</at>"), text.Get(locale, "results.form.error.date")]));
    }

    private static IEnumerable<(string Name, AdaptiveCard Card)> ImportCards(BotText text, string locale)
    {
        var rejected = Enumerable.Range(2, 25).Select(line => new RejectedLine(line, text.Get(locale, "imports.reason.kpi", AwkwardName))).ToList();
        string[] samples = ["2026-11-03 · " + AwkwardName + " · 成交 · 120,000 · \"Acme\" <b>Ltd</b>", "2026-11-04 · Bob · visit · 1"];
        yield return ($"imports.preview.{locale}", ImportCard.Preview(text, locale,
            new ImportPreview(AwkwardName + ".xlsx", SalesCoachBot.Data.ImportKind.Results, 27, 2, rejected, samples, 42, TimeSpan.FromHours(24),
                [new ColumnRead("负责人", "member"), new ColumnRead("签约日期", "date"), new ColumnRead("合同金额", "deal-amount"), new ColumnRead(AwkwardName, "customer")],
                ["回款金额"], Enumerable.Range(1, 14).Select(i => "列" + i).ToList())));
        yield return ($"imports.preview.none-valid.{locale}", ImportCard.Preview(text, locale,
            new ImportPreview("targets.csv", SalesCoachBot.Data.ImportKind.Targets, 1, 0, rejected.Take(1).ToList(), [], null, TimeSpan.FromHours(24))));
        yield return ($"imports.imported.{locale}", ImportCard.Imported(text, locale, AwkwardName + ".csv", SalesCoachBot.Data.ImportKind.Results, 3, 1));
        // Lines whose id is already another member's result are named, not imported.
        yield return ($"imports.imported.taken.{locale}", ImportCard.Imported(text, locale, AwkwardName + ".csv", SalesCoachBot.Data.ImportKind.Results, 3, 1, [4, 17]));
        yield return ($"imports.imported.targets.{locale}", ImportCard.Imported(text, locale, "targets.xlsx", SalesCoachBot.Data.ImportKind.Targets, 2, 0));
        yield return ($"imports.cancelled.{locale}", ImportCard.Cancelled(text, locale, AwkwardName + ".csv"));
    }

    // Not a card the bot sends: every part of the model once, so the renderer checks the model's JSON shapes too.
    private static AdaptiveCard EveryElement()
    {
        var card = new AdaptiveCard { MsTeams = TeamsCardProperties.FullWidth(), FallbackText = "fallback" };
        var mention = card.Mention(new ChannelAccount { Id = "29:alice", Name = AwkwardName });
        card.Body.Add(new TextBlock(mention + " closed Acme") { Size = TextSize.ExtraLarge, Weight = TextWeight.Bolder, Color = TextColor.Good, Wrap = true, IsSubtle = false, Spacing = Spacing.Padding, Separator = true, HorizontalAlignment = HorizontalAlignment.Center, MaxLines = 2 });
        card.Body.Add(new RichTextBlock { Inlines = [new TextRun("bold") { Weight = TextWeight.Bolder, Italic = true, Highlight = true }, new TextRun(" struck") { Strikethrough = true, Color = TextColor.Attention }] });
        card.Body.Add(new FactSet { Facts = [new CardFact("Revenue", "120,000"), new CardFact("目标", "80%")] });
        card.Body.Add(new ColumnSet
        {
            Style = ContainerStyle.Emphasis,
            Columns =
            [
                new Column { Width = ColumnWidth.Auto, Items = [new Image(new Uri("https://example.com/a.png")) { Size = ImageSize.Small, Style = ImageStyle.Person, AltText = "avatar" }] },
                new Column { Width = ColumnWidth.Stretch, VerticalContentAlignment = VerticalAlignment.Center, Items = [new TextBlock("stretch")] },
                new Column { Width = ColumnWidth.OfWeight(2), Items = [new TextBlock("weight")] },
                new Column { Width = ColumnWidth.OfPixels(80), Items = [new TextBlock("px")] },
            ],
        });
        card.Body.Add(new Container
        {
            Style = ContainerStyle.Good,
            Bleed = true,
            SelectAction = new OpenUrlAction("Open", new Uri("https://example.com/deal")),
            Items =
            [
                new GaugeChart(80, new TextBlock("80% of target")) { Title = "Revenue", Min = 0, Max = 100, ValueFormat = "Percentage", Segments = [new GaugeSegment(0, 50, "attention"), new GaugeSegment(50, 100, "good")] },
                new VerticalBarChart([new BarValue("W45", 3), new BarValue("W46", 5)], new FactSet { Facts = [new CardFact("W45", "3"), new CardFact("W46", "5")] }) { XAxisTitle = "week", YAxisTitle = "deals" },
                new DonutChart([new DonutSlice("Won", 3), new DonutSlice("Lost", 1)], new TextBlock("3 won, 1 lost")),
                new LineChart([new LineSeries("Revenue", [new LinePoint("W45", 10), new LinePoint("W46", 12)])], new TextBlock("10 → 12")),
            ],
        });
        card.Body.Add(new Table
        {
            FirstRowAsHeader = true,
            ShowGridLines = true,
            Columns = [new TableColumnDefinition(ColumnWidth.OfWeight(2)), new TableColumnDefinition(ColumnWidth.OfWeight(1))],
            Rows =
            [
                new TableRow { Style = ContainerStyle.Accent, Cells = [TableCell.OfText("Rep", TextWeight.Bolder), TableCell.OfText("%", TextWeight.Bolder)] },
                new TableRow { Cells = [TableCell.OfText(AwkwardName), TableCell.OfText("80%")] },
            ],
        });
        card.Body.Add(new TextInput("note") { Label = "Note", Placeholder = "…", IsMultiline = true, MaxLength = 500, Style = TextInputStyle.Text, IsRequired = true, ErrorMessage = "Write a note" });
        card.Body.Add(new NumberInput("amount") { Label = "Amount", Min = 0, Max = 1_000_000, Value = 120000 });
        card.Body.Add(new ChoiceSetInput("kpi") { Label = "KPI", Style = ChoiceInputStyle.Compact, Choices = [new InputChoice("Revenue", "revenue"), new InputChoice("合同", "contracts")], Value = "revenue" });
        card.Body.Add(new DateInput("due") { Label = "Due", Value = new DateOnly(2026, 12, 1), Min = new DateOnly(2026, 11, 1) });
        card.Body.Add(new ToggleInput("private", "Keep it private") { Value = "true", Wrap = true });
        card.Body.Add(new ActionSet { Actions = [SubmitAction.ForVerb("demo.inline", "Inline")] });
        return new AdaptiveCard
        {
            MsTeams = card.MsTeams,
            FallbackText = card.FallbackText,
            Body = card.Body,
            Refresh = new CardRefresh(new ExecuteAction("demo.refresh", "Refresh"), ["29:alice"]),
            Actions =
            [
                new ExecuteAction("demo.save", "Save", new Dictionary<string, object?> { ["id"] = 7 }) { Style = ActionStyle.Positive },
                SubmitAction.ForVerb("demo.cancel", "Cancel"),
                new OpenUrlAction("Docs", new Uri("https://example.com/docs")),
                new ShowCardAction("More", new AdaptiveCard { Body = [new TextInput("more") { Label = "More" }], Actions = [new ExecuteAction("demo.more", "Send")] }),
            ],
        };
    }
}

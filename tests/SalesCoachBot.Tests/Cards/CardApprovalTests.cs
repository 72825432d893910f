using System.Reflection;
using SalesCoachBot.Features.Help;
using SalesCoachBot.Localization;
using SalesCoachBot.Teams.Cards;

namespace SalesCoachBot.Tests.Cards;

/// <summary>Every card of <see cref="CardCatalog"/>, in every locale, against its approved JSON (Cards/Approved, see Cards/README.md).</summary>
public class CardApprovalTests
{
    // Each card builder in src and the catalog names its cards start with; a new builder fails the coverage test below
    // until it is added here and to the catalog.
    private static readonly Dictionary<string, string[]> CatalogPrefixes = new(StringComparer.Ordinal)
    {
        ["HelpCard.Build"] = ["help.personal.", "help.channel.", "help.groupChat."],
        ["WelcomeCard.Build"] = ["welcome.personal.", "welcome.team.", "welcome.team.setup."],
        ["SettingsCard.Build"] = ["settings.", "settings.saved.", "settings.invalid."],
        ["TargetsCard.Build"] = ["targets.on-pace.", "targets.notice.", "targets.past-month.", "targets.next-month.", "targets.summed-year."],
        ["RecognitionCard.Build"] = ["recognition.value.", "recognition.plain."],
        ["PraiseForm.Build"] = ["praise.form.", "praise.form.values.", "praise.form.invalid."],
        ["PraiseForm.Done"] = ["praise.form.sent.", "praise.form.cancelled."],
        ["RecognitionBoard.Build"] = ["recognition.board.", "recognition.board.manager.", "recognition.board.empty."],
        ["AgendaCard.Build"] = ["meeting.agenda.", "meeting.agenda.empty.", "meeting.review."],
        ["MeetingReminderCard.Build"] = ["meeting.reminder.", "meeting.reminder.no-agenda.", "meeting.reminder.review."],
        ["ActionListCard.Build"] = ["meeting.actions.", "meeting.actions.teams."],
        ["ActionDueCard.Build"] = ["meeting.action-due.", "meeting.action-due.overdue."],
        ["ActionForm.Build"] = ["meeting.action-form.", "meeting.action-form.invalid."],
        ["ActionForm.Done"] = ["meeting.action-form.saved."],
        ["CelebrationCard.Build"] = ["celebration.big-deal.", "celebration.big-deal.personal.", "celebration.rep-target.", "celebration.rep-target.personal.", "celebration.team-target."],
        ["CelebrationSettingsCard.Build"] = ["celebrations.settings.", "celebrations.settings.saved.", "celebrations.settings.invalid.", "celebrations.settings.no-deal-kpi."],
        ["SetTargetPickCard.Build"] = ["targets.pick."],
        // Scorecards (issue 13 point 2).
        ["ScorecardCards.Rep"] = ["scorecards.rep."],
        ["ScorecardCards.Summary"] = ["scorecards.summary."],
        ["LogResultForm.Build"] = ["results.form.", "results.form.invalid."],
        ["WeekAheadCard.Build"] = ["week-ahead.card.", "week-ahead.card.single."],
        ["PaceNudgeCard.Build"] = ["week-ahead.nudge.", "week-ahead.nudge.two."],
        ["OptOutCard.Build"] = ["settings.opt-out.week-ahead.", "settings.opt-out.nudges."],
        ["ImportCard.Preview"] = ["imports.preview.", "imports.preview.none-valid."],
        ["ImportCard.Imported"] = ["imports.imported.", "imports.imported.targets."],
        ["ImportCard.Cancelled"] = ["imports.cancelled."],
        ["TeamCard.Build"] = ["team.month.", "team.no-kpis.", "team.past-month.", "team.next-quarter.", "team.feedback.", "team.praise."],
        ["FeedbackCards.ForRep"] = ["feedback.rep.", "feedback.rep.acknowledged."],
        ["FeedbackCards.GiverCopy"] = ["feedback.copy.", "feedback.copy.acknowledged."],
        ["FeedbackCards.History"] = ["feedback.history.", "feedback.history.empty."],
        ["FeedbackCards.Given"] = ["feedback.given.", "feedback.given.none."],
        ["FeedbackForm.Build"] = ["feedback.form.", "feedback.form.filled.", "feedback.form.invalid."],
        ["FeedbackNudgeCard.Build"] = ["feedback.nudge."],
        // Issue 13: the KPI list.
        ["KpiListCard.Build"] = ["kpis.list."],
        ["LeaderboardCard.Build"] = ["leaderboard.month.", "leaderboard.improved.month.", "leaderboard.past-month.", "leaderboard.improved.past-month.", "leaderboard.praise."],
        // Commission (issue 13, point 4).
        ["CommissionCards.Rep"] = ["commission.rep.", "commission.rep.of.", "commission.rep.whole.", "commission.rep.top.", "commission.rep.capped.", "commission.rep.no-target."],
        ["CommissionCards.Team"] = ["commission.team.", "commission.team.no-reps."],
    };

    public static TheoryData<string> CardNames => new(CardCatalog.ByName.Keys.Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(CardNames))]
    public void Card_AsSerialized_MatchesApprovedJson(string name)
    {
        Approved.Verify(name, CardCatalog.ByName[name]);
    }

    [Fact]
    public void ApprovedFolder_EveryFile_BelongsToACatalogCard()
    {
        var orphans = Directory.EnumerateFiles(Approved.Folder, "*.approved.json")
            .Select(path => Path.GetFileName(path)[..^".approved.json".Length])
            .Where(name => !CardCatalog.ByName.ContainsKey(name))
            .ToList();

        Assert.True(orphans.Count == 0, "Approved files without a card in CardCatalog (delete them or add the card): " + string.Join(", ", orphans));
    }

    [Fact]
    public void Catalog_EveryCardBuilderInSrc_HasCardsInEveryLocale()
    {
        var builders = typeof(HelpCard).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Where(m => m.ReturnType == typeof(AdaptiveCard))
            .Select(m => $"{m.DeclaringType!.Name}.{m.Name}")
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.Equal(CatalogPrefixes.Keys.Order(StringComparer.Ordinal), builders);
        var missing = CatalogPrefixes.Values.SelectMany(prefixes => prefixes)
            .SelectMany(prefix => BotText.Locales.Select(locale => (prefix, locale)))
            .Where(p => !CardCatalog.ByName.Keys.Any(name => name.StartsWith(p.prefix, StringComparison.Ordinal) && name.EndsWith("." + p.locale, StringComparison.Ordinal)))
            .Select(p => p.prefix + "*." + p.locale)
            .ToList();
        Assert.True(missing.Count == 0, "No catalog card for: " + string.Join(", ", missing));
    }

    [Fact]
    public void Normalize_CardWithChinese_IsIndentedAndKeepsTheCharacters()
    {
        var card = new AdaptiveCard { Body = [new TextBlock("目标 \"quoted\" <b>")] };

        var json = Approved.Normalize(card);

        Assert.Contains("\n  \"body\": [", json, StringComparison.Ordinal);
        Assert.Contains("目标 \\\"quoted\\\" <b>", json, StringComparison.Ordinal);
        Assert.EndsWith("]\n}\n", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\r", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_ChangedCard_WritesReceivedFileAndFailsWithHowToApprove()
    {
        const string name = "selftest.changed";
        var received = Approved.ReceivedPath(name);
        var approved = Approved.ApprovedPath(name);
        File.WriteAllText(approved, Approved.Normalize(new AdaptiveCard { Body = [new TextBlock("before")] }));
        try
        {
            var failure = Assert.ThrowsAny<Exception>(() => Approved.Verify(name, new AdaptiveCard { Body = [new TextBlock("after")] }));

            Assert.Contains("differs from its approved file", failure.Message, StringComparison.Ordinal);
            Assert.Contains($"mv '{received}' '{approved}'", failure.Message, StringComparison.Ordinal);
            Assert.Contains("received: \"text\": \"after\"", failure.Message, StringComparison.Ordinal);
            Assert.Contains("\"after\"", File.ReadAllText(received), StringComparison.Ordinal);

            // Approving (received → approved) makes it pass and clears the received file.
            File.Move(received, approved, overwrite: true);
            Approved.Verify(name, new AdaptiveCard { Body = [new TextBlock("after")] });
            Assert.False(File.Exists(received));
        }
        finally
        {
            File.Delete(received);
            File.Delete(approved);
        }
    }

    [Fact]
    public void Verify_NoApprovedFile_WritesReceivedFileAndFails()
    {
        const string name = "selftest.missing";
        var received = Approved.ReceivedPath(name);
        try
        {
            var failure = Assert.ThrowsAny<Exception>(() => Approved.Verify(name, new AdaptiveCard()));

            Assert.Contains("has no approved file yet", failure.Message, StringComparison.Ordinal);
            Assert.True(File.Exists(received));
            Assert.False(File.Exists(Approved.ApprovedPath(name)));
        }
        finally
        {
            File.Delete(received);
        }
    }
}

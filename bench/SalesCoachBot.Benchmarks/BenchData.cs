using SalesCoachBot.Data;
using SalesCoachBot.Sales;

namespace SalesCoachBot.Benchmarks;

/// <summary>
/// The rows of the benchmark store, generated from the scale's seed (same scale, same rows), as plain values so the
/// SQLite and PostgreSQL writers store exactly the same data. Ids are explicit: members 1..Reps, teams 1..Teams,
/// KPIs 1..4 in <see cref="KpiDefaults.Keys"/> order.
/// </summary>
public sealed class BenchData(BenchScale scale)
{
    /// <summary>Bumped when the generated rows change, so cached databases are rebuilt.</summary>
    public const int Version = 1;

    // Share of each default KPI among results: revenue deals, contracts, new customers, visits.
    private static readonly int[] KpiWeights = [40, 15, 10, 35];

    public BenchScale Scale { get; } = scale;

    public static IReadOnlyList<KpiDefinition> Kpis() =>
        KpiDefaults.For(BenchWorld.TenantId, BenchWorld.Currency)
            // The bench's shape stays the four defaults (ids 1..4); a CNY tenant's collections is not part of it.
            .Where(k => k.Key != KpiDefaults.Collections).Select((k, i) => { k.Id = i + 1; return k; }).ToList();

    public IEnumerable<SalesTeam> Teams()
    {
        for (var id = 1; id <= Scale.Teams; id++)
        {
            yield return new SalesTeam
            {
                Id = id,
                TenantId = BenchWorld.TenantId,
                Name = $"Team {id:0000}",
                TeamsTeamId = $"19:bench-team-{id}@thread.tacv2",
                ChannelId = $"19:bench-team-{id}@thread.tacv2",
                // One team in twenty works from Singapore: weekends-only calendar, another zone.
                TimeZone = id % 20 == 0 ? "Asia/Singapore" : "Asia/Shanghai",
                CreatedAt = new DateTimeOffset(2025, 6, 1, 0, 0, 0, TimeSpan.Zero),
            };
        }
    }

    public IEnumerable<Member> Members()
    {
        var created = new DateTimeOffset(2025, 6, 1, 0, 0, 0, TimeSpan.Zero);
        for (long id = 1; id <= Scale.Reps; id++)
        {
            yield return new Member
            {
                Id = id,
                TenantId = BenchWorld.TenantId,
                TeamsUserId = BenchWorld.TeamsUserId(id),
                AadObjectId = BenchWorld.AadObjectId(id),
                Name = BenchWorld.MemberName(id),
                Locale = BenchWorld.Locale(id),
                // Most reps take their team's zone; one in ten chose their own.
                TimeZone = id % 10 == 3 ? "Asia/Shanghai" : null,
                Email = $"rep{id}@bench.example",
                CreatedAt = created,
                UpdatedAt = created,
            };
        }
    }

    public long TeamOf(long memberId) => ((memberId - 1) / Scale.RepsPerTeam) + 1;

    public IEnumerable<TeamMembership> Memberships()
    {
        for (long id = 1; id <= Scale.Reps; id++)
        {
            yield return new TeamMembership
            {
                Id = id,
                TenantId = BenchWorld.TenantId,
                SalesTeamId = TeamOf(id),
                MemberId = id,
                Role = TeamRole.Rep,
                JoinedAt = new DateTimeOffset(2025, 6, 1, 0, 0, 0, TimeSpan.Zero),
            };
        }
    }

    /// <summary>Every rep has talked to the bot before: their 1:1 chat is known (the whole-turn measurement needs it).</summary>
    public IEnumerable<Conversation> Conversations()
    {
        var seen = new DateTimeOffset(2026, 1, 5, 1, 0, 0, TimeSpan.Zero);
        for (long id = 1; id <= Scale.Reps; id++)
        {
            yield return new Conversation
            {
                Id = id,
                TenantId = BenchWorld.TenantId,
                ConversationId = BenchWorld.PersonalConversationId(id),
                ServiceUrl = BenchWorld.ServiceUrl,
                ConversationType = "personal",
                MemberId = id,
                BotId = BenchWorld.BotId,
                CreatedAt = seen,
                LastSeenAt = seen,
                WelcomedAt = seen,
            };
        }
    }

    /// <summary>
    /// Yearly targets of every rep for every KPI in 2025 and 2026 (one in five with month weights), a December
    /// revenue override for one rep in ten, and a yearly revenue target per team.
    /// </summary>
    public IEnumerable<SalesTarget> Targets()
    {
        var random = new Random(Scale.Seed + 1);
        var setAt = new DateTimeOffset(2025, 12, 20, 2, 0, 0, TimeSpan.Zero);
        long id = 0;
        for (long member = 1; member <= Scale.Reps; member++)
        {
            foreach (var year in (int[])[2025, 2026])
            {
                for (var kpi = 1; kpi <= KpiDefaults.Keys.Count; kpi++)
                {
                    yield return new SalesTarget
                    {
                        Id = ++id,
                        TenantId = BenchWorld.TenantId,
                        MemberId = member,
                        KpiId = kpi,
                        Year = year,
                        PeriodKind = TargetPeriodKind.Year,
                        PeriodStart = new DateOnly(year, 1, 1),
                        Amount = YearlyTarget(random, kpi),
                        MonthWeights = random.Next(5) == 0 ? MonthWeights(random) : null,
                        SetAt = setAt,
                    };
                }
            }

            if (member % 10 == 7)
            {
                yield return new SalesTarget
                {
                    Id = ++id,
                    TenantId = BenchWorld.TenantId,
                    MemberId = member,
                    KpiId = 1,
                    Year = 2026,
                    PeriodKind = TargetPeriodKind.Month,
                    PeriodStart = new DateOnly(2026, 12, 1),
                    Amount = 150_000m,
                    IsOverride = true,
                    SetAt = setAt,
                };
            }
        }

        for (long team = 1; team <= Scale.Teams; team++)
        {
            yield return new SalesTarget
            {
                Id = ++id,
                TenantId = BenchWorld.TenantId,
                SalesTeamId = team,
                KpiId = 1,
                Year = 2026,
                PeriodKind = TargetPeriodKind.Year,
                PeriodStart = new DateOnly(2026, 1, 1),
                Amount = 12_000_000m,
                SetAt = setAt,
            };
        }
    }

    /// <summary>How many rows <see cref="Targets"/> yields.</summary>
    public int TargetCount =>
        (Scale.Reps * 2 * KpiDefaults.Keys.Count) + Enumerable.Range(1, Scale.Reps).Count(m => m % 10 == 7) + Scale.Teams;

    /// <summary>
    /// The results: reps chosen at random, days spread evenly from 1 January to "today", mostly typed in chat, some from
    /// cards, imports and a CRM; one in fifty chat or card results was undone.
    /// </summary>
    public IEnumerable<SalesResult> Results()
    {
        var random = new Random(Scale.Seed);
        var days = BenchWorld.Today.DayNumber - BenchWorld.FirstDay.DayNumber + 1;
        var weightTotal = KpiWeights.Sum();
        for (long id = 1; id <= Scale.Results; id++)
        {
            var member = random.NextInt64(1, Scale.Reps + 1);
            var kpi = PickKpi(random.Next(weightTotal));
            var day = BenchWorld.FirstDay.AddDays(random.Next(days));
            var roll = random.Next(100);
            var source = roll switch
            {
                < 85 => ResultSources.Chat,
                < 92 => ResultSources.Card,
                < 97 => ResultSources.Import,
                _ => ResultSources.Zoho,
            };
            var recordedAt = new DateTimeOffset(day.ToDateTime(new TimeOnly(1, 0)), TimeSpan.Zero).AddMinutes(random.Next(600));
            var undone = ResultSources.IsUndoable(source) && random.Next(50) == 0;
            yield return new SalesResult
            {
                Id = id,
                TenantId = BenchWorld.TenantId,
                MemberId = member,
                KpiId = kpi,
                Amount = kpi == 1 ? Math.Round(1_000m + (decimal)(random.NextDouble() * 199_000), 2) : 1m,
                OccurredOn = day,
                Customer = kpi is 1 or 3 ? $"Customer {random.Next(50_000)}" : null,
                Note = random.Next(10) == 0 ? "follow up next week" : null,
                Source = source,
                ExternalId = $"bench-{id}",
                RecordedAt = recordedAt,
                RecordedByMemberId = member,
                UndoneAt = undone ? recordedAt.AddMinutes(3) : null,
            };
        }
    }

    private static int PickKpi(int roll)
    {
        for (var i = 0; i < KpiWeights.Length; i++)
        {
            if (roll < KpiWeights[i])
            {
                return i + 1;
            }

            roll -= KpiWeights[i];
        }

        return KpiWeights.Length;
    }

    private static decimal YearlyTarget(Random random, int kpi) => kpi switch
    {
        1 => 600_000m + (random.Next(19) * 100_000m),
        2 => 12 + random.Next(49),
        3 => 6 + random.Next(35),
        _ => 200 + random.Next(401),
    };

    private static string MonthWeights(Random random) =>
        string.Join(';', Enumerable.Range(0, 12).Select(_ => (8 + random.Next(5)).ToString(System.Globalization.CultureInfo.InvariantCulture)));
}

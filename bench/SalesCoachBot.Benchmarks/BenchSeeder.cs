using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;
using SalesCoachBot.Data;

namespace SalesCoachBot.Benchmarks;

/// <summary>Rows written per table and how long the whole seeding took.</summary>
public sealed record SeedReport(IReadOnlyDictionary<string, int> Rows, TimeSpan Elapsed);

/// <summary>
/// Fills an empty, migrated store with <see cref="BenchData"/>: SQLite in one transaction of prepared inserts,
/// PostgreSQL with binary COPY. Writes the columns directly (not through EF) because EF would take minutes for a
/// million rows; values are stored the way the app's EF mappings store them (SQLite: times as UTC microseconds,
/// dates as yyyy-MM-dd text, decimals as text).
/// </summary>
public static class BenchSeeder
{
    private static readonly string[] TablesWithIds =
        ["kpi_definitions", "sales_teams", "members", "team_memberships", "conversation_references", "sales_targets", "sales_results"];

    public static async Task<SeedReport> SeedAsync(DatabaseProvider provider, string connectionString, BenchScale scale, CancellationToken cancellationToken = default)
    {
        var data = new BenchData(scale);
        var clock = Stopwatch.StartNew();
        var rows = provider == DatabaseProvider.Postgres
            ? await SeedPostgresAsync(connectionString, data, cancellationToken)
            : await SeedSqliteAsync(connectionString, data, cancellationToken);
        return new SeedReport(rows, clock.Elapsed);
    }

    private static IEnumerable<ITable> Tables(BenchData data) =>
    [
        new Table<Tenant>("tenants", [new Tenant { TenantId = BenchWorld.TenantId, FirstSeenAt = new DateTimeOffset(2025, 6, 1, 0, 0, 0, TimeSpan.Zero) }],
        [
            new("tenant_id", NpgsqlDbType.Varchar, t => t.TenantId),
            new("first_seen_at", NpgsqlDbType.TimestampTz, t => t.FirstSeenAt),
        ]),
        new Table<KpiDefinition>("kpi_definitions", BenchData.Kpis(),
        [
            new("id", NpgsqlDbType.Bigint, k => k.Id),
            new("tenant_id", NpgsqlDbType.Varchar, k => k.TenantId),
            new("key", NpgsqlDbType.Varchar, k => k.Key),
            new("name_en", NpgsqlDbType.Varchar, k => k.NameEn),
            new("name_zh", NpgsqlDbType.Varchar, k => k.NameZh),
            new("unit", NpgsqlDbType.Integer, k => (int)k.Unit),
            new("aggregation", NpgsqlDbType.Integer, k => (int)k.Aggregation),
            new("currency", NpgsqlDbType.Varchar, k => k.Currency),
            new("sort_order", NpgsqlDbType.Integer, k => k.SortOrder),
            new("is_active", NpgsqlDbType.Boolean, k => k.IsActive),
        ]),
        new Table<SalesTeam>("sales_teams", data.Teams(),
        [
            new("id", NpgsqlDbType.Bigint, t => t.Id),
            new("tenant_id", NpgsqlDbType.Varchar, t => t.TenantId),
            new("name", NpgsqlDbType.Varchar, t => t.Name),
            new("teams_team_id", NpgsqlDbType.Varchar, t => t.TeamsTeamId),
            new("channel_id", NpgsqlDbType.Varchar, t => t.ChannelId),
            new("time_zone", NpgsqlDbType.Varchar, t => t.TimeZone),
            new("created_at", NpgsqlDbType.TimestampTz, t => t.CreatedAt),
        ]),
        new Table<Member>("members", data.Members(),
        [
            new("id", NpgsqlDbType.Bigint, m => m.Id),
            new("tenant_id", NpgsqlDbType.Varchar, m => m.TenantId),
            new("teams_user_id", NpgsqlDbType.Varchar, m => m.TeamsUserId),
            new("aad_object_id", NpgsqlDbType.Varchar, m => m.AadObjectId),
            new("name", NpgsqlDbType.Varchar, m => m.Name),
            new("locale", NpgsqlDbType.Varchar, m => m.Locale),
            new("time_zone", NpgsqlDbType.Varchar, m => m.TimeZone),
            new("email", NpgsqlDbType.Varchar, m => m.Email),
            new("is_admin", NpgsqlDbType.Boolean, m => m.IsAdmin),
            new("created_at", NpgsqlDbType.TimestampTz, m => m.CreatedAt),
            new("updated_at", NpgsqlDbType.TimestampTz, m => m.UpdatedAt),
        ]),
        new Table<TeamMembership>("team_memberships", data.Memberships(),
        [
            new("id", NpgsqlDbType.Bigint, m => m.Id),
            new("tenant_id", NpgsqlDbType.Varchar, m => m.TenantId),
            new("sales_team_id", NpgsqlDbType.Bigint, m => m.SalesTeamId),
            new("member_id", NpgsqlDbType.Bigint, m => m.MemberId),
            new("role", NpgsqlDbType.Integer, m => (int)m.Role),
            new("joined_at", NpgsqlDbType.TimestampTz, m => m.JoinedAt),
        ]),
        new Table<Conversation>("conversation_references", data.Conversations(),
        [
            new("id", NpgsqlDbType.Bigint, c => c.Id),
            new("tenant_id", NpgsqlDbType.Varchar, c => c.TenantId),
            new("conversation_id", NpgsqlDbType.Varchar, c => c.ConversationId),
            new("service_url", NpgsqlDbType.Varchar, c => c.ServiceUrl),
            new("conversation_type", NpgsqlDbType.Varchar, c => c.ConversationType),
            new("member_id", NpgsqlDbType.Bigint, c => c.MemberId),
            new("bot_id", NpgsqlDbType.Varchar, c => c.BotId),
            new("created_at", NpgsqlDbType.TimestampTz, c => c.CreatedAt),
            new("last_seen_at", NpgsqlDbType.TimestampTz, c => c.LastSeenAt),
            new("welcomed_at", NpgsqlDbType.TimestampTz, c => c.WelcomedAt),
        ]),
        new Table<SalesTarget>("sales_targets", data.Targets(),
        [
            new("id", NpgsqlDbType.Bigint, t => t.Id),
            new("tenant_id", NpgsqlDbType.Varchar, t => t.TenantId),
            new("member_id", NpgsqlDbType.Bigint, t => t.MemberId),
            new("sales_team_id", NpgsqlDbType.Bigint, t => t.SalesTeamId),
            new("kpi_id", NpgsqlDbType.Bigint, t => t.KpiId),
            new("year", NpgsqlDbType.Integer, t => t.Year),
            new("period_kind", NpgsqlDbType.Integer, t => (int)t.PeriodKind),
            new("period_start", NpgsqlDbType.Date, t => t.PeriodStart),
            new("amount", NpgsqlDbType.Numeric, t => t.Amount),
            new("month_weights", NpgsqlDbType.Varchar, t => t.MonthWeights),
            new("is_override", NpgsqlDbType.Boolean, t => t.IsOverride),
            new("set_at", NpgsqlDbType.TimestampTz, t => t.SetAt),
        ]),
        new Table<SalesResult>("sales_results", data.Results(),
        [
            new("id", NpgsqlDbType.Bigint, r => r.Id),
            new("tenant_id", NpgsqlDbType.Varchar, r => r.TenantId),
            new("member_id", NpgsqlDbType.Bigint, r => r.MemberId),
            new("kpi_id", NpgsqlDbType.Bigint, r => r.KpiId),
            new("amount", NpgsqlDbType.Numeric, r => r.Amount),
            new("occurred_on", NpgsqlDbType.Date, r => r.OccurredOn),
            new("customer", NpgsqlDbType.Varchar, r => r.Customer),
            new("note", NpgsqlDbType.Varchar, r => r.Note),
            new("source", NpgsqlDbType.Varchar, r => r.Source),
            new("external_id", NpgsqlDbType.Varchar, r => r.ExternalId),
            new("recorded_at", NpgsqlDbType.TimestampTz, r => r.RecordedAt),
            new("recorded_by_member_id", NpgsqlDbType.Bigint, r => r.RecordedByMemberId),
            new("undone_at", NpgsqlDbType.TimestampTz, r => r.UndoneAt),
        ]),
    ];

    private static async Task<IReadOnlyDictionary<string, int>> SeedSqliteAsync(string connectionString, BenchData data, CancellationToken cancellationToken)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using (var pragma = connection.CreateCommand())
        {
            // Only this connection, only while seeding: the file is rebuilt from scratch if the process dies.
            pragma.CommandText = "PRAGMA synchronous = OFF; PRAGMA cache_size = -200000;";
            await pragma.ExecuteNonQueryAsync(cancellationToken);
        }

        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        foreach (var table in Tables(data))
        {
            counts[table.Name] = await table.InsertSqliteAsync(connection, transaction, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return counts;
    }

    private static async Task<IReadOnlyDictionary<string, int>> SeedPostgresAsync(string connectionString, BenchData data, CancellationToken cancellationToken)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        // A million-row COPY and the ANALYZE after it outlast the default 30 s timeout on a busy machine.
        var seeding = new NpgsqlConnectionStringBuilder(connectionString) { CommandTimeout = 1800 }.ToString();
        await using var connection = new NpgsqlConnection(seeding);
        await connection.OpenAsync(cancellationToken);
        foreach (var table in Tables(data))
        {
            counts[table.Name] = await table.CopyPostgresAsync(connection, cancellationToken);
        }

        // Explicit ids leave the identity sequences behind; the app's own inserts must not collide with them.
        foreach (var table in TablesWithIds)
        {
            await using var sequence = new NpgsqlCommand(
                $"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT max(id) FROM {table}))", connection);
            await sequence.ExecuteNonQueryAsync(cancellationToken);
        }

        // What autovacuum would do soon after a bulk load: planner statistics for the new rows.
        await using var analyze = new NpgsqlCommand("ANALYZE", connection);
        await analyze.ExecuteNonQueryAsync(cancellationToken);
        return counts;
    }

    private interface ITable
    {
        string Name { get; }

        Task<int> InsertSqliteAsync(SqliteConnection connection, SqliteTransaction transaction, CancellationToken cancellationToken);

        Task<int> CopyPostgresAsync(NpgsqlConnection connection, CancellationToken cancellationToken);
    }

    private sealed record Column<T>(string Name, NpgsqlDbType Type, Func<T, object?> Value);

    private sealed class Table<T>(string name, IEnumerable<T> rows, IReadOnlyList<Column<T>> columns) : ITable
    {
        public string Name => name;

        public async Task<int> InsertSqliteAsync(SqliteConnection connection, SqliteTransaction transaction, CancellationToken cancellationToken)
        {
            await using var insert = connection.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = $"INSERT INTO {name} ({string.Join(", ", columns.Select(c => c.Name))}) "
                + $"VALUES ({string.Join(", ", columns.Select((_, i) => "$p" + i))})";
            var parameters = columns.Select((_, i) => insert.Parameters.Add(new SqliteParameter("$p" + i, null))).ToArray();
            insert.Prepare();
            var count = 0;
            foreach (var row in rows)
            {
                for (var i = 0; i < columns.Count; i++)
                {
                    parameters[i].Value = ToSqlite(columns[i].Value(row));
                }

                await insert.ExecuteNonQueryAsync(cancellationToken);
                count++;
            }

            return count;
        }

        public async Task<int> CopyPostgresAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
        {
            var count = 0;
            await using var writer = await connection.BeginBinaryImportAsync(
                $"COPY {name} ({string.Join(", ", columns.Select(c => c.Name))}) FROM STDIN (FORMAT BINARY)", cancellationToken);
            foreach (var row in rows)
            {
                await writer.StartRowAsync(cancellationToken);
                foreach (var column in columns)
                {
                    if (column.Value(row) is { } value)
                    {
                        await writer.WriteAsync(value, column.Type, cancellationToken);
                    }
                    else
                    {
                        await writer.WriteNullAsync(cancellationToken);
                    }
                }

                count++;
            }

            await writer.CompleteAsync(cancellationToken);
            return count;
        }

        // The SQLite representations of the app's EF mappings (see SqliteSalesCoachDbContext).
        private static object ToSqlite(object? value) => value switch
        {
            null => DBNull.Value,
            DateTimeOffset time => (time.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / TimeSpan.TicksPerMicrosecond,
            DateOnly day => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            decimal amount => amount.ToString("0.0###########################", CultureInfo.InvariantCulture),
            bool flag => flag ? 1L : 0L,
            _ => value,
        };
    }
}

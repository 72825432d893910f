using System.Data.Common;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;
using SalesCoachBot.Data;

namespace SalesCoachBot.Benchmarks;

/// <summary>One SQL command EF sent, with copies of its parameters.</summary>
public sealed record CapturedCommand(string Sql, IReadOnlyList<DbParameter> Parameters);

/// <summary>Records the commands EF sends while <see cref="Recording"/> is on (explain mode only: not in timed runs).</summary>
public sealed class CommandCapture : DbCommandInterceptor
{
    private readonly List<CapturedCommand> _commands = [];

    public bool Recording { get; set; }

    public IReadOnlyList<CapturedCommand> Commands => _commands;

    public void Clear() => _commands.Clear();

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return base.ScalarExecutingAsync(command, eventData, result, cancellationToken);
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
    }

    private void Record(DbCommand command)
    {
        if (!Recording)
        {
            return;
        }

        var parameters = command.Parameters.Cast<DbParameter>().Select(Copy).ToList();
        _commands.Add(new CapturedCommand(command.CommandText, parameters));
    }

    private static DbParameter Copy(DbParameter parameter) => parameter switch
    {
        NpgsqlParameter npgsql => npgsql.Clone(),
        SqliteParameter sqlite => new SqliteParameter(sqlite.ParameterName, sqlite.Value) { SqliteType = sqlite.SqliteType, Size = sqlite.Size },
        _ => throw new NotSupportedException(parameter.GetType().Name),
    };
}

/// <summary>The plans of captured queries: EXPLAIN QUERY PLAN on SQLite, EXPLAIN (ANALYZE, BUFFERS) on PostgreSQL.</summary>
public static class QueryPlans
{
    /// <param name="connection">An open connection of the app's store (on SQLite it has EF's functions, e.g. ef_sum).</param>
    public static async Task<string> ExplainAsync(DatabaseProvider provider, DbConnection connection, IReadOnlyList<CapturedCommand> commands)
    {
        var report = new StringBuilder();
        var number = 0;
        foreach (var command in commands)
        {
            number++;
            report.AppendLine($"-- {provider} query {number}");
            report.AppendLine(command.Sql.Trim());
            report.AppendLine("   parameters: " + string.Join(", ", command.Parameters.Select(p => $"{p.ParameterName}={p.Value}")));
            if (!command.Sql.TrimStart().StartsWith("SELECT", StringComparison.OrdinalIgnoreCase))
            {
                report.AppendLine("   (not a query: no plan)");
                continue;
            }

            await using var explain = connection.CreateCommand();
            explain.CommandText = (provider == DatabaseProvider.Postgres ? "EXPLAIN (ANALYZE, BUFFERS) " : "EXPLAIN QUERY PLAN ") + command.Sql;
            foreach (var parameter in command.Parameters)
            {
                explain.Parameters.Add(parameter is NpgsqlParameter npgsql ? npgsql.Clone() : parameter);
            }

            await using var reader = await explain.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                report.AppendLine("   " + (provider == DatabaseProvider.Postgres ? reader.GetString(0) : reader.GetString(3)));
            }

            explain.Parameters.Clear();
        }

        return report.ToString();
    }
}

using Microsoft.EntityFrameworkCore;
using SalesCoachBot.Data;
using SalesCoachBot.Uploads;

namespace SalesCoachBot.Features.Admin;

/// <summary>Sales teams as CSV: name, teams_team_id, time_zone, channel_id. Upsert by Teams team id, then by name.</summary>
internal static class TeamCsv
{
    public static IReadOnlyList<string> Columns { get; } = ["name", "teams_team_id", "time_zone", "channel_id"];

    public static IReadOnlyList<string> RequiredColumns { get; } = ["name", "time_zone"];

    public static async Task<string> ExportAsync(SalesCoachDbContext db, CancellationToken cancellationToken)
    {
        var teams = await db.SalesTeams.AsNoTracking().OrderBy(t => t.Id).ToListAsync(cancellationToken).ConfigureAwait(false);
        return CsvExport.Write(Columns, teams.Select(t => new[] { t.Name, t.TeamsTeamId, t.TimeZone, t.ChannelId }));
    }

    public static async Task<ImportReport> ImportAsync(
        SalesCoachDbContext db, List<SheetRow> rows, List<RejectedRow> rejected, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var teams = await db.SalesTeams.ToListAsync(cancellationToken).ConfigureAwait(false);
        var seenTeamsIds = new Dictionary<string, int>(StringComparer.Ordinal);
        var seenNames = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        int imported = 0, unchanged = 0;

        foreach (var row in rows)
        {
            var name = row["name"];
            var teamsId = row["teams_team_id"];
            var timeZone = row["time_zone"];
            var channel = row["channel_id"];
            var reason = (name is null ? "name is required" : null)
                ?? (timeZone is null ? "time_zone is required" : null)
                ?? ImportRules.CheckLength(name, "name", ColumnLengths.Name)
                ?? ImportRules.CheckLength(teamsId, "teams_team_id", ColumnLengths.ChannelAccountId)
                ?? ImportRules.CheckLength(channel, "channel_id", ColumnLengths.ChannelAccountId)
                ?? ImportRules.CheckTimeZone(timeZone)
                ?? (teamsId is not null && seenTeamsIds.TryGetValue(teamsId, out var sameId) ? $"teams_team_id repeats line {sameId}" : null)
                ?? (seenNames.TryGetValue(name!, out var sameName) ? $"name repeats line {sameName}" : null);

            SalesTeam? team = null;
            if (reason is null)
            {
                team = teamsId is null ? null : teams.FirstOrDefault(t => t.TeamsTeamId == teamsId);
                if (team is null)
                {
                    var named = teams.Where(t => string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase)).ToList();
                    if (named.Count > 1)
                    {
                        reason = $"several teams are named '{ImportRules.Cut(name!)}'; give its teams_team_id";
                    }
                    else if (named.Count == 1 && teamsId is not null && named[0].TeamsTeamId is not null)
                    {
                        reason = $"the team named '{ImportRules.Cut(name!)}' belongs to another Teams team";
                    }
                    else
                    {
                        team = named.SingleOrDefault();
                    }
                }
            }

            if (reason is not null)
            {
                rejected.Add(new RejectedRow(row.Line, reason));
                continue;
            }

            if (teamsId is not null)
            {
                seenTeamsIds[teamsId] = row.Line;
            }

            seenNames[name!] = row.Line;
            if (team is null)
            {
                team = new SalesTeam { TenantId = db.CurrentTenantId!, Name = name!, TeamsTeamId = teamsId, TimeZone = timeZone!, ChannelId = channel, CreatedAt = now };
                db.SalesTeams.Add(team);
                teams.Add(team);
                imported++;
                continue;
            }

            // Empty optional cells leave what is stored: a sheet without channel ids does not unbind channels.
            var changed = false;
            changed |= Set(team.Name, name!, v => team.Name = v);
            changed |= Set(team.TimeZone, timeZone!, v => team.TimeZone = v);
            changed |= teamsId is not null && Set(team.TeamsTeamId, teamsId, v => team.TeamsTeamId = v);
            changed |= channel is not null && Set(team.ChannelId, channel, v => team.ChannelId = v);
            if (changed)
            {
                imported++;
            }
            else
            {
                unchanged++;
            }
        }

        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return new ImportReport(imported, unchanged, rejected);
    }

    internal static bool Set(string? current, string value, Action<string> assign)
    {
        if (string.Equals(current, value, StringComparison.Ordinal))
        {
            return false;
        }

        assign(value);
        return true;
    }
}

/// <summary>What an import did: rows that changed something, valid rows that changed nothing, and refused rows.</summary>
internal sealed record ImportReport(int Imported, int Unchanged, IReadOnlyList<RejectedRow> Rejected);

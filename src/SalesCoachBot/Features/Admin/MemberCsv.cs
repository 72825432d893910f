using Microsoft.EntityFrameworkCore;
using SalesCoachBot.Data;
using SalesCoachBot.Uploads;

namespace SalesCoachBot.Features.Admin;

/// <summary>
/// Members as CSV, one team per member: email, name, team, role, time_zone, locale, line_manager_email,
/// teams_user_id, aad_object_id. Upsert by e-mail, then AAD object id, then Teams user id; empty cells leave what
/// is stored. Teams must exist (teams import or the bot's installation) before members are placed in them.
/// </summary>
internal static class MemberCsv
{
    public static IReadOnlyList<string> Columns { get; } =
        ["email", "name", "team", "role", "time_zone", "locale", "line_manager_email", "teams_user_id", "aad_object_id"];

    public static IReadOnlyList<string> RequiredColumns { get; } = ["email"];

    public static bool IsPending(string teamsUserId) => teamsUserId.StartsWith(Member.PendingTeamsUserIdPrefix, StringComparison.Ordinal);

    public static async Task<string> ExportAsync(SalesCoachDbContext db, CancellationToken cancellationToken)
    {
        var members = await db.Members.AsNoTracking().OrderBy(m => m.Id).ToListAsync(cancellationToken).ConfigureAwait(false);
        var emails = members.ToDictionary(m => m.Id, m => m.Email);
        var places = (await db.TeamMemberships.AsNoTracking()
                .Where(t => t.LeftAt == null && t.SalesTeam!.ArchivedAt == null)
                .OrderBy(t => t.SalesTeamId)
                .Select(t => new { t.MemberId, Team = t.SalesTeam!.Name, t.Role })
                .ToListAsync(cancellationToken).ConfigureAwait(false))
            .GroupBy(t => t.MemberId)
            .ToDictionary(g => g.Key, g => g.First());

        return CsvExport.Write(Columns, members.Select(m =>
        {
            var place = places.GetValueOrDefault(m.Id);
            return new[]
            {
                m.Email, m.Name, place?.Team, place?.Role.ToString(), m.TimeZone, m.PreferredLocale,
                m.LineManagerId is { } manager ? emails.GetValueOrDefault(manager) : null,
                IsPending(m.TeamsUserId) ? null : m.TeamsUserId, m.AadObjectId,
            };
        }));
    }

    public static async Task<ImportReport> ImportAsync(
        SalesCoachDbContext db, List<SheetRow> rows, List<RejectedRow> rejected, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var members = await db.Members.ToListAsync(cancellationToken).ConfigureAwait(false);
        var teams = await db.SalesTeams.AsNoTracking().Where(t => t.ArchivedAt == null).ToListAsync(cancellationToken).ConfigureAwait(false);

        // 1. Each row on its own, and against the rows before it.
        var valid = new List<MemberRow>();
        foreach (var row in rows)
        {
            var (parsed, reason) = Parse(row, teams);
            Member? existing = null;
            if (parsed is not null)
            {
                reason = Duplicate(parsed, valid) ?? Match(parsed, members, out existing);
            }

            if (reason is not null || parsed is null)
            {
                rejected.Add(new RejectedRow(row.Line, reason ?? "invalid row"));
                continue;
            }

            valid.Add(parsed with { Existing = existing });
        }

        // 2. Line managers must be known members or valid rows of this file (repeat: a refused row can strand others).
        for (var changed = true; changed;)
        {
            var known = members.Select(m => m.Email).Concat(valid.Select(v => v.Email)).OfType<string>().ToHashSet(StringComparer.Ordinal);
            var stranded = valid.Where(v => v.LineManagerEmail is not null && !known.Contains(v.LineManagerEmail)).ToList();
            foreach (var row in stranded)
            {
                valid.Remove(row);
                rejected.Add(new RejectedRow(row.Line, $"line_manager_email '{ImportRules.Cut(row.LineManagerEmail!)}' is not a member (import the manager too)"));
            }

            changed = stranded.Count > 0;
        }

        // 3. Upsert the members, then (with ids) their managers and teams.
        var touched = new HashSet<int>();
        foreach (var row in valid)
        {
            var member = row.Existing;
            if (member is null)
            {
                member = new Member
                {
                    TenantId = db.CurrentTenantId!,
                    TeamsUserId = row.TeamsUserId ?? Member.PendingTeamsUserIdPrefix + Guid.NewGuid().ToString("N"),
                    CreatedAt = now,
                    UpdatedAt = now,
                };
                db.Members.Add(member);
                members.Add(member);
                touched.Add(row.Line);
            }

            if (Apply(member, row))
            {
                member.UpdatedAt = now;
                touched.Add(row.Line);
            }

            row.Member = member;
        }

        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);

        var byEmail = members.Where(m => m.Email is not null).GroupBy(m => m.Email!, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Id, StringComparer.Ordinal);
        var memberIds = valid.Select(v => v.Member!.Id).ToList();
        var memberships = await db.TeamMemberships.Where(t => memberIds.Contains(t.MemberId)).ToListAsync(cancellationToken).ConfigureAwait(false);
        foreach (var row in valid)
        {
            var member = row.Member!;
            if (row.LineManagerEmail is not null && member.LineManagerId != byEmail[row.LineManagerEmail])
            {
                member.LineManagerId = byEmail[row.LineManagerEmail];
                member.UpdatedAt = now;
                touched.Add(row.Line);
            }

            if (row.Team is null)
            {
                continue;
            }

            var membership = memberships.FirstOrDefault(t => t.MemberId == member.Id && t.SalesTeamId == row.Team.Id);
            if (membership is null)
            {
                db.TeamMemberships.Add(new TeamMembership
                {
                    TenantId = db.CurrentTenantId!, SalesTeamId = row.Team.Id, MemberId = member.Id, Role = row.Role, JoinedAt = now,
                });
                touched.Add(row.Line);
            }
            else if (membership.Role != row.Role || membership.LeftAt is not null)
            {
                membership.Role = row.Role;
                membership.LeftAt = null;
                touched.Add(row.Line);
            }
        }

        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return new ImportReport(touched.Count, valid.Count - touched.Count, rejected);
    }

    private static (MemberRow? Row, string? Reason) Parse(SheetRow row, List<SalesTeam> teams)
    {
        var emailReason = ImportRules.NormalizeEmail(row["email"], "email", out var email);
        var managerReason = ImportRules.NormalizeEmail(row["line_manager_email"], "line_manager_email", out var managerEmail);
        var reason = emailReason
            ?? managerReason
            ?? ImportRules.CheckLength(row["name"], "name", ColumnLengths.Name)
            ?? ImportRules.CheckLength(row["teams_user_id"], "teams_user_id", ColumnLengths.ChannelAccountId)
            ?? ImportRules.CheckTimeZone(row["time_zone"]);
        if (reason is not null)
        {
            return (null, reason);
        }

        string? aadId = null;
        if (row["aad_object_id"] is { } aad)
        {
            if (!Guid.TryParse(aad, out var parsedAad))
            {
                return (null, $"aad_object_id '{ImportRules.Cut(aad)}' is not a GUID");
            }

            aadId = parsedAad.ToString("D");
        }

        var teamsUserId = row["teams_user_id"];
        if (teamsUserId is not null && IsPending(teamsUserId))
        {
            return (null, "teams_user_id is not a Teams user id");
        }

        if (email is null && aadId is null && teamsUserId is null)
        {
            return (null, "email is required (or aad_object_id / teams_user_id for a member the bot already knows)");
        }

        if (managerEmail is not null && managerEmail == email)
        {
            return (null, "a member cannot be their own line manager");
        }

        string? locale = null;
        if (row["locale"] is { } localeCell)
        {
            locale = ImportRules.Locales.FirstOrDefault(l => string.Equals(l, localeCell, StringComparison.OrdinalIgnoreCase));
            if (locale is null)
            {
                return (null, $"locale '{ImportRules.Cut(localeCell)}' is not one of {string.Join(", ", ImportRules.Locales)}");
            }
        }

        SalesTeam? team = null;
        var role = TeamRole.Rep;
        var teamName = row["team"];
        var roleCell = row["role"];
        if (teamName is null && roleCell is not null)
        {
            return (null, "role needs a team");
        }

        if (teamName is not null)
        {
            if (roleCell is null || !Enum.TryParse(roleCell, ignoreCase: true, out role) || !Enum.IsDefined(role) || int.TryParse(roleCell, out _))
            {
                return (null, $"role '{ImportRules.Cut(roleCell ?? "")}' must be Rep or Manager");
            }

            var named = teams.Where(t => string.Equals(t.Name, teamName, StringComparison.OrdinalIgnoreCase)).ToList();
            if (named.Count == 0)
            {
                return (null, $"team '{ImportRules.Cut(teamName)}' does not exist (import teams first)");
            }

            if (named.Count > 1)
            {
                return (null, $"several teams are named '{ImportRules.Cut(teamName)}'");
            }

            team = named[0];
        }

        return (new MemberRow(row.Line, email, row["name"], team, role, row["time_zone"], locale, managerEmail, teamsUserId, aadId), null);
    }

    private static string? Duplicate(MemberRow row, List<MemberRow> earlier)
    {
        var same = earlier.FirstOrDefault(e =>
            (row.Email is not null && e.Email == row.Email)
            || (row.AadObjectId is not null && e.AadObjectId == row.AadObjectId)
            || (row.TeamsUserId is not null && e.TeamsUserId == row.TeamsUserId));
        return same is null ? null : $"the same member as line {same.Line}";
    }

    /// <summary>Finds the stored member the row means; refuses a row whose ids point at two different members.</summary>
    private static string? Match(MemberRow row, List<Member> members, out Member? existing)
    {
        var byEmail = row.Email is null ? null : members.FirstOrDefault(m => string.Equals(m.Email, row.Email, StringComparison.OrdinalIgnoreCase));
        var byAad = row.AadObjectId is null ? null : members.FirstOrDefault(m => string.Equals(m.AadObjectId, row.AadObjectId, StringComparison.OrdinalIgnoreCase));
        var byTeams = row.TeamsUserId is null ? null : members.FirstOrDefault(m => m.TeamsUserId == row.TeamsUserId);
        existing = byEmail ?? byAad ?? byTeams;
        if ((byAad is not null && byAad != existing) || (byTeams is not null && byTeams != existing))
        {
            existing = null;
            return "email, aad_object_id and teams_user_id name different members";
        }

        if (existing is not null && row.TeamsUserId is not null && !IsPending(existing.TeamsUserId) && existing.TeamsUserId != row.TeamsUserId)
        {
            existing = null;
            return "the member already has another teams_user_id";
        }

        if (existing is not null && row.AadObjectId is not null && existing.AadObjectId is not null
            && !string.Equals(existing.AadObjectId, row.AadObjectId, StringComparison.OrdinalIgnoreCase))
        {
            existing = null;
            return "the member already has another aad_object_id";
        }

        return null;
    }

    private static bool Apply(Member member, MemberRow row)
    {
        var changed = false;
        changed |= row.Email is not null && TeamCsv.Set(member.Email, row.Email, v => member.Email = v);
        changed |= row.Name is not null && TeamCsv.Set(member.Name, row.Name, v => member.Name = v);
        changed |= row.TimeZone is not null && TeamCsv.Set(member.TimeZone, row.TimeZone, v => member.TimeZone = v);
        changed |= row.Locale is not null && TeamCsv.Set(member.PreferredLocale, row.Locale, v => member.PreferredLocale = v);
        changed |= row.AadObjectId is not null && member.AadObjectId is null && TeamCsv.Set(member.AadObjectId, row.AadObjectId, v => member.AadObjectId = v);
        changed |= row.TeamsUserId is not null && TeamCsv.Set(member.TeamsUserId, row.TeamsUserId, v => member.TeamsUserId = v);
        return changed;
    }

    private sealed record MemberRow(
        int Line, string? Email, string? Name, SalesTeam? Team, TeamRole Role, string? TimeZone, string? Locale,
        string? LineManagerEmail, string? TeamsUserId, string? AadObjectId)
    {
        public Member? Existing { get; init; }

        public Member? Member { get; set; }
    }
}

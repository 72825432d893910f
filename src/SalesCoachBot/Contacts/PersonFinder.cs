using Microsoft.EntityFrameworkCore;
using SalesCoachBot.Data;
using SalesCoachBot.Teams.Activities;
using SalesCoachBot.Teams.Routing;

namespace SalesCoachBot.Contacts;

/// <summary>Someone a command may name (a rep of the caller's teams): member id, display name, e-mail and Teams id.</summary>
internal sealed record NamedPerson(long MemberId, string? Name, string? Email, string? TeamsUserId);

/// <summary>
/// Whom typed words meant among the people a command allows: the matches (one, none or several), what was typed as it
/// should be quoted back, and, when nobody allowed matched, the name of a member of the tenant who does (so the answer
/// is "not one of yours" rather than "unknown").
/// </summary>
internal sealed record PersonMatch(IReadOnlyList<NamedPerson> Matches, string Shown, string? ElsewhereName);

/// <summary>
/// Finds the person a manager typed, the same way for every command: by mention entity (its Teams id, never the name in
/// the text), by e-mail or display name ignoring case, else by a unique word or beginning of the name (<c>Rita</c> → Rita
/// Rep, <c>张</c> → 张伟). The store must be bound to the turn's tenant.
/// </summary>
internal sealed class PersonFinder(SalesCoachDbContext store)
{
    public async Task<PersonMatch> FindAsync(Activity activity, IReadOnlyList<NamedPerson> people, string who, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentNullException.ThrowIfNull(people);
        ArgumentNullException.ThrowIfNull(who);
        List<NamedPerson> matches;
        string shown;
        IQueryable<Member> sameInTenant;
        if (who.StartsWith("<at>", StringComparison.OrdinalIgnoreCase))
        {
            var mention = activity.GetMentions().FirstOrDefault(m => m.Text is not null && Fold(TypedText.Normalize(m.Text)) == Fold(who));
            var teamsUserId = mention?.Mentioned.Id;
            shown = mention?.Mentioned.Name ?? StripAt(who);
            matches = teamsUserId is null ? [] : [.. people.Where(p => p.TeamsUserId == teamsUserId)];
            sameInTenant = store.Members.Where(m => teamsUserId != null && m.TeamsUserId == teamsUserId);
        }
        else if (who.Contains('@', StringComparison.Ordinal))
        {
            // Imports store e-mails lower-cased; Teams keeps them as typed: compared ignoring case.
            var email = who.Trim();
            var lower = email.ToLowerInvariant();
            shown = who;
            matches = [.. people.Where(p => string.Equals(p.Email, email, StringComparison.OrdinalIgnoreCase))];
            sameInTenant = store.Members.Where(m => m.Email == email || m.Email == lower);
        }
        else
        {
            var name = Fold(who);
            shown = who;
            matches = [.. people.Where(p => p.Name is not null && Fold(p.Name) == name)];
            if (matches.Count == 0)
            {
                // Not the full name: a whole word of it (Rita → Rita Rep, Wang → Alice Wang) or its beginning (张 → 张伟).
                matches = [.. people.Where(p => p.Name is not null && (Fold(p.Name).StartsWith(name, StringComparison.Ordinal) || Fold(p.Name).Split(' ').Contains(name)))];
            }

            var exact = who.Trim();
            sameInTenant = store.Members.Where(m => m.Name == exact);
        }

        var elsewhere = matches.Count == 0
            ? await sameInTenant.Select(m => m.Name).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false)
            : null;
        return new PersonMatch(matches, shown, elsewhere);
    }

    /// <summary>True when <paramref name="who"/> is exactly someone's display name or e-mail (so words after it are not part of the name).</summary>
    public static bool IsExactly(IEnumerable<NamedPerson> people, string who)
    {
        ArgumentNullException.ThrowIfNull(people);
        ArgumentNullException.ThrowIfNull(who);
        return people.Any(p => (p.Name is not null && Fold(p.Name) == Fold(who))
            || (who.Contains('@', StringComparison.Ordinal) && string.Equals(p.Email, who.Trim(), StringComparison.OrdinalIgnoreCase)));
    }

    /// <summary>A typed mention without its tags, to quote back when the mention entity is missing.</summary>
    public static string StripAt(string who) =>
        who.Replace("<at>", string.Empty, StringComparison.OrdinalIgnoreCase).Replace("</at>", string.Empty, StringComparison.OrdinalIgnoreCase);

    // Names compare by their words, ignoring case and spacing.
    private static string Fold(string name) => string.Join(' ', name.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant();
}

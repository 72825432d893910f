namespace SalesCoachBot.Contacts;

/// <summary>Text keys of the turn guard's refusals (contacts.*.json).</summary>
internal static class ContactsTextKeys
{
    public const string NoMember = "contacts.noMember";
    public const string WrongScope = "contacts.wrongScope";
    public const string ScopePersonal = "contacts.scope.personal";
    public const string ScopeChannel = "contacts.scope.channel";
    public const string ScopeGroupChat = "contacts.scope.groupChat";
    public const string ScopeOr = "contacts.scope.or";
}

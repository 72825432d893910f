#pragma warning disable CA1812, CA1822 // Fixtures: small types that exist only to break the rules.
using SalesCoachBot.Data;

namespace SalesCoachBot.Tests.Architecture.Fixtures.Features.Alpha
{
    /// <summary>Uses Beta's card: one half of a cycle.</summary>
    internal sealed class AlphaCommand
    {
        public string Show() => Beta.BetaCard.Title;
    }

    /// <summary>Reads Beta's table directly instead of through Beta's store.</summary>
    internal sealed class AlphaTargetPeek
    {
        public decimal AmountOf(SalesTarget target) => target.Amount;
    }
}

namespace SalesCoachBot.Tests.Architecture.Fixtures.Features.Beta
{
    /// <summary>Uses Alpha's command: the other half of the cycle.</summary>
    internal sealed class BetaCard
    {
        public static string Title => "beta";

        public string Back(Alpha.AlphaCommand command) => command.Show();
    }
}

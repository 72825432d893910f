using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace SalesCoachBot.Data;

/// <summary>Stores a <see cref="DateTimeOffset"/> as UTC microseconds since 1970-01-01 (read back with offset zero).</summary>
internal sealed class UnixMicrosecondsConverter : ValueConverter<DateTimeOffset, long>
{
    public UnixMicrosecondsConverter()
        : base(
            value => (value.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / TimeSpan.TicksPerMicrosecond,
            stored => new DateTimeOffset(DateTimeOffset.UnixEpoch.UtcTicks + (stored * TimeSpan.TicksPerMicrosecond), TimeSpan.Zero))
    {
    }
}

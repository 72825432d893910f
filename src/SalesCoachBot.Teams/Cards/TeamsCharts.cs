namespace SalesCoachBot.Teams.Cards;

/// <summary>
/// A chart only Teams renders. Other clients (and the Adaptive Cards renderers) show its fallback, so the fallback
/// is a constructor argument: a chart cannot be built without one.
/// </summary>
public abstract class TeamsChart : CardElement
{
    /// <summary>Creates the chart with the plain 1.5 element other clients show.</summary>
    protected TeamsChart(CardElement fallback)
    {
        ArgumentNullException.ThrowIfNull(fallback);
        Fallback = fallback;
    }

    /// <summary>Title above the chart.</summary>
    public string? Title { get; init; }

    /// <summary>Named color set (e.g. categorical, sequential, diverging).</summary>
    public string? ColorSet { get; init; }
}

/// <summary>A gauge: one value on a scale, e.g. % of target.</summary>
public sealed class GaugeChart : TeamsChart
{
    /// <summary>Creates the gauge.</summary>
    public GaugeChart(decimal value, CardElement fallback) : base(fallback) => Value = value;

    /// <summary>The value shown.</summary>
    public decimal Value { get; }

    /// <summary>Start of the scale.</summary>
    public decimal? Min { get; init; }

    /// <summary>End of the scale.</summary>
    public decimal? Max { get; init; }

    /// <summary>Percentage or Fraction.</summary>
    public string? ValueFormat { get; init; }

    /// <summary>Text under the value.</summary>
    public string? SubLabel { get; init; }

    /// <summary>Colored ranges of the scale.</summary>
    public IList<GaugeSegment>? Segments { get; init; }
}

/// <summary>A colored range of a gauge.</summary>
public sealed record GaugeSegment(decimal From, decimal To, string? Color = null, string? Legend = null);

/// <summary>Vertical bars, one per label.</summary>
public sealed class VerticalBarChart : TeamsChart
{
    /// <summary>Creates the chart.</summary>
    public VerticalBarChart(IList<BarValue> data, CardElement fallback) : base(fallback)
    {
        ArgumentNullException.ThrowIfNull(data);
        Data = data;
    }

    /// <summary>The bars.</summary>
    public IList<BarValue> Data { get; }

    /// <summary>Title of the x axis.</summary>
    public string? XAxisTitle { get; init; }

    /// <summary>Title of the y axis.</summary>
    public string? YAxisTitle { get; init; }

    /// <summary>Print each bar's value.</summary>
    public bool? ShowBarValues { get; init; }
}

/// <summary>A bar: its label and value.</summary>
public sealed record BarValue(string X, decimal Y, string? Color = null);

/// <summary>A donut: shares of a whole.</summary>
public sealed class DonutChart : TeamsChart
{
    /// <summary>Creates the chart.</summary>
    public DonutChart(IList<DonutSlice> data, CardElement fallback) : base(fallback)
    {
        ArgumentNullException.ThrowIfNull(data);
        Data = data;
    }

    /// <summary>The slices.</summary>
    public IList<DonutSlice> Data { get; }
}

/// <summary>A slice of a donut.</summary>
public sealed record DonutSlice(string Legend, decimal Value, string? Color = null);

/// <summary>Lines over x values, e.g. weekly results.</summary>
public sealed class LineChart : TeamsChart
{
    /// <summary>Creates the chart.</summary>
    public LineChart(IList<LineSeries> data, CardElement fallback) : base(fallback)
    {
        ArgumentNullException.ThrowIfNull(data);
        Data = data;
    }

    /// <summary>The series.</summary>
    public IList<LineSeries> Data { get; }

    /// <summary>Title of the x axis.</summary>
    public string? XAxisTitle { get; init; }

    /// <summary>Title of the y axis.</summary>
    public string? YAxisTitle { get; init; }
}

/// <summary>One line of a <see cref="LineChart"/>.</summary>
public sealed record LineSeries(string Legend, IList<LinePoint> Values, string? Color = null);

/// <summary>A point of a line (x as a label, e.g. a week).</summary>
public sealed record LinePoint(string X, decimal Y);

using System.Text.Json.Serialization;

namespace SalesCoachBot.Teams.Cards;

/// <summary>
/// An element of a card body. The JSON <c>type</c> comes from the concrete class; every element type the
/// model knows is listed here, so an unknown subclass fails at serialization instead of sending a broken card.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type", UnknownDerivedTypeHandling = JsonUnknownDerivedTypeHandling.FailSerialization)]
[JsonDerivedType(typeof(TextBlock), "TextBlock")]
[JsonDerivedType(typeof(RichTextBlock), "RichTextBlock")]
[JsonDerivedType(typeof(FactSet), "FactSet")]
[JsonDerivedType(typeof(ColumnSet), "ColumnSet")]
[JsonDerivedType(typeof(Container), "Container")]
[JsonDerivedType(typeof(Image), "Image")]
[JsonDerivedType(typeof(Table), "Table")]
[JsonDerivedType(typeof(ActionSet), "ActionSet")]
[JsonDerivedType(typeof(TextInput), "Input.Text")]
[JsonDerivedType(typeof(NumberInput), "Input.Number")]
[JsonDerivedType(typeof(ChoiceSetInput), "Input.ChoiceSet")]
[JsonDerivedType(typeof(DateInput), "Input.Date")]
[JsonDerivedType(typeof(ToggleInput), "Input.Toggle")]
[JsonDerivedType(typeof(GaugeChart), "Chart.Gauge")]
[JsonDerivedType(typeof(VerticalBarChart), "Chart.VerticalBar")]
[JsonDerivedType(typeof(DonutChart), "Chart.Donut")]
[JsonDerivedType(typeof(LineChart), "Chart.Line")]
public abstract class CardElement
{
    private readonly CardElement? _fallback;

    /// <summary>Unique id within the card (inputs use it as the submitted field name).</summary>
    public string? Id { get; init; }

    /// <summary>Space above the element.</summary>
    public Spacing? Spacing { get; init; }

    /// <summary>Draws a line above the element.</summary>
    public bool? Separator { get; init; }

    /// <summary>False hides the element initially.</summary>
    public bool? IsVisible { get; init; }

    /// <summary>
    /// What a client that cannot render this element shows instead. Teams-only elements require one, and a fallback
    /// must itself render in plain Adaptive Cards 1.5 clients.
    /// </summary>
    public CardElement? Fallback
    {
        get => _fallback;
        init
        {
            if (value is null && IsTeamsOnly)
            {
                throw new ArgumentNullException(nameof(value), $"{GetType().Name} renders only in Teams and needs a fallback element.");
            }

            if (value is not null && value.IsTeamsOnly)
            {
                throw new ArgumentException($"A fallback must render in plain Adaptive Cards 1.5; {value.GetType().Name} does not.", nameof(value));
            }

            _fallback = value;
        }
    }

    /// <summary>True for elements only Teams renders (charts); they cannot exist without a fallback.</summary>
    [JsonIgnore]
    public bool IsTeamsOnly => this is TeamsChart;
}

/// <summary>A paragraph of text (a small Markdown subset).</summary>
public sealed class TextBlock : CardElement
{
    /// <summary>Creates a text block.</summary>
    public TextBlock(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        Text = text;
    }

    /// <summary>The text.</summary>
    public string Text { get; }

    /// <summary>Size.</summary>
    public TextSize? Size { get; init; }

    /// <summary>Weight.</summary>
    public TextWeight? Weight { get; init; }

    /// <summary>Color.</summary>
    public TextColor? Color { get; init; }

    /// <summary>Wrap long text instead of cutting it.</summary>
    public bool? Wrap { get; init; }

    /// <summary>Dimmed text.</summary>
    public bool? IsSubtle { get; init; }

    /// <summary>Horizontal alignment.</summary>
    public HorizontalAlignment? HorizontalAlignment { get; init; }

    /// <summary>Maximum number of lines shown.</summary>
    public int? MaxLines { get; init; }
}

/// <summary>Text made of runs with their own formatting.</summary>
public sealed class RichTextBlock : CardElement
{
    /// <summary>The runs.</summary>
    public IList<TextRun> Inlines { get; init; } = [];

    /// <summary>Horizontal alignment.</summary>
    public HorizontalAlignment? HorizontalAlignment { get; init; }
}

/// <summary>A run of text inside a <see cref="RichTextBlock"/>.</summary>
public sealed class TextRun
{
    /// <summary>Creates a run.</summary>
    public TextRun(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        Text = text;
    }

    /// <summary>Always TextRun.</summary>
    [JsonPropertyOrder(-1)]
    public string Type { get; } = "TextRun";

    /// <summary>The text (no Markdown).</summary>
    public string Text { get; }

    /// <summary>Size.</summary>
    public TextSize? Size { get; init; }

    /// <summary>Weight.</summary>
    public TextWeight? Weight { get; init; }

    /// <summary>Color.</summary>
    public TextColor? Color { get; init; }

    /// <summary>Dimmed text.</summary>
    public bool? IsSubtle { get; init; }

    /// <summary>Italic.</summary>
    public bool? Italic { get; init; }

    /// <summary>Struck through.</summary>
    public bool? Strikethrough { get; init; }

    /// <summary>Highlighted.</summary>
    public bool? Highlight { get; init; }

    /// <summary>Action when the run is clicked.</summary>
    public CardButton? SelectAction { get; init; }
}

/// <summary>Label–value pairs.</summary>
public sealed class FactSet : CardElement
{
    /// <summary>The facts.</summary>
    public IList<CardFact> Facts { get; init; } = [];
}

/// <summary>One label–value pair of a <see cref="FactSet"/>.</summary>
public sealed record CardFact(string Title, string Value);

/// <summary>Columns side by side.</summary>
public sealed class ColumnSet : CardElement
{
    /// <summary>The columns.</summary>
    public IList<Column> Columns { get; init; } = [];

    /// <summary>Background style.</summary>
    public ContainerStyle? Style { get; init; }

    /// <summary>Stretch the background to the card's edges.</summary>
    public bool? Bleed { get; init; }

    /// <summary>Action when the set is clicked.</summary>
    public CardButton? SelectAction { get; init; }
}

/// <summary>A column of a <see cref="ColumnSet"/>.</summary>
public sealed class Column
{
    /// <summary>Always Column.</summary>
    [JsonPropertyOrder(-1)]
    public string Type { get; } = "Column";

    /// <summary>Width: auto, stretch, a weight or pixels.</summary>
    public ColumnWidth? Width { get; init; }

    /// <summary>The column's elements.</summary>
    public IList<CardElement> Items { get; init; } = [];

    /// <summary>Background style.</summary>
    public ContainerStyle? Style { get; init; }

    /// <summary>Vertical alignment of the items.</summary>
    public VerticalAlignment? VerticalContentAlignment { get; init; }

    /// <summary>Space before the column.</summary>
    public Spacing? Spacing { get; init; }

    /// <summary>Action when the column is clicked.</summary>
    public CardButton? SelectAction { get; init; }
}

/// <summary>A group of elements with an optional background style and click action.</summary>
public sealed class Container : CardElement
{
    /// <summary>The elements.</summary>
    public IList<CardElement> Items { get; init; } = [];

    /// <summary>Background style.</summary>
    public ContainerStyle? Style { get; init; }

    /// <summary>Stretch the background to the card's edges.</summary>
    public bool? Bleed { get; init; }

    /// <summary>Vertical alignment of the items.</summary>
    public VerticalAlignment? VerticalContentAlignment { get; init; }

    /// <summary>Action when the container is clicked (not Action.ShowCard).</summary>
    public CardButton? SelectAction { get; init; }
}

/// <summary>An image (Teams: at most 1024×1024 and under 1 MB).</summary>
public sealed class Image : CardElement
{
    /// <summary>Creates an image.</summary>
    public Image(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        Url = url;
    }

    /// <summary>Image URL (https or data:).</summary>
    public Uri Url { get; }

    /// <summary>Text for screen readers.</summary>
    public string? AltText { get; init; }

    /// <summary>Size.</summary>
    public ImageSize? Size { get; init; }

    /// <summary>Style.</summary>
    public ImageStyle? Style { get; init; }

    /// <summary>Horizontal alignment.</summary>
    public HorizontalAlignment? HorizontalAlignment { get; init; }

    /// <summary>Explicit width, e.g. 48px.</summary>
    public string? Width { get; init; }

    /// <summary>Explicit height, e.g. 48px.</summary>
    public string? Height { get; init; }

    /// <summary>Action when the image is clicked.</summary>
    public CardButton? SelectAction { get; init; }
}

/// <summary>A grid of cells (Adaptive Cards 1.5).</summary>
public sealed class Table : CardElement
{
    /// <summary>Column definitions; each row has one cell per column.</summary>
    public IList<TableColumnDefinition> Columns { get; init; } = [];

    /// <summary>The rows.</summary>
    public IList<TableRow> Rows { get; init; } = [];

    /// <summary>Show the first row as a header.</summary>
    public bool? FirstRowAsHeader { get; init; }

    /// <summary>Draw grid lines.</summary>
    public bool? ShowGridLines { get; init; }

    /// <summary>Grid style.</summary>
    public ContainerStyle? GridStyle { get; init; }
}

/// <summary>A column of a <see cref="Table"/>.</summary>
public sealed record TableColumnDefinition(ColumnWidth Width);

/// <summary>A row of a <see cref="Table"/>.</summary>
public sealed class TableRow
{
    /// <summary>Always TableRow.</summary>
    [JsonPropertyOrder(-1)]
    public string Type { get; } = "TableRow";

    /// <summary>The cells, one per column.</summary>
    public IList<TableCell> Cells { get; init; } = [];

    /// <summary>Row style.</summary>
    public ContainerStyle? Style { get; init; }
}

/// <summary>A cell of a <see cref="TableRow"/>.</summary>
public sealed class TableCell
{
    /// <summary>Always TableCell.</summary>
    [JsonPropertyOrder(-1)]
    public string Type { get; } = "TableCell";

    /// <summary>The cell's elements.</summary>
    public IList<CardElement> Items { get; init; } = [];

    /// <summary>Cell style.</summary>
    public ContainerStyle? Style { get; init; }

    /// <summary>A cell with one wrapping text block.</summary>
    public static TableCell OfText(string text, TextWeight? weight = null) =>
        new() { Items = [new TextBlock(text) { Wrap = true, Weight = weight }] };
}

/// <summary>Buttons placed inside the body.</summary>
public sealed class ActionSet : CardElement
{
    /// <summary>The buttons.</summary>
    public IList<CardButton> Actions { get; init; } = [];
}

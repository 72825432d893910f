using System.Text.Json;
using System.Text.Json.Serialization;

namespace SalesCoachBot.Teams.Cards;

// Card enums carry their own converter so a card serializes to the schema's camelCase values with any
// serializer options (the connector writes activities with BotJson.Options, which has no enum converter).
internal sealed class CardEnumConverter<TEnum> : JsonStringEnumConverter<TEnum> where TEnum : struct, Enum
{
    public CardEnumConverter() : base(JsonNamingPolicy.CamelCase, allowIntegerValues: false)
    {
    }
}

/// <summary>Text size.</summary>
[JsonConverter(typeof(CardEnumConverter<TextSize>))]
public enum TextSize
{
    /// <summary>default</summary>
    Default,
    /// <summary>small</summary>
    Small,
    /// <summary>medium</summary>
    Medium,
    /// <summary>large</summary>
    Large,
    /// <summary>extraLarge</summary>
    ExtraLarge,
}

/// <summary>Font weight.</summary>
[JsonConverter(typeof(CardEnumConverter<TextWeight>))]
public enum TextWeight
{
    /// <summary>default</summary>
    Default,
    /// <summary>lighter</summary>
    Lighter,
    /// <summary>bolder</summary>
    Bolder,
}

/// <summary>Text color from the host's palette.</summary>
[JsonConverter(typeof(CardEnumConverter<TextColor>))]
public enum TextColor
{
    /// <summary>default</summary>
    Default,
    /// <summary>dark</summary>
    Dark,
    /// <summary>light</summary>
    Light,
    /// <summary>accent</summary>
    Accent,
    /// <summary>good</summary>
    Good,
    /// <summary>warning</summary>
    Warning,
    /// <summary>attention</summary>
    Attention,
}

/// <summary>Space above an element.</summary>
[JsonConverter(typeof(CardEnumConverter<Spacing>))]
public enum Spacing
{
    /// <summary>default</summary>
    Default,
    /// <summary>none</summary>
    None,
    /// <summary>small</summary>
    Small,
    /// <summary>medium</summary>
    Medium,
    /// <summary>large</summary>
    Large,
    /// <summary>extraLarge</summary>
    ExtraLarge,
    /// <summary>padding</summary>
    Padding,
}

/// <summary>Horizontal alignment.</summary>
[JsonConverter(typeof(CardEnumConverter<HorizontalAlignment>))]
public enum HorizontalAlignment
{
    /// <summary>left</summary>
    Left,
    /// <summary>center</summary>
    Center,
    /// <summary>right</summary>
    Right,
}

/// <summary>Vertical alignment of a column's or cell's content.</summary>
[JsonConverter(typeof(CardEnumConverter<VerticalAlignment>))]
public enum VerticalAlignment
{
    /// <summary>top</summary>
    Top,
    /// <summary>center</summary>
    Center,
    /// <summary>bottom</summary>
    Bottom,
}

/// <summary>Background style of a container, column, table row or cell.</summary>
[JsonConverter(typeof(CardEnumConverter<ContainerStyle>))]
public enum ContainerStyle
{
    /// <summary>default</summary>
    Default,
    /// <summary>emphasis</summary>
    Emphasis,
    /// <summary>good</summary>
    Good,
    /// <summary>attention</summary>
    Attention,
    /// <summary>warning</summary>
    Warning,
    /// <summary>accent</summary>
    Accent,
}

/// <summary>Image size.</summary>
[JsonConverter(typeof(CardEnumConverter<ImageSize>))]
public enum ImageSize
{
    /// <summary>auto</summary>
    Auto,
    /// <summary>stretch</summary>
    Stretch,
    /// <summary>small</summary>
    Small,
    /// <summary>medium</summary>
    Medium,
    /// <summary>large</summary>
    Large,
}

/// <summary>Image style.</summary>
[JsonConverter(typeof(CardEnumConverter<ImageStyle>))]
public enum ImageStyle
{
    /// <summary>default</summary>
    Default,
    /// <summary>person (cropped to a circle)</summary>
    Person,
}

/// <summary>Button style.</summary>
[JsonConverter(typeof(CardEnumConverter<ActionStyle>))]
public enum ActionStyle
{
    /// <summary>default</summary>
    Default,
    /// <summary>positive</summary>
    Positive,
    /// <summary>destructive</summary>
    Destructive,
}

/// <summary>Keyboard hint of a text input.</summary>
[JsonConverter(typeof(CardEnumConverter<TextInputStyle>))]
public enum TextInputStyle
{
    /// <summary>text</summary>
    Text,
    /// <summary>tel</summary>
    Tel,
    /// <summary>url</summary>
    Url,
    /// <summary>email</summary>
    Email,
    /// <summary>password</summary>
    Password,
}

/// <summary>How a choice set shows its choices.</summary>
[JsonConverter(typeof(CardEnumConverter<ChoiceInputStyle>))]
public enum ChoiceInputStyle
{
    /// <summary>compact (a drop-down)</summary>
    Compact,
    /// <summary>expanded (radio buttons or check boxes)</summary>
    Expanded,
    /// <summary>filtered (a type-ahead drop-down)</summary>
    Filtered,
}

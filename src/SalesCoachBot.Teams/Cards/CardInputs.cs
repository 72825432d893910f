using System.Text.Json.Serialization;

namespace SalesCoachBot.Teams.Cards;

/// <summary>
/// An input field. Its <see cref="CardElement.Id"/> is the name its value is submitted under, so it is required.
/// </summary>
public abstract class CardInput : CardElement
{
    /// <summary>Creates an input submitted under <paramref name="id"/>.</summary>
    protected CardInput(string id)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        Id = id;
    }

    /// <summary>Label shown above the field (needed for accessibility when required).</summary>
    public string? Label { get; init; }

    /// <summary>The client refuses to submit while the field is empty.</summary>
    public bool? IsRequired { get; init; }

    /// <summary>Shown when the value is missing or invalid.</summary>
    public string? ErrorMessage { get; init; }
}

/// <summary>A text field.</summary>
public sealed class TextInput : CardInput
{
    /// <summary>Creates a text field.</summary>
    public TextInput(string id) : base(id)
    {
    }

    /// <summary>Hint shown while empty.</summary>
    public string? Placeholder { get; init; }

    /// <summary>Initial value.</summary>
    public string? Value { get; init; }

    /// <summary>Several lines.</summary>
    public bool? IsMultiline { get; init; }

    /// <summary>Maximum length.</summary>
    public int? MaxLength { get; init; }

    /// <summary>Keyboard hint.</summary>
    public TextInputStyle? Style { get; init; }

    /// <summary>Pattern the value must match.</summary>
    public string? Regex { get; init; }
}

/// <summary>A number field.</summary>
public sealed class NumberInput : CardInput
{
    /// <summary>Creates a number field.</summary>
    public NumberInput(string id) : base(id)
    {
    }

    /// <summary>Hint shown while empty.</summary>
    public string? Placeholder { get; init; }

    /// <summary>Initial value.</summary>
    public decimal? Value { get; init; }

    /// <summary>Lowest accepted value.</summary>
    public decimal? Min { get; init; }

    /// <summary>Highest accepted value.</summary>
    public decimal? Max { get; init; }
}

/// <summary>A pick list.</summary>
public sealed class ChoiceSetInput : CardInput
{
    /// <summary>Creates a pick list.</summary>
    public ChoiceSetInput(string id) : base(id)
    {
    }

    /// <summary>The choices.</summary>
    public IList<InputChoice> Choices { get; init; } = [];

    /// <summary>Initial value (comma-separated when several).</summary>
    public string? Value { get; init; }

    /// <summary>Allows several choices.</summary>
    public bool? IsMultiSelect { get; init; }

    /// <summary>Drop-down, expanded or filtered.</summary>
    public ChoiceInputStyle? Style { get; init; }

    /// <summary>Hint shown while nothing is chosen.</summary>
    public string? Placeholder { get; init; }
}

/// <summary>A choice of a <see cref="ChoiceSetInput"/>: what the user sees and what is submitted.</summary>
public sealed record InputChoice(string Title, string Value);

/// <summary>A date field; values are ISO dates (yyyy-MM-dd).</summary>
public sealed class DateInput : CardInput
{
    /// <summary>Creates a date field.</summary>
    public DateInput(string id) : base(id)
    {
    }

    /// <summary>Initial value.</summary>
    public DateOnly? Value { get; init; }

    /// <summary>Earliest accepted date.</summary>
    public DateOnly? Min { get; init; }

    /// <summary>Latest accepted date.</summary>
    public DateOnly? Max { get; init; }

    /// <summary>Hint shown while empty.</summary>
    public string? Placeholder { get; init; }
}

/// <summary>A check box.</summary>
public sealed class ToggleInput : CardInput
{
    /// <summary>Creates a check box with its caption.</summary>
    public ToggleInput(string id, string title) : base(id)
    {
        ArgumentNullException.ThrowIfNull(title);
        Title = title;
    }

    /// <summary>Caption next to the box.</summary>
    public string Title { get; }

    /// <summary>Initial value (equal to <see cref="ValueOn"/> to start checked).</summary>
    public string? Value { get; init; }

    /// <summary>Value submitted when checked (default "true").</summary>
    public string? ValueOn { get; init; }

    /// <summary>Value submitted when unchecked (default "false").</summary>
    public string? ValueOff { get; init; }

    /// <summary>Wrap a long caption.</summary>
    public bool? Wrap { get; init; }
}

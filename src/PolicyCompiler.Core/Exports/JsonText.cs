using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace PolicyCompiler.Exports;

/// <summary>A JSON value the exports build: an object (keys in the order added), an array, a string or a literal.</summary>
public abstract class JsonValue
{
    internal abstract void Write(StringBuilder json, int indent);
}

public sealed class JsonObject : JsonValue
{
    private readonly List<KeyValuePair<string, JsonValue>> _members = new();

    public int Count => _members.Count;

    /// <summary>Adds a member; a null value or an empty array is left out, as a property with no value.</summary>
    public JsonObject Add(string key, JsonValue? value)
    {
        if (value is null || value is JsonArray { Count: 0 }) return this;
        _members.Add(new KeyValuePair<string, JsonValue>(key, value));
        return this;
    }

    public JsonObject Add(string key, string? text) => text is null ? this : Add(key, new JsonString(text));

    internal override void Write(StringBuilder json, int indent)
    {
        if (_members.Count == 0)
        {
            json.Append("{}");
            return;
        }
        json.Append("{\n");
        for (var i = 0; i < _members.Count; i++)
        {
            json.Append(' ', indent + 2);
            JsonString.Quote(json, _members[i].Key);
            json.Append(": ");
            _members[i].Value.Write(json, indent + 2);
            json.Append(i + 1 < _members.Count ? ",\n" : "\n");
        }
        json.Append(' ', indent).Append('}');
    }
}

public sealed class JsonArray : JsonValue
{
    private readonly List<JsonValue> _items;

    public JsonArray(IEnumerable<JsonValue> items) => _items = items.ToList();

    public int Count => _items.Count;

    public static JsonArray Of(IEnumerable<string> texts) => new(texts.Select(t => (JsonValue)new JsonString(t)));

    internal override void Write(StringBuilder json, int indent)
    {
        if (_items.Count == 0)
        {
            json.Append("[]");
            return;
        }
        json.Append("[\n");
        for (var i = 0; i < _items.Count; i++)
        {
            json.Append(' ', indent + 2);
            _items[i].Write(json, indent + 2);
            json.Append(i + 1 < _items.Count ? ",\n" : "\n");
        }
        json.Append(' ', indent).Append(']');
    }
}

public sealed class JsonString : JsonValue
{
    public JsonString(string text) => Text = text ?? throw new ArgumentNullException(nameof(text));

    public string Text { get; }

    internal override void Write(StringBuilder json, int indent) => Quote(json, Text);

    /// <summary>
    /// A JSON string (RFC 8259 §7): quotes and backslashes escaped, every control character, the line and paragraph
    /// separators and the bidirectional controls written as <c>\uXXXX</c>, so that no text from a policy can end the
    /// string, break a line of the file or turn the way it reads.
    /// </summary>
    internal static void Quote(StringBuilder json, string text)
    {
        json.Append('"');
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                json.Append(c).Append(text[++i]);
                continue;
            }
            switch (c)
            {
                case '"': json.Append("\\\""); break;
                case '\\': json.Append("\\\\"); break;
                case '\n': json.Append("\\n"); break;
                case '\r': json.Append("\\r"); break;
                case '\t': json.Append("\\t"); break;
                default:
                    // The same characters a terminal is kept from (one rule: TerminalText), and a lone surrogate.
                    if (PolicyCompiler.Text.TerminalText.IsUnsafe(c) || char.IsSurrogate(c)) json.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    else json.Append(c);
                    break;
            }
        }
        json.Append('"');
    }
}

public sealed class JsonLiteral : JsonValue
{
    private readonly string _literal;

    private JsonLiteral(string literal) => _literal = literal;

    public static JsonLiteral True { get; } = new("true");

    public static JsonLiteral False { get; } = new("false");

    public static JsonLiteral Of(bool value) => value ? True : False;

    internal override void Write(StringBuilder json, int indent) => json.Append(_literal);
}

/// <summary>Renders a JSON document: two-space indentation, a final line break.</summary>
public static class JsonText
{
    public static string Render(JsonValue value)
    {
        if (value is null) throw new ArgumentNullException(nameof(value));
        var json = new StringBuilder();
        value.Write(json, 0);
        return json.Append('\n').ToString();
    }
}

using System;
using System.Collections;
using System.Linq;
using System.Reflection;
using System.Text;
using PolicyCompiler.Text;

namespace PolicyCompiler.Tests.Support;

/// <summary>
/// A model written out without its source positions, so that two texts that say the same thing (a policy
/// and its formatted form) can be compared: "binds to the same model" means equal shapes.
/// </summary>
internal static class ModelShape
{
    public static string Of(object? value)
    {
        var text = new StringBuilder();
        Write(value, text);
        return text.ToString();
    }

    private static void Write(object? value, StringBuilder text)
    {
        switch (value)
        {
            case null:
                text.Append("null");
                return;
            case string s:
                text.Append('"').Append(s.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)).Append('"');
                return;
            case bool or int or Enum:
                text.Append(value);
                return;
            case IEnumerable items:
                text.Append('[');
                foreach (var item in items)
                {
                    Write(item, text);
                    text.Append(", ");
                }
                text.Append(']');
                return;
        }
        var type = value.GetType();
        text.Append(type.Name).Append(" { ");
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).OrderBy(p => p.MetadataToken))
        {
            if (property.GetIndexParameters().Length > 0 || property.PropertyType == typeof(SourceSpan) || property.PropertyType == typeof(SourceText)) continue;
            text.Append(property.Name).Append(" = ");
            Write(property.GetValue(value), text);
            text.Append("; ");
        }
        text.Append('}');
    }
}

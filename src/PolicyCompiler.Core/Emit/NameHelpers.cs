using System.Collections.Generic;
using System.Linq;

namespace PolicyCompiler.Emit;

/// <summary>
/// The policy's own names of its enum values, for code that stores or exchanges them: <c>ToPolicyName</c>,
/// <c>TryParse</c> and <c>Parse…</c> for each enum of <see cref="NumberedNames"/> (a list of names for the
/// conditions), and, where the consumer has System.Text.Json, a converter per enum that writes the policy's name
/// (<c>"contact.email"</c>) and reads it, or a number the enum has (what code stored before it used names).
/// </summary>
internal static class NameHelpers
{
    private const string Json = "global::System.Text.Json";

    public static string ClassName(string type) => type + "Names";

    /// <summary>The attribute that makes System.Text.Json use the enum's converter, before the enum's declaration.</summary>
    public static void Attribute(CodeWriter w, string enumName, bool json)
    {
        if (json) w.Line("[" + Json + ".Serialization.JsonConverter(typeof(" + ConverterOf(enumName) + "))]");
    }

    public static void Emit(CodeWriter w, string type, string policyId, IReadOnlyList<NumberedEnum> enums, bool json)
    {
        var names = ClassName(type);
        w.Summary("The policy's names of the enums' values (\"contact.email\" for Category.ContactEmail): to store, log or exchange a value by the name the policy gives it, and read it back.");
        w.Open("public static class " + names);
        var first = true;
        foreach (var numbered in enums.Where(e => e.Names.Count > 0))
        {
            if (!first) w.Line();
            first = false;
            if (numbered.IsFlags) Flags(w, policyId, numbered);
            else Single(w, policyId, numbered);
        }
        w.Close();
        w.Line();
        if (!json) return;
        foreach (var numbered in enums.Where(e => e.Names.Count > 0))
        {
            if (numbered.IsFlags) FlagsConverter(w, names, policyId, numbered);
            else Converter(w, names, policyId, numbered);
        }
    }

    /// <summary>The enums that get a converter (and so the attribute): those with at least one name.</summary>
    public static bool HasConverter(IReadOnlyList<NumberedEnum> enums, string enumName) => enums.Any(e => e.EnumName == enumName && e.Names.Count > 0);

    private static string ConverterOf(string enumName) => enumName + "JsonConverter";

    private static string What(NumberedEnum numbered, string policyId) => "a " + numbered.Kind + " of the policy '" + policyId + "'";

    private static void Single(CodeWriter w, string policyId, NumberedEnum numbered)
    {
        var e = numbered.EnumName;
        w.Summary("The policy's name of a " + numbered.Kind + ".");
        w.Open("public static string ToPolicyName(this " + e + " value) => value switch");
        foreach (var name in numbered.Names) w.Line(e + "." + name.Member + " => " + CodeWriter.Literal(name.Key) + ",");
        w.Line("_ => throw new global::System.ArgumentOutOfRangeException(nameof(value), value, " + CodeWriter.Literal("not " + What(numbered, policyId)) + "),");
        w.Close(";");
        w.Line();
        w.Summary("The " + numbered.Kind + " the policy names so; false for a name it does not have.");
        w.Open("public static bool TryParse(string? name, out " + e + " value)");
        w.Open("switch (name)");
        foreach (var name in numbered.Names) w.Line("case " + CodeWriter.Literal(name.Key) + ": value = " + e + "." + name.Member + "; return true;");
        w.Line("default: value = default; return false;");
        w.Close();
        w.Close();
        w.Line();
        w.Summary("The " + numbered.Kind + " the policy names so; throws FormatException for a name it does not have.");
        w.Line("public static " + e + " Parse" + e + "(string name) => TryParse(name, out " + e + " value) ? value : throw new global::System.FormatException(\"'\" + name + \"' is \" + " + CodeWriter.Literal("not " + What(numbered, policyId)) + ");");
    }

    private static void Flags(CodeWriter w, string policyId, NumberedEnum numbered)
    {
        var e = numbered.EnumName;
        w.Summary("The policy's names of the conditions that hold, in the order the policy's names sort; throws for a bit no condition has.");
        w.Open("public static global::System.Collections.Generic.IReadOnlyList<string> ToPolicyNames(this " + e + " value)");
        w.Line("var names = new global::System.Collections.Generic.List<string>();");
        foreach (var name in numbered.Names) w.Line("if ((value & " + e + "." + name.Member + ") != 0) names.Add(" + CodeWriter.Literal(name.Key) + ");");
        w.Line("var known = " + string.Join(" | ", numbered.Names.Select(n => e + "." + n.Member)) + ";");
        w.Line("if ((value & ~known) != 0) throw new global::System.ArgumentOutOfRangeException(nameof(value), value, " + CodeWriter.Literal("holds a bit no condition of the policy '" + policyId + "' has") + ");");
        w.Line("return names;");
        w.Close();
        w.Line();
        w.Summary("The condition the policy names so; false for a name it does not have.");
        w.Open("public static bool TryParse(string? name, out " + e + " value)");
        w.Open("switch (name)");
        foreach (var name in numbered.Names) w.Line("case " + CodeWriter.Literal(name.Key) + ": value = " + e + "." + name.Member + "; return true;");
        w.Line("default: value = " + e + "." + GuardContract.NoCondition + "; return false;");
        w.Close();
        w.Close();
        w.Line();
        w.Summary("The conditions the policy names so, together; false where one is a name it does not have.");
        w.Open("public static bool TryParse(global::System.Collections.Generic.IEnumerable<string> names, out " + e + " value)");
        w.Line("if (names is null) throw new global::System.ArgumentNullException(nameof(names));");
        w.Line("value = " + e + "." + GuardContract.NoCondition + ";");
        w.Open("foreach (var name in names)");
        w.Line("if (!TryParse(name, out " + e + " one)) return false;");
        w.Line("value |= one;");
        w.Close();
        w.Line("return true;");
        w.Close();
    }

    private static void Converter(CodeWriter w, string names, string policyId, NumberedEnum numbered)
    {
        var e = numbered.EnumName;
        var message = CodeWriter.Literal("not " + What(numbered, policyId));
        w.Summary("Reads and writes a " + numbered.Kind + " as the policy names it (and reads a number the enum has, as stored before names were).");
        w.Open("public sealed class " + ConverterOf(e) + " : " + Json + ".Serialization.JsonConverter<" + e + ">");
        w.Summary("Reads the policy's name, or a number of the enum.");
        w.Open("public override " + e + " Read(ref " + Json + ".Utf8JsonReader reader, global::System.Type typeToConvert, " + Json + ".JsonSerializerOptions options)");
        w.Line("if (reader.TokenType == " + Json + ".JsonTokenType.String && " + names + ".TryParse(reader.GetString(), out " + e + " named)) return named;");
        w.Line("if (reader.TokenType == " + Json + ".JsonTokenType.Number && reader.TryGetInt32(out var number) && global::System.Enum.IsDefined(typeof(" + e + "), number)) return (" + e + ")number;");
        w.Line("throw new " + Json + ".JsonException(" + message + ");");
        w.Close();
        w.Line();
        w.Summary("Writes the policy's name.");
        w.Line("public override void Write(" + Json + ".Utf8JsonWriter writer, " + e + " value, " + Json + ".JsonSerializerOptions options) => writer.WriteStringValue(value.ToPolicyName());");
        w.Line();
        w.Summary("Reads the policy's name as a property name (a dictionary's key).");
        w.Line("public override " + e + " ReadAsPropertyName(ref " + Json + ".Utf8JsonReader reader, global::System.Type typeToConvert, " + Json + ".JsonSerializerOptions options) => " + names + ".TryParse(reader.GetString(), out " + e + " named) ? named : throw new " + Json + ".JsonException(" + message + ");");
        w.Line();
        w.Summary("Writes the policy's name as a property name (a dictionary's key).");
        w.Line("public override void WriteAsPropertyName(" + Json + ".Utf8JsonWriter writer, " + e + " value, " + Json + ".JsonSerializerOptions options) => writer.WritePropertyName(value.ToPolicyName());");
        w.Close();
        w.Line();
    }

    private static void FlagsConverter(CodeWriter w, string names, string policyId, NumberedEnum numbered)
    {
        var e = numbered.EnumName;
        var message = CodeWriter.Literal("not conditions of the policy '" + policyId + "'");
        w.Summary("Reads and writes conditions as the list of the policy's names of those that hold (and reads a number whose bits are all conditions).");
        w.Open("public sealed class " + ConverterOf(e) + " : " + Json + ".Serialization.JsonConverter<" + e + ">");
        w.Summary("Reads a list of the policy's names, or a number.");
        w.Open("public override " + e + " Read(ref " + Json + ".Utf8JsonReader reader, global::System.Type typeToConvert, " + Json + ".JsonSerializerOptions options)");
        var known = string.Join(" | ", numbered.Names.Select(n => "(ulong)" + e + "." + n.Member));
        w.Open("if (reader.TokenType == " + Json + ".JsonTokenType.Number && reader.TryGetUInt64(out var bits))");
        w.Line("return (bits & ~(" + known + ")) == 0 ? (" + e + ")bits : throw new " + Json + ".JsonException(" + message + ");");
        w.Close();
        w.Line("if (reader.TokenType != " + Json + ".JsonTokenType.StartArray) throw new " + Json + ".JsonException(" + message + ");");
        w.Line("var conditions = " + e + "." + GuardContract.NoCondition + ";");
        w.Open("while (reader.Read() && reader.TokenType != " + Json + ".JsonTokenType.EndArray)");
        w.Line("if (reader.TokenType != " + Json + ".JsonTokenType.String || !" + names + ".TryParse(reader.GetString(), out " + e + " one)) throw new " + Json + ".JsonException(" + message + ");");
        w.Line("conditions |= one;");
        w.Close();
        w.Line("return conditions;");
        w.Close();
        w.Line();
        w.Summary("Writes the list of the policy's names of the conditions that hold.");
        w.Open("public override void Write(" + Json + ".Utf8JsonWriter writer, " + e + " value, " + Json + ".JsonSerializerOptions options)");
        w.Line("writer.WriteStartArray();");
        w.Line("foreach (var name in value.ToPolicyNames()) writer.WriteStringValue(name);");
        w.Line("writer.WriteEndArray();");
        w.Close();
        w.Close();
        w.Line();
    }
}

using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Text.Json;
using PolicyCompiler.Emit;
using PolicyCompiler.Tests.Seeds;
using PolicyCompiler.Tests.Support;
using Xunit;

namespace PolicyCompiler.Tests.Generation;

/// <summary>
/// Code stores and exchanges the policy's names (<c>contact.email</c>), not C# members: every enum of the guards
/// has ToPolicyName, TryParse and Parse helpers, and System.Text.Json reads and writes its values by those names.
/// </summary>
public sealed class PolicyNamesTests
{
    private static readonly Lazy<Assembly> Eleven = new(() =>
        GeneratedAssembly.CompileClean(GuardEmitter.Emit(SeedPolicies.Compile("eleven/eleven.policy")).Text, RuntimeEmitter.Emit()));

    private static Type Type(string name) => Eleven.Value.GetType("Policies.Eleven." + name, throwOnError: true)!;

    private static object Member(string type, string member) => Enum.Parse(Type(type), member);

    private static object? Helper(string method, params object?[] arguments)
    {
        var candidates = Type("ElevenNames").GetMethods().Where(m => m.Name == method && m.GetParameters().Length == arguments.Length);
        var chosen = candidates.Single(m => m.GetParameters().Select((p, i) => arguments[i] is null || p.ParameterType.IsInstanceOfType(arguments[i]) || (p.ParameterType.IsByRef && p.ParameterType.GetElementType()!.IsInstanceOfType(arguments[i]))).All(ok => ok));
        var result = chosen.Invoke(null, arguments);
        return result;
    }

    [Theory]
    [InlineData("Category", "ContactEmail", "contact.email")]
    [InlineData("Purpose", "ElevenInterests", "eleven-interests")]
    [InlineData("Recipient", "PaymentOperators", "payment-operators")]
    [InlineData("Subject", "AppUser", "app-user")]
    [InlineData("Right", "WithdrawConsentForMarketing", "withdraw-consent for marketing")]
    [InlineData("Channel", "WrittenRequest", "written-request")]
    [InlineData("Effect", "RenewedConsentRequired", "renewed-consent-required")]
    [InlineData("ConsentClause", "ImageUse", "image-use")]
    public void Every_enum_prints_and_parses_the_policys_names(string type, string member, string name)
    {
        var value = Member(type, member);
        Assert.Equal(name, Helper("ToPolicyName", value));
        Assert.Equal(value, Type("ElevenNames").GetMethod("Parse" + type)!.Invoke(null, new object[] { name }));
        var wrong = Assert.Throws<TargetInvocationException>(() => Type("ElevenNames").GetMethod("Parse" + type)!.Invoke(null, new object[] { name + "x" }));
        Assert.IsType<FormatException>(wrong.InnerException);
        Assert.Contains("'" + name + "x' is not a ", wrong.InnerException!.Message, StringComparison.Ordinal);

        Assert.Equal("\"" + JsonEncodedText.Encode(name).ToString() + "\"", JsonSerializer.Serialize(value, Type(type)));
        Assert.Equal(value, JsonSerializer.Deserialize("\"" + name + "\"", Type(type)));
        // A number the enum has reads as what code stored before it stored names.
        Assert.Equal(value, JsonSerializer.Deserialize(Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture).ToString(System.Globalization.CultureInfo.InvariantCulture), Type(type)));
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize("\"" + name + "x\"", Type(type)));
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize("9999", Type(type)));
    }

    [Fact]
    public void Conditions_are_written_as_the_list_of_those_that_hold()
    {
        var conditions = Type("Conditions");
        var both = Enum.ToObject(conditions, Convert.ToUInt64(Member("Conditions", "Law"), System.Globalization.CultureInfo.InvariantCulture) | Convert.ToUInt64(Member("Conditions", "MarketingConsent"), System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(new[] { "law", "marketing-consent" }, (IReadOnlyList<string>)Helper("ToPolicyNames", both)!);
        Assert.Equal("[\"law\",\"marketing-consent\"]", JsonSerializer.Serialize(both, conditions));
        Assert.Equal(both, JsonSerializer.Deserialize("[\"marketing-consent\",\"law\"]", conditions));
        Assert.Equal("[]", JsonSerializer.Serialize(Member("Conditions", "None"), conditions));
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize("[\"law\",\"no-such\"]", conditions));
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize("\"law\"", conditions));
        // A number whose bits are all conditions reads as them (what code stored as a mask); a bit no condition has is refused.
        Assert.Equal(both, JsonSerializer.Deserialize(Convert.ToUInt64(both, System.Globalization.CultureInfo.InvariantCulture).ToString(System.Globalization.CultureInfo.InvariantCulture), conditions));
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize((1UL << 40).ToString(System.Globalization.CultureInfo.InvariantCulture), conditions));
    }

    [Fact]
    public void A_dictionary_keyed_by_category_is_keyed_by_the_policys_names()
    {
        var category = Type("Category");
        var dictionaryType = typeof(Dictionary<,>).MakeGenericType(category, typeof(int));
        var dictionary = (System.Collections.IDictionary)Activator.CreateInstance(dictionaryType)!;
        dictionary.Add(Member("Category", "ContactEmail"), 1);
        dictionary.Add(Member("Category", "LocationPlaceTime"), 2);

        var json = JsonSerializer.Serialize(dictionary, dictionaryType);

        Assert.Equal("{\"contact.email\":1,\"location.place-time\":2}", json);
        var read = (System.Collections.IDictionary)JsonSerializer.Deserialize(json, dictionaryType)!;
        Assert.Equal(2, read[Member("Category", "LocationPlaceTime")]);
    }

    [Fact]
    public void Guards_can_be_emitted_without_the_converters_for_a_project_without_System_Text_Json()
    {
        var guards = GuardEmitter.Emit(SeedPolicies.Compile("eleven/eleven.policy"), new GuardEmitterOptions(JsonConverters: false)).Text;

        Assert.DoesNotContain("System.Text.Json", guards, StringComparison.Ordinal);
        Assert.Contains("public static string ToPolicyName(this Category value)", guards, StringComparison.Ordinal);
        GeneratedAssembly.CompileClean(guards, RuntimeEmitter.Emit());
    }
}

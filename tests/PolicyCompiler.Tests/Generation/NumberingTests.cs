using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using PolicyCompiler.Cli;
using PolicyCompiler.Compilation;
using PolicyCompiler.Emit;
using PolicyCompiler.Legal;
using PolicyCompiler.Tests.Seeds;
using PolicyCompiler.Tests.Support;
using PolicyCompiler.Text;
using Xunit;

namespace PolicyCompiler.Tests.Generation;

/// <summary>
/// The numbers the guards give names are kept in the numbers file beside the policy: adding, removing or reordering
/// declarations changes no other name's number or condition's bit, a removed name's number is never given again,
/// and a country's value is its ISO 3166-1 numeric code. What code stored keeps its meaning.
/// </summary>
public sealed class NumberingTests
{
    private const string Eleven = "eleven/eleven.policy";

    [Fact]
    public void The_seeds_numbers_files_number_every_name()
    {
        foreach (var seed in SeedPolicies.All)
        {
            var numbers = SeedPolicies.Compile(seed).Numbers!;
            Assert.True(numbers.Committed, seed);
            Assert.Empty(numbers.Unpinned);
            Assert.Empty(numbers.Retired);
        }
    }

    [Fact]
    public void Names_added_early_in_the_alphabet_change_no_other_number_and_are_numbered_past_the_last()
    {
        var before = EnumValues(SeedPolicies.Compile(Eleven));
        var text = File.ReadAllText(SeedPolicies.PathOf(Eleven))
            .Replace("  category identity.name ", "  category aaa.first ka \"ა\" en \"first\" cites §5.2.1 \"ასაკი\"\n  category identity.name ", StringComparison.Ordinal)
            .Replace("  condition law ", "  condition aaa-condition ka \"ა\" en \"first\" cites §5.3\n  condition law ", StringComparison.Ordinal);
        var edited = CompileWithNumbers(Eleven, text);
        Assert.False(edited.HasErrors, Support.Compile.Render(edited));
        var after = EnumValues(edited);

        foreach (var (member, value) in before) Assert.Equal(value, after[member]);
        Assert.Equal(before.Where(m => m.Key.StartsWith("Category.", StringComparison.Ordinal)).Max(m => m.Value) + 1, after["Category.AaaFirst"]);
        Assert.Equal(before.Where(m => m.Key.StartsWith("Conditions.", StringComparison.Ordinal)).Max(m => m.Value) << 1, after["Conditions.AaaCondition"]);
        // Positions would have moved every category: AaaFirst sorts first.
        Assert.Equal(0L, EnumValues(Support.Compile.Text(text, Eleven))["Category.AaaFirst"]);

        var warned = edited.Diagnostics.Where(d => d.Code == "PC1029").Select(d => d.Message).ToList();
        Assert.Equal(2, warned.Count);
        Assert.Contains(warned, m => m.StartsWith("category 'aaa.first' has no number in eleven.numbers", StringComparison.Ordinal));
        Assert.Contains(warned, m => m.StartsWith("condition 'aaa-condition' has no number in eleven.numbers", StringComparison.Ordinal));
    }

    [Fact]
    public void A_removed_name_keeps_its_number_taken_and_the_guards_still_decide()
    {
        const string Policy = """
            policy shop {
              category contact.email ka "ელფოსტა" en "email" cites §1
              category contact.phone ka "ტელეფონი" en "phone" cites §1
              purpose analytics ka "ანალიტიკა" en "analytics" basis consent cites §1
              purpose marketing ka "მარკეტინგი" en "marketing" basis consent cites §1
              condition agreed ka "თანხმობა" en "consent" cites §1
              condition law ka "კანონი" en "law" cites §1
              recipient courier ka "კურიერი" en "courier" cites §1
              share contact.email with courier cites §2
              process contact.email for marketing on agreed cites §2
              process contact.phone for marketing cites §2
              process contact.email for analytics on law cites §2
            }
            """;
        var first = Support.Compile.Text(Policy, "shop.policy");
        Assert.False(first.HasErrors, Support.Compile.Render(first));
        var file = first.Numbers!.Updated();
        var numbered = EnumValues(first);

        // contact.phone and the condition 'law' removed, and a category added that sorts before them: nobody takes their numbers.
        var second = Policy
            .Replace("category contact.phone ka \"ტელეფონი\" en \"phone\"", "category contact.fax ka \"ფაქსი\" en \"fax\"", StringComparison.Ordinal)
            .Replace("  condition law ka \"კანონი\" en \"law\" cites §1\n", "", StringComparison.Ordinal)
            .Replace("  process contact.email for analytics on law cites §2\n", "", StringComparison.Ordinal)
            .Replace("  purpose analytics ka \"ანალიტიკა\" en \"analytics\" basis consent cites §1\n", "", StringComparison.Ordinal)
            .Replace("process contact.phone for", "process contact.fax for", StringComparison.Ordinal);
        var result = PolicyCompilation.Compile(new SourceText(second, "shop.policy"), numbersFile: path => LegalSource.Found(new SourceText(file, path)));
        Assert.False(result.HasErrors, Support.Compile.Render(result));
        Assert.Equal(new[] { "category contact.phone", "purpose analytics", "condition law" }, result.Numbers!.Retired.Select(l => l.Kind + " " + l.Key));

        var values = EnumValues(result);
        Assert.Equal(numbered["Category.ContactEmail"], values["Category.ContactEmail"]);
        Assert.Equal(numbered["Conditions.Agreed"], values["Conditions.Agreed"]);
        Assert.False(values.ContainsKey("Category.ContactPhone"));
        Assert.Equal(2L, values["Category.ContactFax"]);

        // The guards index their tables by these numbers, a removed name's row included: it permits nothing.
        var guards = Assembly(result);
        var policy = guards.GetType("Policies.Shop.ShopPolicy")!;
        var category = guards.GetType("Policies.Shop.Category")!;
        var may = policy.GetMethod("MayProcess")!;
        var identified = Enum.ToObject(may.GetParameters()[3].ParameterType, 0);
        bool May(object c, string purpose, string given) =>
            (bool)may.Invoke(null, new[] { c, Enum.Parse(guards.GetType("Policies.Shop.Purpose")!, purpose), Enum.Parse(guards.GetType("Policies.Shop.Conditions")!, given), identified })!;
        Assert.True(May(Enum.Parse(category, "ContactFax"), "Marketing", "None"));
        Assert.False(May(Enum.Parse(category, "ContactEmail"), "Marketing", "None"));
        Assert.True(May(Enum.Parse(category, "ContactEmail"), "Marketing", "Agreed"));
        Assert.False(May(Enum.ToObject(category, numbered["Category.ContactPhone"]), "Marketing", "Agreed"));

        // A share for any purpose is for each purpose the policy has, not for a removed purpose's number.
        var share = policy.GetMethod("MayShare")!;
        var purposeType = guards.GetType("Policies.Shop.Purpose")!;
        bool MayShare(object? purpose) => (bool)share.Invoke(null, new[] { Enum.Parse(category, "ContactEmail"), Enum.Parse(guards.GetType("Policies.Shop.Recipient")!, "Courier"), purpose, Enum.ToObject(share.GetParameters()[3].ParameterType, 0), identified })!;
        Assert.True(MayShare(null));
        Assert.True(MayShare(Enum.Parse(purposeType, "Marketing")));
        Assert.False(MayShare(Enum.ToObject(purposeType, numbered["Purpose.Analytics"])));
    }

    [Fact]
    public void Removed_names_that_would_widen_the_tables_past_the_limit_are_refused()
    {
        // Every line a removed name's, each keeping its row or column: 1,100 categories by 1,000 purposes.
        var file = string.Concat(Enumerable.Range(0, 1_100).Select(i => FormattableString.Invariant($"category {i} gone.c{i}\n")))
            + string.Concat(Enumerable.Range(0, 1_000).Select(i => FormattableString.Invariant($"purpose {i} gone-p{i}\n")));

        var result = PolicyCompilation.Compile(new SourceText(Support.Compile.Policy(""), "shop.policy"), numbersFile: path => LegalSource.Found(new SourceText(file, path)));

        var refused = result.Diagnostics.Where(d => d.IsError).ToList();
        Assert.Contains(refused, d => d.Message.StartsWith("the guards' process table would have", StringComparison.Ordinal));
        Assert.All(refused, d => Assert.Equal(("PC3004", "shop.numbers"), (d.Code, d.Path)));
        // By its names alone the policy is far under the limit: the same policy without the file compiles.
        Assert.False(Support.Compile.Text(Support.Compile.Policy(""), "shop.policy").HasErrors);
    }

    [Fact]
    public void A_new_condition_takes_the_lowest_bit_no_line_has()
    {
        var result = PolicyCompilation.Compile(new SourceText(Support.Compile.Policy(""), "shop.policy"),
            numbersFile: path => LegalSource.Found(new SourceText("condition 0 gone\ncondition 63 last\n", path)));

        Assert.False(result.HasErrors, Support.Compile.Render(result));
        Assert.Equal(1, result.Numbers!.Of("condition", "law"));
        Assert.Contains(result.Diagnostics, d => d.Code == "PC1029" && d.Message.StartsWith("condition 'law' has no number in shop.numbers: this build numbers it 1", StringComparison.Ordinal));
    }

    [Fact]
    public void A_country_is_valued_by_its_ISO_3166_numeric_code_whatever_the_policies_name()
    {
        var runtime = Assembly(SeedPolicies.Compile(Eleven)).GetType("PolicyCompiler.Runtime.Country")!;
        Assert.Equal(643, Convert.ToInt32(Enum.Parse(runtime, "RU"), System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(268, Convert.ToInt32(Enum.Parse(runtime, "GE"), System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(276, Convert.ToInt32(Enum.Parse(runtime, "DE"), System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(20, Convert.ToInt32(Enum.Parse(runtime, "AD"), System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(0, Convert.ToInt32(Enum.Parse(runtime, "None"), System.Globalization.CultureInfo.InvariantCulture));
        var values = Enum.GetValues(runtime).Cast<object>().Select(v => Convert.ToInt32(v, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(values.Count, values.Distinct().Count());
        Assert.Equal(Binding.Countries.All.Count + 1, values.Count);
    }

    [Fact]
    public void Policyc_numbers_writes_a_missing_file_then_adds_only_the_lines_a_new_name_needs()
    {
        var folder = Directory.CreateTempSubdirectory("policyc-numbers-").FullName;
        try
        {
            var policy = Path.Combine(folder, "shop.policy");
            File.WriteAllText(policy, Support.Compile.Policy(""));
            var output = new StringWriter();
            Assert.Equal(1, PolicycApp.Run(new[] { "numbers", policy }, output, new StringWriter()));
            Assert.Contains("shop.numbers: no such file", output.ToString(), StringComparison.Ordinal);
            Assert.False(File.Exists(Path.ChangeExtension(policy, ".numbers")));

            Assert.Equal(0, PolicycApp.Run(new[] { "numbers", policy, "--write" }, new StringWriter(), new StringWriter()));
            var written = File.ReadAllText(Path.ChangeExtension(policy, ".numbers"));
            Assert.Contains("category 0 contact.email\n", written, StringComparison.Ordinal);
            Assert.Equal(0, PolicycApp.Run(new[] { "numbers", policy }, new StringWriter(), new StringWriter()));

            // A user's comment and order stay as they were; the new name's line is added at the end.
            var edited = "# kept\n" + written;
            File.WriteAllText(Path.ChangeExtension(policy, ".numbers"), edited);
            File.WriteAllText(policy, Support.Compile.Policy("  category account.nickname ka \"მეტსახელი\" en \"nickname\" cites §1\n"));
            output = new StringWriter();
            Assert.Equal(1, PolicycApp.Run(new[] { "numbers", policy }, output, new StringWriter()));
            Assert.Contains("lacks 1 line(s)", output.ToString(), StringComparison.Ordinal);
            Assert.Equal(0, PolicycApp.Run(new[] { "numbers", policy, "--write" }, new StringWriter(), new StringWriter()));
            var after = File.ReadAllText(Path.ChangeExtension(policy, ".numbers"));
            Assert.StartsWith(edited, after, StringComparison.Ordinal);
            Assert.EndsWith("category 4 account.nickname\n", after, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Compiles a text of a seed with the seed's own numbers file, as policyc and the generator read it.</summary>
    private static CompilationResult CompileWithNumbers(string seed, string text)
    {
        LegalSourceResolver files = path => PolicyFiles.ReadLegalSource(Path.Combine(SeedPolicies.Root, path));
        return PolicyCompilation.Compile(new SourceText(text, seed), files, numbersFile: files);
    }

    private static Assembly Assembly(CompilationResult result) =>
        GeneratedAssembly.CompileClean(GuardEmitter.Emit(result).Text, RuntimeEmitter.Emit());

    /// <summary>Every member of every enum of the guards, as Enum.Member, with its value.</summary>
    private static Dictionary<string, long> EnumValues(CompilationResult result) =>
        Assembly(result).GetTypes().Where(t => t.IsEnum && t.Namespace != RuntimeEmitter.Namespace)
            .SelectMany(t => Enum.GetValues(t).Cast<object>().Select(v => (Name: t.Name + "." + Enum.GetName(t, v), Value: Convert.ToInt64(v, System.Globalization.CultureInfo.InvariantCulture))))
            .ToDictionary(m => m.Name, m => m.Value, StringComparer.Ordinal);
}

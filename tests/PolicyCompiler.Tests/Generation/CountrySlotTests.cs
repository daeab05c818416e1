using System;
using System.Linq;
using PolicyCompiler.Emit;
using PolicyCompiler.Model;
using PolicyCompiler.Tests.Support;
using Xunit;

namespace PolicyCompiler.Tests.Generation;

/// <summary>
/// The guards' tables give each country dimension its own columns, one per set of countries its rules tell
/// apart: a transfer to THIRD-COUNTRIES widens neither the storage table nor its own beyond a few columns,
/// and the guards still decide every country as the evaluator does (Hetzner's policy needed both).
/// </summary>
public sealed class CountrySlotTests
{
    private const string Members = """
          transfer contact.* to THIRD-COUNTRIES basis consent on law cites §6
          transfer contact.email to US basis adequacy cites §6
          store * in DE, FI cites §8
          store contact.email of citizens RU in DE on law cites §8
        """;

    private static Compilation.CompilationResult Policy()
    {
        var result = Compile.Text(Compile.Policy(Members).Replace("jurisdiction GE", "jurisdiction DE", StringComparison.Ordinal));
        Assert.False(result.HasErrors, Compile.Render(result));
        return result;
    }

    [Fact]
    public void Countries_the_same_rules_name_share_a_slot_and_each_dimension_has_its_own()
    {
        var model = Policy().Model!;
        var transfer = model.Verbs["transfer"];
        var store = model.Verbs["store"];

        var destinations = CountrySlots.Of(model, transfer.Dimensions[0]);
        // Every other country; the EEA (the jurisdiction's area); the third countries; the US, named twice.
        Assert.Equal(4, destinations.Count);
        Assert.Equal(destinations.SlotOf("IN"), destinations.SlotOf("BR"));
        Assert.Equal(destinations.SlotOf("FR"), destinations.SlotOf("DE"));
        Assert.NotEqual(destinations.SlotOf("US"), destinations.SlotOf("IN"));
        Assert.NotEqual(destinations.SlotOf("FR"), destinations.SlotOf("IN"));
        Assert.Equal(new[] { "US" }, destinations.MembersOf(destinations.SlotOf("US")));

        // The locations DE and FI, apart as the citizens' rule names only DE; the citizenship RU; none of the
        // 230 destinations.
        Assert.Equal(3, CountrySlots.Of(model, store.Localisation!.Decides).Count);
        Assert.Equal(2, CountrySlots.Of(model, store.Localisation!.Scopes[0]).Count);
        var sizes = GuardTableSizes.Of(model).ToDictionary(s => s.Table);
        Assert.Equal(model.Categories.Count * 4, sizes["transfer"].Cells);
        Assert.Equal(model.Categories.Count * 2 * 3, sizes["store"].Cells);
    }

    [Fact]
    public void The_guards_decide_every_country_of_a_shared_slot_as_the_evaluator_does()
    {
        var result = Policy();

        GeneratedGuards.AssertAgreeWithEvaluator(result, "Slots");
        var emitted = GuardEmitter.Emit(result, new GuardEmitterOptions("Slots")).Text;
        var guards = new GeneratedGuards(GeneratedAssembly.CompileClean(RuntimeEmitter.Emit(), emitted), "Slots", result.Model!);
        var store = result.Model!.Verbs["store"];
        Assert.Equal(new[] { "DE", "FI" }, guards.Localised(store.Localisation!, "contact.phone", GeneratedGuards.Anyone, Array.Empty<string>()).OrderBy(c => c, StringComparer.Ordinal));
    }
}

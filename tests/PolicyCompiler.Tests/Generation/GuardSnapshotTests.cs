using System;
using System.Globalization;
using System.Linq;
using System.Reflection;
using System.Threading;
using System.Xml.Linq;
using PolicyCompiler.Emit;
using PolicyCompiler.Tests.Seeds;
using PolicyCompiler.Tests.Support;
using PolicyCompiler.Text;
using Xunit;

namespace PolicyCompiler.Tests.Generation;

public sealed class GuardSnapshotTests
{
    [Theory]
    [InlineData("eleven/eleven.policy")]
    [InlineData("hetzner/hetzner.policy")]
    [InlineData("spar-online/spar-online.policy")]
    public void Seed_guards_are_as_reviewed(string policy)
    {
        var guards = GuardEmitter.Emit(SeedPolicies.Compile(policy));
        Snapshot.VerifyCommitted(guards.Text, Repository.Generated(guards.Name));
    }

    [Fact]
    public void Runtime_is_as_reviewed()
    {
        Snapshot.VerifyCommitted(RuntimeEmitter.Emit(), Repository.Generated(RuntimeEmitter.FileName));
    }

    [Theory]
    [InlineData("tr-TR")]
    [InlineData("ka-GE")]
    [InlineData("")]
    public void Output_is_byte_identical_whatever_the_culture(string culture)
    {
        var expected = Emit("eleven/eleven.policy");
        var previous = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
            Assert.Equal(expected, Emit("eleven/eleven.policy"));
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = previous;
        }
    }

    [Fact]
    public void Crlf_input_gives_the_same_output()
    {
        const string policy = "eleven/eleven.policy";
        var text = System.IO.File.ReadAllText(SeedPolicies.PathOf(policy)).Replace("\n", "\r\n", StringComparison.Ordinal);
        var legal = System.IO.File.ReadAllText(System.IO.Path.Combine(SeedPolicies.Root, "eleven", "privacy-policy.ka.txt")).Replace("\n", "\r\n", StringComparison.Ordinal);

        var crlf = SeedPolicies.Compile(policy, text, p => Legal.LegalSource.Found(new SourceText(legal, p)));

        Assert.False(crlf.HasErrors, Compile.Render(crlf));
        Assert.Equal(GuardEmitter.Emit(SeedPolicies.Compile(policy)).Text, GuardEmitter.Emit(crlf).Text);
    }

    private static string Emit(string policy) => GuardEmitter.Emit(SeedPolicies.Compile(policy)).Text + RuntimeEmitter.Emit();
}

using System;
using System.Linq;
using System.Reflection;
using PolicyCompiler.Emit;
using PolicyCompiler.Tests.Seeds;
using PolicyCompiler.Tests.Support;
using Xunit;

namespace PolicyCompiler.Tests.Generation;

public sealed class GuardGenerationTests
{
    public static TheoryData<string> Seeds() => new(SeedPolicies.All);

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Seed_guards_compile_without_any_warning(string policy)
    {
        var guards = GuardEmitter.Emit(SeedPolicies.Compile(policy));

        GeneratedAssembly.CompileClean(RuntimeEmitter.Emit(), guards.Text);
    }
}

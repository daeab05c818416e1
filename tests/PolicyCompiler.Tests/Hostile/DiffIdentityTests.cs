using System;
using System.Linq;
using PolicyCompiler.Diffing;
using PolicyCompiler.Tests.Support;
using Xunit;

namespace PolicyCompiler.Tests.Hostile;

/// <summary>A statement's identity in the structural diff is its text and its citations, not its text alone.</summary>
public sealed class DiffIdentityTests
{
    private static string Twice(string first, string second) => Compile.Policy(
        "  process contact.email for order cites " + first + "\n"
        + "  process contact.email for order cites " + second + "\n");

    [Fact]
    public void A_policy_with_two_statements_that_differ_only_in_citations_compared_with_itself_is_empty()
    {
        var policy = Compile.Text(Twice("§1", "§2"));
        Assert.False(policy.HasErrors, Compile.Render(policy));

        var changes = PolicyDiff.Compare(policy, Compile.Text(Twice("§1", "§2")));

        Assert.True(changes.IsEmpty, ChangeReport.Text(changes));
    }

    [Fact]
    public void The_same_statements_in_another_order_are_no_change()
    {
        var changes = PolicyDiff.Compare(Compile.Text(Twice("§1", "§2")), Compile.Text(Twice("§2", "§1")));

        Assert.True(changes.IsEmpty, ChangeReport.Text(changes));
    }

    [Fact]
    public void A_citation_changed_in_one_of_them_is_one_change_of_citations()
    {
        var changes = PolicyDiff.Compare(Compile.Text(Twice("§1", "§2")), Compile.Text(Twice("§1", "§3")));

        var change = Assert.Single(changes.Structure);
        Assert.Equal(("cites", ChangeKind.Changed, "§2", "§3"), (change.Area, change.Kind, change.Old, change.New));
    }

    [Fact]
    public void Many_repeats_of_one_statement_are_matched_by_count()
    {
        string Repeated(int first, int second, int third) => Compile.Policy(string.Concat(
            Enumerable.Repeat("  process contact.email for order cites §1\n", first)
                .Concat(Enumerable.Repeat("  process contact.email for order cites §2\n", second))
                .Concat(Enumerable.Repeat("  process contact.email for marketing cites §1\n", third))));

        Assert.True(PolicyDiff.Compare(Compile.Text(Repeated(3000, 2000, 1)), Compile.Text(Repeated(3000, 2000, 1))).Structure.IsEmpty);

        var changes = PolicyDiff.Compare(Compile.Text(Repeated(3000, 2000, 1)), Compile.Text(Repeated(2999, 2000, 2)));

        Assert.Equal(2, changes.Structure.Count);
        Assert.Equal(("process", ChangeKind.Removed), changes.Structure.Where(c => c.Kind == ChangeKind.Removed).Select(c => (c.Area, c.Kind)).Single());
        Assert.Equal(("process", ChangeKind.Added), changes.Structure.Where(c => c.Kind == ChangeKind.Added).Select(c => (c.Area, c.Kind)).Single());
    }
}

using System;
using System.Collections;
using System.Linq;
using PolicyCompiler.Diffing;
using PolicyCompiler.Docs;
using PolicyCompiler.Emit;
using PolicyCompiler.Formatting;
using PolicyCompiler.Tests.Support;
using Xunit;

namespace PolicyCompiler.Tests.Constructs;

/// <summary>
/// Rights as real texts state them: channels in a fallback order (Eleven §9.6: the account, and where it has no
/// function for the request, a written application or an email), "at any time" (SPAR §1.p3) or "within" a period,
/// what the controller may ask first (Hetzner §p63: proof of identity), several consequences (Eleven §9.3.2: the
/// account is blocked and the contract ends), and where the right holds (Eleven §9.1: "where applicable law
/// provides"). The guards hand a handler all of it with the request.
/// </summary>
public sealed class RightTests
{
    private const string Members = """
          channel account ka "ანგარიში" en "account" cites §3
          channel post ka "ფოსტა" en "a letter" cites §3
          condition identity-proof ka "პირადობა" en "proof of identity" cites §3
          effect block-account ka "ანგარიშის დაბლოკვა" en "the account is blocked" cites §3
          effect end-contract ka "ხელშეკრულების შეწყვეტა" en "the contract ends" cites §3
          right withdraw-consent via account else post, email within 30 days requires identity-proof consequence block-account, end-contract on law cites §3
          right rectification via account at-any-time cites §3
        """;

    private static Compilation.CompilationResult Compiled() => Compile.Text(Compile.Policy(Members));

    [Fact]
    public void The_model_keeps_the_fallback_order_the_timing_the_requirements_the_consequences_and_the_conditions()
    {
        var rights = Compiled().Model!.Rights;
        var withdraw = rights.Single(r => r.Right == "withdraw-consent");
        var rectify = rights.Single(r => r.Right == "rectification");

        Assert.Equal(new[] { "account" }, withdraw.Channels);
        Assert.Equal(new[] { new[] { "email", "post" } }, withdraw.Fallbacks.Select(f => f.ToArray()));
        Assert.Equal(new[] { "account", "email", "post" }, withdraw.AllChannels);
        Assert.Equal((30, "days", false), (withdraw.Within!.Amount, withdraw.Within.Unit, withdraw.AtAnyTime));
        Assert.Equal(new[] { "identity-proof" }, withdraw.Requires);
        Assert.Equal(new[] { "block-account", "end-contract" }, withdraw.Consequences);
        Assert.Equal(new[] { "law" }, withdraw.Conditions);
        Assert.True(rectify.AtAnyTime);
        Assert.Null(rectify.Within);
        Assert.Empty(rectify.Fallbacks);
    }

    [Theory]
    [InlineData("  right access via email else email cites §3", "PC1024")]
    [InlineData("  right access via email cites §3\n  right access via email within 30 days cites §3", "PC3009")]
    [InlineData("  right access via email else cites §3", "PC0001")]
    [InlineData("  right access at-any-time within 30 days cites §3", "PC0008")]
    [InlineData("  right access requires nothing-declared cites §3", "PC1001")]
    [InlineData("  right access on cites §3", "PC0001")]
    [InlineData("  right access else email cites §3", "PC0008")]
    [InlineData("  right erasure via email consequence block-account, block-account cites §3", "PC1024")]
    public void Misuse_is_reported_at_the_right(string member, string code)
    {
        var diagnostic = Assert.Single(Compile.Text(Compile.Policy(member)).Diagnostics);

        Assert.Equal(code, diagnostic.Code);
        Assert.Equal(code == "PC3009" ? Compile.FirstMemberLine + 1 : Compile.FirstMemberLine, diagnostic.Span.Line);
    }

    [Fact]
    public void The_same_right_stated_twice_alike_is_no_error_and_one_member()
    {
        var result = Compile.Text(Compile.Policy("  right access via email on law cites §3\n  right access via email on law cites §1"));

        Assert.Empty(result.Diagnostics);
        Assert.Single(DistinctRights.Of(result.Model!));
    }

    [Fact]
    public void Consequences_in_another_order_are_the_same_right()
    {
        var result = Compile.Text(Compile.Policy("  right erasure via email consequence end-contract, block-account cites §3\n  right erasure via email consequence block-account, end-contract cites §1"));

        Assert.Empty(result.Diagnostics);
        Assert.Equal(new[] { "block-account", "end-contract" }, result.Model!.Rights[0].Consequences);
    }

    [Fact]
    public void A_request_goes_to_the_member_of_its_right()
    {
        const string consumer = """
            namespace Consumer
            {
                public sealed class Recorder : Rights.IShopRights
                {
                    public string Called = "";
                    public void WithdrawConsent(Rights.RightRequest request) => Called += "WithdrawConsent:" + request.Channel + ";";
                    public void Rectification(Rights.RightRequest request) => Called += "Rectification:" + request.Channel + ";";
                }
            }
            """;
        var assembly = GeneratedAssembly.CompileClean(RuntimeEmitter.Emit(), GuardEmitter.Emit(Compiled(), new GuardEmitterOptions("Rights")).Text, consumer);
        var recorder = Activator.CreateInstance(assembly.GetType("Consumer.Recorder", throwOnError: true)!)!;
        var right = assembly.GetType("Rights.Right", throwOnError: true)!;
        var channel = assembly.GetType("Rights.Channel", throwOnError: true)!;
        var requestType = assembly.GetType("Rights.RightRequest", throwOnError: true)!;

        foreach (var (name, via) in new[] { ("Rectification", "Account"), ("WithdrawConsent", "Post") })
        {
            var request = Activator.CreateInstance(requestType, "p-1", Enum.Parse(right, name), Enum.Parse(channel, via))!;
            requestType.GetMethod("SendTo")!.Invoke(request, new[] { recorder });
        }

        Assert.Equal("Rectification:Account;WithdrawConsent:Post;", recorder.GetType().GetField("Called")!.GetValue(recorder));
    }

    [Fact]
    public void The_formatter_writes_every_clause_in_the_grammars_order()
    {
        var messy = Compile.Policy("  right   withdraw-consent  on law via account  else   post,email consequence block-account requires identity-proof cites §3");
        var result = PolicyFormatter.Format(new Text.SourceText(messy.Replace("on law via account  else   post,email consequence block-account requires identity-proof", "via account  else   post,email  requires identity-proof consequence block-account on law", StringComparison.Ordinal), "test.policy"));

        Assert.Contains("  right withdraw-consent via account else post, email requires identity-proof consequence block-account on law cites §3", result.Text!, StringComparison.Ordinal);
        // Written in another order, the clauses are a syntax error, not silently reordered.
        Assert.Contains(Compile.Codes(messy), c => c.StartsWith("PC000", StringComparison.Ordinal));
    }

    [Fact]
    public void A_new_fallback_is_a_change_of_the_right_and_another_purpose_another_right()
    {
        var before = Compile.Text(Compile.Policy("  right access via email cites §3\n  right objection for marketing via email cites §3"));
        var after = Compile.Text(Compile.Policy("  channel account ka \"ა\" en \"account\" cites §3\n  right access via account else email cites §3\n  right objection for order via email cites §3"));

        var changes = PolicyDiff.Compare(before, after).Structure.Where(c => c.Area == "right").ToList();

        Assert.Contains(changes, c => c.Kind == ChangeKind.Changed && c.New == "right access via account else email");
        Assert.Contains(changes, c => c.Kind == ChangeKind.Removed && c.Old == "right objection for marketing via email");
        Assert.Contains(changes, c => c.Kind == ChangeKind.Added && c.New == "right objection for order via email");
    }

    [Theory]
    [InlineData("en", "otherwise: email, a letter", "within 30 days", "the account is blocked, the contract ends", "at any time", "proof of identity")]
    [InlineData("ka", "სხვა შემთხვევაში: ელფოსტა, ფოსტა", "ვადაში: 30 დღე", "ანგარიშის დაბლოკვა, ხელშეკრულების შეწყვეტა", "ნებისმიერ დროს", "პირადობა")]
    public void Documents_show_the_fallbacks_the_timing_and_the_labelled_consequences(string code, params string[] expected)
    {
        var markdown = Compile.Markdown(Compiled(), code);

        Assert.All(expected, text => Assert.Contains(text, markdown, StringComparison.Ordinal));
    }

    [Fact]
    public void The_request_carries_the_right_and_the_channel_and_its_terms_say_what_the_policy_does()
    {
        var assembly = GeneratedAssembly.CompileClean(RuntimeEmitter.Emit(), GuardEmitter.Emit(Compiled(), new GuardEmitterOptions("Rights")).Text);
        var right = assembly.GetType("Rights.Right", throwOnError: true)!;
        var channel = assembly.GetType("Rights.Channel", throwOnError: true)!;
        var terms = assembly.GetType("Rights.RightTerms", throwOnError: true)!;
        var request = Activator.CreateInstance(assembly.GetType("Rights.RightRequest", throwOnError: true)!, "p-1", Enum.Parse(right, "WithdrawConsent"), Enum.Parse(channel, "Post"))!;

        var withdraw = request.GetType().GetProperty("Terms")!.GetValue(request)!;
        int Step(string name) => (int)terms.GetMethod("StepOf")!.Invoke(withdraw, new[] { Enum.Parse(channel, name) })!;

        Assert.Equal((0, 1, 1), (Step("Account"), Step("Post"), Step("Email")));
        Assert.Equal(new[] { "BlockAccount", "EndContract" }, ((IEnumerable)terms.GetProperty("Consequences")!.GetValue(withdraw)!).Cast<object>().Select(e => e.ToString()));
        Assert.Equal(30, terms.GetProperty("WithinAmount")!.GetValue(withdraw));
        Assert.Equal("IdentityProof", terms.GetProperty("Requires")!.GetValue(withdraw)!.ToString());
        Assert.Equal("Law", terms.GetProperty("HoldsOn")!.GetValue(withdraw)!.ToString());

        var rectify = terms.GetMethod("Of")!.Invoke(null, new[] { Enum.Parse(right, "Rectification") })!;
        Assert.Equal(-1, (int)terms.GetMethod("StepOf")!.Invoke(rectify, new[] { Enum.Parse(channel, "Post") })!);
        Assert.Equal(true, terms.GetProperty("AtAnyTime")!.GetValue(rectify));
    }

    [Fact]
    public void Hostile_labels_of_effects_compile_into_the_documentation_of_the_guards()
    {
        var hostile = "\\\"</summary><script> */ \\u202E x";
        var result = Compile.Text(Compile.Policy("  effect break ka \"" + hostile + "\" en \"" + hostile + "\" cites §3\n  right erasure via email consequence break cites §3"));

        GeneratedAssembly.CompileClean(RuntimeEmitter.Emit(), GuardEmitter.Emit(result, new GuardEmitterOptions("Hostile")).Text);
    }
}

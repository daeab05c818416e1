using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using PolicyCompiler.Collections;
using PolicyCompiler.Diagnostics;
using Diagnostic = Microsoft.CodeAnalysis.Diagnostic;
using DiagnosticDescriptor = Microsoft.CodeAnalysis.DiagnosticDescriptor;
using PolicyCompiler.Emit;
using PolicyCompiler.Model;
using PolicyCompiler.Syntax;

namespace PolicyCompiler.Generator;

/// <summary>
/// Checks C# code against the project's policies. PC5001: code that serves a purpose (a method, or else its
/// type, marked <c>[ServesPurpose]</c>) reads a member marked <c>[PersonalData]</c> of a category that the
/// policy does not permit processing for that purpose under any of its conditions. PC5002: a guard call
/// (May…, Check…, Ensure…) whose arguments are all constants and which the policy denies. PC5003: a guard call that
/// passes two of its countries (a location, a citizenship, a user's country) by position, where a swap compiles.
/// A permission that holds only on a condition is not reported: that is what the guards check at run time.
/// Severities can be changed in .editorconfig (<c>dotnet_diagnostic.PC5001.severity</c>).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class PurposeAnalyzer : DiagnosticAnalyzer
{
    private static readonly DiagnosticDescriptor DeniedRead = PolicyDiagnostics.Descriptor(DiagnosticCatalog.PersonalDataReadForDeniedPurpose);
    private static readonly DiagnosticDescriptor DeniedCall = PolicyDiagnostics.Descriptor(DiagnosticCatalog.GuardAlwaysDenies);
    private static readonly DiagnosticDescriptor PositionalCountries = PolicyDiagnostics.Descriptor(DiagnosticCatalog.CountriesByPosition);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DeniedRead, DeniedCall, PositionalCountries);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            var policies = KnownPolicies.From(start.Options.AdditionalFiles, start.Compilation, start.CancellationToken);
            if (policies.IsEmpty) return;
            start.RegisterOperationAction(
                operation => AnalyzeRead(operation, policies),
                OperationKind.PropertyReference, OperationKind.FieldReference, OperationKind.ParameterReference);
            start.RegisterOperationAction(operation => AnalyzeGuardCall(operation, policies), OperationKind.Invocation);
        });
    }

    private static void AnalyzeRead(OperationAnalysisContext context, KnownPolicies policies)
    {
        var operation = context.Operation;
        ISymbol? member = operation switch
        {
            IPropertyReferenceOperation p => p.Property,
            IFieldReferenceOperation f => f.Field,
            IParameterReferenceOperation p => p.Parameter,
            _ => null,
        };
        if (member is null || !IsRead(operation)) return;

        foreach (var personalData in member.GetAttributes())
        {
            var policy = PolicyAttribute(personalData, GuardContract.PersonalDataAttribute, policies);
            var category = policy is null ? null : EnumArgument(personalData, policy);
            if (policy is null || category is null) continue;

            foreach (var purpose in PurposesServed(context.ContainingSymbol, policy))
            {
                // Denied even with every condition given: no run-time check could make the read lawful.
                var process = policy.Compilation.Model!.Verbs[GuardContract.ServesPurposeVerb];
                var question = Question.Of(process, category, policy.AllConditions.ToEquatableArray(), (GuardContract.ServesPurposeDimension, purpose));
                var decision = policy.Decide(question);
                if (decision.Allowed) continue;
                context.ReportDiagnostic(Diagnostic.Create(DeniedRead, NameLocation(operation.Syntax), Message(
                    DiagnosticBuilder.ForFile(string.Empty).PersonalDataReadForDeniedPurpose(Display(member), category, policy.Id, purpose, policy.Why(question, decision)))));
            }
        }
    }

    private static void AnalyzeGuardCall(OperationAnalysisContext context, KnownPolicies policies)
    {
        var invocation = (IInvocationOperation)context.Operation;
        var method = invocation.TargetMethod;
        var policy = policies.Declaring(method.ContainingType);
        if (policy is null || method.ContainingType.Name != policy.GuardClass) return;
        ReportCountriesByPosition(context, invocation, policy);
        var question = GuardCalls.Question(method.Name, invocation.Arguments, policy);
        if (question is null) return;
        var decision = policy.Decide(question);
        if (decision.Allowed) return;
        context.ReportDiagnostic(Diagnostic.Create(DeniedCall, invocation.Syntax.GetLocation(), Message(
            DiagnosticBuilder.ForFile(string.Empty).GuardAlwaysDenies(policy.GuardClass + "." + method.Name, policy.Id, question.Describe(), policy.Why(question, decision)))));
    }

    /// <summary>
    /// PC5003 where a guard that takes several countries is given two or more of them by position: the store guards'
    /// location, citizenship and user's country are all <c>Country</c>, so a swap compiles and asks about other people.
    /// </summary>
    private static void ReportCountriesByPosition(OperationAnalysisContext context, IInvocationOperation invocation, KnownPolicy policy)
    {
        static bool IsCountry(IParameterSymbol? parameter) =>
            parameter?.Type is INamedTypeSymbol { Name: GuardContract.CountryEnum } type && type.ContainingNamespace.ToDisplayString() == RuntimeEmitter.Namespace;
        var countries = invocation.TargetMethod.Parameters.Count(IsCountry);
        if (countries < 2) return;
        var positional = invocation.Arguments
            .Where(a => a.ArgumentKind == ArgumentKind.Explicit && IsCountry(a.Parameter) && a.Syntax is ArgumentSyntax { NameColon: null })
            .ToList();
        if (positional.Count < 2) return;
        var named = string.Join(", ", positional.Select(a => a.Parameter!.Name + ": " + a.Syntax.ToString()));
        context.ReportDiagnostic(Diagnostic.Create(PositionalCountries, positional[1].Syntax.GetLocation(), Message(
            DiagnosticBuilder.ForFile(string.Empty).CountriesByPosition(policy.GuardClass + "." + invocation.TargetMethod.Name, countries, positional.Count, named))));
    }

    /// <summary>A reference that is read: not the target of a plain assignment, and not inside <c>nameof</c>.</summary>
    private static bool IsRead(IOperation operation)
    {
        if (operation.Parent is ISimpleAssignmentOperation assignment && assignment.Target == operation) return false;
        for (var parent = operation.Parent; parent is not null; parent = parent.Parent)
        {
            if (parent is INameOfOperation) return false;
        }
        return true;
    }

    /// <summary>
    /// The purposes the code at <paramref name="symbol"/> serves: the nearest method that says (a lambda or local
    /// function serves its method's purposes), else the nearest type that says; only this policy's purposes.
    /// </summary>
    private static IEnumerable<string> PurposesServed(ISymbol? symbol, KnownPolicy policy)
    {
        for (var current = symbol; current is not null; current = current.ContainingSymbol)
        {
            if (current is not IMethodSymbol and not INamedTypeSymbol) continue;
            var purposes = current.GetAttributes()
                .Where(a => PolicyAttribute(a, GuardContract.ServesPurposeAttribute, policy))
                .Select(a => EnumArgument(a, policy))
                .Where(p => p is not null)
                .Select(p => p!)
                .ToList();
            if (purposes.Count > 0) return purposes;
        }
        return Enumerable.Empty<string>();
    }

    private static KnownPolicy? PolicyAttribute(AttributeData attribute, string name, KnownPolicies policies) =>
        attribute.AttributeClass?.Name == name ? policies.Declaring(attribute.AttributeClass) : null;

    private static bool PolicyAttribute(AttributeData attribute, string name, KnownPolicy policy) =>
        attribute.AttributeClass?.Name == name && attribute.AttributeClass.ContainingNamespace?.ToDisplayString() == policy.Namespace;

    /// <summary>The policy name behind an attribute's enum argument (<c>[PersonalData(Category.Email)]</c> gives <c>contact.email</c>).</summary>
    private static string? EnumArgument(AttributeData attribute, KnownPolicy policy) =>
        attribute.ConstructorArguments.Length == 1 ? GuardCalls.EnumName(attribute.ConstructorArguments[0].Type, attribute.ConstructorArguments[0].Value, policy) : null;

    private static Location NameLocation(Microsoft.CodeAnalysis.SyntaxNode syntax) => syntax switch
    {
        MemberAccessExpressionSyntax access => access.Name.GetLocation(),
        MemberBindingExpressionSyntax binding => binding.Name.GetLocation(),
        _ => syntax.GetLocation(),
    };

    private static string Display(ISymbol member) =>
        member is IParameterSymbol ? member.Name : member.ContainingType.Name + "." + member.Name;

    private static string Message(Diagnostics.Diagnostic diagnostic) => PolicyDiagnostics.WithHelp(diagnostic.Message, diagnostic.Help);
}

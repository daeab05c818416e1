using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using PolicyCompiler.Compilation;
using PolicyCompiler.Model;

namespace PolicyCompiler.Emit;

/// <summary>
/// The explainer each guard class carries (<c>PolicyExplainer</c> of the runtime), so that a decision says, when it
/// is read and not before, the question in the policy's words and why it was answered so, in the words the
/// analyzer's PC5002 uses (<see cref="Evaluation.Explainer.Summarize"/>): the statement that permitted or
/// prohibited it; the localisation rule that keeps the person's data elsewhere; or, where no statement decided,
/// the nearest statement of the cell and the conditions it lacks. A denial whose cell no statement reaches says
/// that no statement permits it (the analyzer may name a statement of another purpose or category there).
/// </summary>
internal static class DecisionExplainer
{
    private const string Runtime = "global::" + RuntimeEmitter.Namespace;
    private const string ClassName = "Explanations";

    /// <summary>The expression a Check… guard makes its question with: <c>new PolicyQuestion(1, (int)category, cell, (ulong)given, …)</c>.</summary>
    public static string Question(PolicyModel model, DecisionVerb verb)
    {
        var index = Index(model, verb);
        var values = verb.Dimensions.Select(d => d.Names is not null && !d.Required ? "(" + d.Parameter + " is null ? -1 : (int)" + d.Parameter + ".Value)" : "(int)" + d.Parameter);
        return "new " + Runtime + ".PolicyQuestion(" + index + ", (int)" + GuardContract.CategoryParameter + ", cell, "
            + (verb.TakesConditions ? "(ulong)" + GuardContract.ConditionsParameter : "0UL") + string.Concat(values.Select(v => ", " + v)) + ")";
    }

    /// <summary>The explainer's instance, as the Check… guards name it.</summary>
    public const string Instance = "Explainer";

    public static void Emit(CodeWriter w, PolicyModel model, DecisionTables tables, string file, IReadOnlyList<NumberedEnum> numbered)
    {
        var named = new HashSet<string>(numbered.Where(e => e.Names.Count > 0).Select(e => e.EnumName));
        string Name(string enumName, string value) => named.Contains(enumName)
            ? "Named((" + enumName + ")" + value + ")"
            : "((" + enumName + ")" + value + ").ToString()";

        // The localisation rules that set permits aside, by cell, for the verbs that have them.
        foreach (var table in tables.Tables.Where(t => t.Verb.Localisation is not null))
        {
            var restricted = table.Cells.Select((cell, index) => (Cell: index, cell.RestrictedBy)).Where(c => c.RestrictedBy >= 0).ToList();
            w.ArrayLine("private static readonly int[] " + table.Verb.GuardName + "RestrictedCells = ", restricted, (text, c) => CodeWriter.AppendNumber(text, c.Cell));
            w.ArrayLine("private static readonly int[] " + table.Verb.GuardName + "RestrictedRules = ", restricted, (text, c) => CodeWriter.AppendNumber(text, c.RestrictedBy));
        }
        w.Line("private static readonly " + ClassName + " " + Instance + " = new " + ClassName + "();");
        w.Line();

        w.Summary("Says the questions of this policy's guards and why they were answered so.");
        w.Open("private sealed class " + ClassName + " : " + Runtime + ".PolicyExplainer");
        var guardClass = GuardNames.Of(model).GuardClass;
        w.Line("public " + ClassName + "() : base(" + guardClass + ".PolicyId, " + guardClass + ".ContentHash, " + guardClass + ".Effective, " + CodeWriter.Literal(file) + ") { }");
        w.Line();

        w.Open("public override string Question(in " + Runtime + ".PolicyQuestion question)");
        w.Open("switch (question.Verb)");
        foreach (var verb in model.Verbs.Verbs)
        {
            var text = CodeWriter.Literal(verb.Keyword + " ") + " + " + Name(GuardContract.EnumOf(Syntax.DeclarationKind.Category), "question.Category");
            for (var i = 0; i < verb.Dimensions.Count; i++)
            {
                var d = verb.Dimensions[i];
                var at = "question[" + i.ToString(CultureInfo.InvariantCulture) + "]";
                string value;
                string absent;
                if (d.Vocabulary is { } words)
                {
                    // Identified data is what a question without 'as' asks: said only when another form is asserted.
                    value = "new[] { " + string.Join(", ", words.Words.Select(CodeWriter.Literal)) + " }[" + at + "]";
                    absent = "(uint)" + at + " >= " + words.Words.Count.ToString(CultureInfo.InvariantCulture) + " || " + at + " == " + words.Words.ToList().IndexOf(words.Default).ToString(CultureInfo.InvariantCulture);
                }
                else if (d.Names is { } kind)
                {
                    value = Name(GuardContract.EnumOf(kind), at);
                    absent = at + " < 0";
                }
                else
                {
                    value = "((" + Runtime + "." + GuardContract.CountryEnum + ")" + at + ").ToString()";
                    absent = at + " <= 0";
                }
                text += " + (" + absent + " ? \"\" : " + CodeWriter.Literal(" " + d.Word + " ") + " + " + value + ")";
            }
            if (verb.TakesConditions) text += " + On(question.Given)";
            w.Line("case " + Index(model, verb) + ": return " + text + ";");
        }
        w.Line("default: return \"\";");
        w.Close();
        w.Close();
        w.Line();

        w.Open("public override string Why(in " + Runtime + ".PolicyQuestion question, bool allowed, " + Runtime + ".PolicyClause? clause)");
        w.Line("if (clause is not null) return (allowed ? \"permitted by \" : \"prohibited by \") + Cited(clause);");
        w.Line("if (allowed || question.Cell < 0) return \"no statement of \" + File + \" permits it\";");
        w.Line("int restricted, nearest;");
        w.Line("ulong absent;");
        w.Open("switch (question.Verb)");
        foreach (var verb in model.Verbs.Verbs)
        {
            var name = verb.GuardName;
            w.Line("case " + Index(model, verb) + ":");
            w.Line("    restricted = " + (verb.Localisation is null ? "-1" : "Restricted(" + name + "RestrictedCells, " + name + "RestrictedRules, question.Cell)") + ";");
            w.Line("    nearest = Nearest(" + name + "PermitStart, " + name + "PermitMask, " + name + "PermitRule, " + tables.FirstImplied(verb).ToString(CultureInfo.InvariantCulture) + ", question.Cell, question.Given, out absent);");
            w.Line("    break;");
        }
        w.Line("default: return \"\";");
        w.Close();
        // A statement of the cell that lacks only conditions is nearer than the localisation rule: it names the place.
        w.Line("if (nearest < 0) return restricted >= 0 ? \"not among the locations of \" + Cited(Clauses[restricted]) : \"no statement of \" + File + \" permits it\";");
        w.Line("var lacking = ConditionNames(absent);");
        w.Line("return \"no statement of \" + File + \" permits it; nearest, line \" + Clauses[nearest].Line.ToString(global::System.Globalization.CultureInfo.InvariantCulture) + \": \" + Clauses[nearest].Statement"
            + " + \" (it holds only on \" + string.Join(\" and \", lacking) + (lacking.Count == 1 ? \", which is not given)\" : \", which are not given)\");");
        w.Close();
        w.Line();

        var conditions = numbered.Single(e => e.IsFlags);
        var names = NameHelpers.ClassName(GuardNames.Of(model).TypeName);
        w.Summary("The names of the conditions of a mask, in the order of their names.");
        w.Open("private static global::System.Collections.Generic.IReadOnlyList<string> ConditionNames(ulong bits)");
        w.Line(conditions.Names.Count == 0
            ? "return global::System.Array.Empty<string>();"
            : "return " + names + ".ToPolicyNames((" + GuardContract.ConditionsEnum + ")(bits & (ulong)(" + string.Join(" | ", conditions.Names.Select(n => GuardContract.ConditionsEnum + "." + n.Member)) + ")));");
        w.Close();
        w.Line();
        w.Open("private static string On(ulong given)");
        w.Line("var names = ConditionNames(given);");
        w.Line("return names.Count == 0 ? \"\" : \" on \" + string.Join(\", \", names);");
        w.Close();
        var asked = new HashSet<string>(model.Verbs.Verbs.SelectMany(v => v.Dimensions).Where(d => d.Names is not null).Select(d => GuardContract.EnumOf(d.Names!.Value)))
        {
            GuardContract.EnumOf(Syntax.DeclarationKind.Category),
        };
        foreach (var e in numbered.Where(e => !e.IsFlags && e.Names.Count > 0 && asked.Contains(e.EnumName)))
        {
            w.Line("private static string Named(" + e.EnumName + " value) => global::System.Enum.IsDefined(typeof(" + e.EnumName + "), value) ? " + names + ".ToPolicyName(value) : ((int)value).ToString(global::System.Globalization.CultureInfo.InvariantCulture);");
        }
        w.Close();
        w.Line();
    }

    private static string Index(PolicyModel model, DecisionVerb verb) =>
        model.Verbs.Verbs.ToList().IndexOf(verb).ToString(CultureInfo.InvariantCulture);
}

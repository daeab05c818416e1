using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using CsvHelper;
using PolicyCompiler.Compilation;
using PolicyCompiler.Docs;
using PolicyCompiler.Exports;
using PolicyCompiler.Legal;
using PolicyCompiler.Tests.Seeds;
using PolicyCompiler.Tests.Support;
using PolicyCompiler.Text;
using Xunit;

namespace PolicyCompiler.Tests.Exports;

/// <summary>The record of processing activities as CSV, read back by CsvHelper (a reader that is not ours).</summary>
public sealed class RopaExportTests
{
    public static TheoryData<string> Seeds() => new() { "spar-online", "eleven", "hetzner" };

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Every_purpose_of_a_seed_is_one_record_with_every_column_in_each_language(string id)
    {
        var facts = FactsBuilder.Build(SeedPolicies.Compile(id + "/" + id + ".policy"));
        foreach (var language in DocLanguage.All)
        {
            var csv = RopaCsv.Render(facts, language);
            Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, Encoding.UTF8.GetBytes(csv).Take(3));
            var rows = Read(csv);
            Assert.Equal(facts.Record.Columns.Select(language.Word), rows[0]);
            var records = rows.Skip(1).ToList();
            Assert.Equal(facts.Record.Activities.Count, records.Count);
            Assert.All(records, r => Assert.Equal(facts.Record.Columns.Count, r.Length));
            // The purposes in the policy's order, each known by its name, then at most one row of data no stated purpose uses.
            var purposes = facts.Model.Purposes.OrderBy(p => p.Span.Start).Select(p => "(" + p.Name + ")").ToList();
            Assert.Equal(purposes, records.Take(purposes.Count).Select(r => purposes.Single(p => r[Column("ropa:purpose")].Contains(p, StringComparison.Ordinal))).ToList());
            Assert.All(records.Skip(purposes.Count), r => Assert.Equal(language.Word("ropa:no-purpose"), r[Column("ropa:purpose")]));
            Assert.InRange(records.Count - purposes.Count, 0, 1);
            // Every purpose and every row's categories cite the paragraphs that state them.
            Assert.All(records.Take(purposes.Count), r => Assert.Matches("\\n\\(§[^)]+\\)$", r[Column("ropa:purpose")]));
            Assert.All(records.Where(r => r[Column("ropa:categories")].Length > 0), r => Assert.Matches("\\n\\(§[^)]+\\)$", r[Column("ropa:categories")]));
        }
    }

    [Fact]
    public void Hetzner_orders_rest_on_the_contract_under_Art_6_1_b_and_its_dpo_is_named()
    {
        // Hetzner §p18: data is processed "to fulfil the contract"; §p8 names the data protection officer.
        var orders = Row("hetzner", "orders");
        Assert.StartsWith("contract — GDPR Art. 6(1)(b)", orders[Column("ropa:bases")], StringComparison.Ordinal);
        Assert.StartsWith("Margit Müller, data-protection@hetzner.com", orders[Column("ropa:dpo")], StringComparison.Ordinal);
        // The controller's contacts, not the officer's, are in the controller's cell.
        Assert.DoesNotContain("Margit", orders[Column("ropa:controller")], StringComparison.Ordinal);
    }

    [Fact]
    public void Hetzner_transfers_name_the_articles_their_grounds_and_safeguards_rest_on()
    {
        // Hetzner §p46: a third country only with an adequacy decision (Art. 45) or the standard clauses (Art. 46),
        // on one of the text's grounds (the contract: Art. 49(1)(b)); Georgian policies cite no GDPR article.
        var orders = Row("hetzner", "orders")[Column("ropa:transfers")].Split('\n');
        Assert.Contains(orders, l => l.StartsWith("THIRD-COUNTRIES contract safeguard: adequacy decision or standard contractual clauses (GDPR Art. 49(1)(b); safeguard: GDPR Art. 45(3) or GDPR Art. 46(2)(c)) — ", StringComparison.Ordinal));
        Assert.DoesNotContain("GDPR", string.Join("\n", Read(RopaCsv.Render(FactsBuilder.Build(SeedPolicies.Compile("eleven/eleven.policy")), DocLanguage.English)).Skip(1).Select(r => r[Column("ropa:transfers")])), StringComparison.Ordinal);
    }

    [Fact]
    public void Data_no_stated_purpose_uses_has_a_row_of_its_own()
    {
        // Hetzner §p40: the card data Computop collects directly for the payment; no statement says Hetzner processes
        // it for a purpose of its own, so no purpose's row holds it, and the record must not leave it out.
        var row = Read(RopaCsv.Render(FactsBuilder.Build(SeedPolicies.Compile("hetzner/hetzner.policy")), DocLanguage.English)).Last();
        Assert.Equal(DocLanguage.English.Word("ropa:no-purpose"), row[Column("ropa:purpose")]);
        Assert.StartsWith("payment.card\n(§p40", row[Column("ropa:categories")], StringComparison.Ordinal);
        Assert.StartsWith("customers who register an account with Hetzner — payment.card\n", row[Column("ropa:subjects")], StringComparison.Ordinal);
        Assert.Equal(string.Empty, row[Column("ropa:bases")]);
        // The other seeds disclose nothing outside their purposes.
        foreach (var id in new[] { "spar-online", "eleven" })
        {
            var facts = FactsBuilder.Build(SeedPolicies.Compile(id + "/" + id + ".policy"));
            Assert.All(facts.Record.Activities, a => Assert.NotNull(a.Purpose));
        }
    }

    [Fact]
    public void The_retention_of_a_purpose_is_what_the_guards_answer_for_it()
    {
        // A statement for the purpose sets aside one for every purpose (RetentionRules, the guards' RetentionOf):
        // Hetzner's forum keeps the email until the forum account is deleted (§p29), not the 24 months of §p23.
        foreach (var id in new[] { "spar-online", "eleven", "hetzner" })
        {
            var facts = FactsBuilder.Build(SeedPolicies.Compile(id + "/" + id + ".policy"));
            foreach (var activity in facts.Record.Activities.Where(a => a.Purpose is not null))
            {
                var expected = activity.Scope.Categories
                    .SelectMany(c => facts.Model.Retention.Where(r => r.Categories.Contains(c)).Select(r => (IReadOnlyCollection<string>)r.Conditions.ToList()).Prepend(Array.Empty<string>())
                        .SelectMany(given => PolicyCompiler.Evaluation.RetentionRules.Deciding(facts.Model, c, activity.Purpose!.Name, given)))
                    .Distinct().ToHashSet();
                Assert.True(expected.SetEquals(activity.Scope.Retention), id + " " + activity.Purpose!.Name);
            }
        }
        var forum = Row("hetzner", "forum")[Column("ropa:retention")];
        Assert.DoesNotContain("24 months", forum, StringComparison.Ordinal);
        Assert.StartsWith("contact.email, forum.username — for: the online discussion forum — until", forum, StringComparison.Ordinal);
    }

    [Fact]
    public void Spar_delivery_gives_the_courier_the_order_and_nothing_else()
    {
        // SPAR §3.b3 (issue 19, finding 2): the delivery partner receives the order to deliver it, not the customer's history.
        var delivery = Row("spar-online", "delivery");
        var courier = delivery[Column("ropa:recipients")].Split('\n').Single(l => l.StartsWith("the partner company that delivers orders", StringComparison.Ordinal));
        Assert.EndsWith("— identity.name, contact.phone, contact.address, order.details", courier, StringComparison.Ordinal);
        Assert.DoesNotContain("usage.orders", delivery[Column("ropa:recipients")], StringComparison.Ordinal);
    }

    [Fact]
    public void Eleven_marketing_holds_no_special_category_and_says_the_transfers_of_its_data()
    {
        // Eleven §5.3: special categories only where the law provides; §4.3.6: marketing.
        var marketing = Row("eleven", "marketing");
        Assert.DoesNotContain("special.", marketing[Column("ropa:categories")], StringComparison.Ordinal);
        Assert.NotEqual(string.Empty, marketing[Column("ropa:transfers")]);
    }

    public static TheoryData<string> Hostile() => new()
    {
        "=cmd|' /C calc'!A0",
        "+SUM(1,2)",
        "-2+3",
        "@SUM(A1)",
        "＝HYPERLINK(\"http://evil\")",
        "comma, \"quoted\", and more",
        "ქართული, „ციტატა“",
    };

    [Theory]
    [MemberData(nameof(Hostile))]
    public void Hostile_labels_stay_data_and_no_cell_starts_a_formula(string hostile)
    {
        var compilation = HostilePolicy.Compile(hostile, """
              title en "t"
              controller "{0}" email "{0}"
              subject customer en "{0}" cites §1
              category contact.email en "{0}" cites §1
              purpose order en "{0}" basis contract cites §1
              recipient courier en "{0}" kind processor cites §1
              collect contact.email from customer cites §1
              process contact.email for order cites §1
              share contact.email with courier for order cites §1
            """);
        var rows = Read(RopaCsv.Render(FactsBuilder.Build(compilation), DocLanguage.English));
        var record = Assert.Single(rows.Skip(1));
        Assert.Equal(10, record.Length);
        // No cell begins with a character a spreadsheet reads as a formula.
        Assert.All(record, cell => Assert.False(cell.Length > 0 && "=+-@\t\r＝＋－＠".Contains(cell[0]), cell));
        // The text is all there, as written, behind the apostrophe that neutralises it.
        var neutral = "=+-@＝".Contains(hostile[0]) ? "'" + hostile : hostile;
        Assert.StartsWith(neutral + "\n", record[Column("ropa:controller")], StringComparison.Ordinal);
        Assert.StartsWith(hostile + " (order)", record[Column("ropa:purpose")].TrimStart('\''), StringComparison.Ordinal);
        Assert.StartsWith(hostile + " — contact.email", record[Column("ropa:recipients")].TrimStart('\''), StringComparison.Ordinal);
        Assert.StartsWith(hostile + " — contact.email\n", record[Column("ropa:subjects")].TrimStart('\''), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("=1,1", "\"'=1,1\"")]
    [InlineData("\tx", "'\tx")]
    [InlineData("", "")]
    public void A_cell_is_quoted_as_RFC_4180_says_and_a_formula_is_neutralised(string text, string cell) =>
        Assert.Equal(cell, CsvText.Cell(text));

    private static int Column(string key) => FactsBuilder.RecordColumns.ToList().IndexOf(key);

    private static string[] Row(string id, string purpose)
    {
        var rows = Read(RopaCsv.Render(FactsBuilder.Build(SeedPolicies.Compile(id + "/" + id + ".policy")), DocLanguage.English));
        return rows.Skip(1).Single(r => r[Column("ropa:purpose")].Contains("(" + purpose + ")", StringComparison.Ordinal));
    }

    /// <summary>Every record of a CSV text, as CsvHelper reads the file's bytes (it honours the byte-order mark); malformed quoting or a ragged record throws.</summary>
    private static List<string[]> Read(string csv)
    {
        using var reader = CsvReader.Create(Encoding.UTF8.GetBytes(csv), new CsvReaderOptions
        {
            HasHeader = false,
            Separator = ',',
            MalformedData = CsvMalformedDataHandling.Throw,
            FieldCountMismatch = CsvFieldCountHandling.Throw,
            SkipEmptyLines = false,
        });
        var rows = new List<string[]>();
        while (reader.Read()) rows.Add(reader.Current.ToArray());
        return rows;
    }
}

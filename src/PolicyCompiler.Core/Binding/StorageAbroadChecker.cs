using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using PolicyCompiler.Collections;
using PolicyCompiler.Diagnostics;
using PolicyCompiler.Evaluation;
using PolicyCompiler.Model;
using PolicyCompiler.Text;

namespace PolicyCompiler.Binding;

/// <summary>
/// Finds permissions that keep data outside the jurisdiction's area where its transfer rules would refuse to
/// send it (PC3007). Keeping data abroad is transferring it there (Eleven §2.12: processing includes cross-border
/// transfer; §6.3: a transfer only to perform contracts), so a storage permission at such a place must be one a
/// transfer on the same conditions is permitted to reach; otherwise the guards would let code store what it
/// may not send. The verb a place abroad is a question of is the localisation hook's <see cref="Localisation.AbroadIs"/>.
/// A tracker whose vendor receives the data abroad sends it there the same way (PC3010).
/// </summary>
internal static class StorageAbroadChecker
{
    /// <summary>How many refused categories a message lists before it counts the rest.</summary>
    private const int ListedCategories = 3;

    /// <summary>How many refused places a message lists before it counts the rest.</summary>
    private const int ListedPlaces = 5;

    public static void Check(PolicyModel model, DiagnosticBag diagnostics)
    {
        // Without a jurisdiction (as a country code) there is no "abroad" to speak of.
        var home = HomeArea.Of(model.Jurisdiction);
        if (home.IsEmpty) return;
        var evaluator = new Evaluator(model);
        var reported = 0;
        foreach (var verb in model.Verbs.Verbs)
        {
            if (verb.Localisation is not { AbroadIs: { } crossingKeyword } localisation) continue;
            var crossing = model.Verbs.Find(crossingKeyword);
            var destination = crossing?.Dimensions.FirstOrDefault(d => d.CrossesBorders);
            if (crossing is null || destination is null) continue;
            var transfers = new TransferRules(model, evaluator, crossing, destination);
            foreach (var permission in model.StatedPermissionsOf(verb))
            {
                // One finding per statement: the places it may not keep data at, the categories refused at any of
                // them, and why the first refusal is one.
                if (transfers.Refused(permission.Categories, permission[localisation.Decides].Names.Where(p => !SortedNames.Contains(home, p)), permission.Conditions) is not { } refused) continue;
                // Every statement is reported up to one past the cap (so that the cap is said).
                if (++reported > DiagnosticLimit.MaxErrors + 1) return;
                diagnostics.At(KeywordSpan.Of(permission)).StorageAbroadNotTransferable(
                    verb.Keyword, permission.Span.Line, Categories(permission.Categories, refused.Categories),
                    string.Join(", ", CappedList.Of(refused.Places, ListedPlaces)), Jurisdiction(model, home), crossing.Keyword, refused.Why);
            }
        }

        // A tracker whose vendor receives the data abroad sends it there as it collects it (SPAR §2.p1, Facebook Pixel):
        // a question of the collecting verb's TrackerVendors.AbroadIs, which must permit it on the collection's
        // conditions. One finding per tracker, for every category collected through it.
        var trackers = model.Trackers.ToDictionary(t => t.Name, StringComparer.Ordinal);
        var vendorTransfers = new Dictionary<string, TransferRules>(StringComparer.Ordinal);
        foreach (var byTracker in model.ImpliedPermissions.Where(p => p.ImpliedByTracker is not null).GroupBy(p => p.ImpliedByTracker!, StringComparer.Ordinal))
        {
            var tracker = trackers[byTracker.Key];
            var abroad = tracker.VendorCountries.Where(c => !SortedNames.Contains(home, c)).ToList();
            if (abroad.Count == 0) continue;
            // The hook of the verb whose collections implied the shares says what a place abroad is a question of.
            var sharedBy = byTracker.First().Verb.Keyword;
            var hook = model.Verbs.Verbs.Select(v => v.TrackerVendors).FirstOrDefault(h => h?.SharedBy == sharedBy);
            if (hook is null || model.Verbs.Find(hook.AbroadIs) is not { } border) continue;
            if (!vendorTransfers.TryGetValue(border.Keyword, out var transfers))
            {
                vendorTransfers.Add(border.Keyword, transfers = new TransferRules(model, evaluator, border, border.Dimensions.First(d => d.CrossesBorders)));
            }
            foreach (var conditions in byTracker.GroupBy(p => p.Conditions))
            {
                var categories = conditions.SelectMany(p => p.Categories).Distinct(StringComparer.Ordinal).OrderBy(c => c, StringComparer.Ordinal).ToEquatableArray();
                if (transfers.Refused(categories, abroad, conditions.Key) is not { } refused) continue;
                if (++reported > DiagnosticLimit.MaxErrors + 1) return;
                diagnostics.At(KeywordSpan.Of(tracker)).TrackerVendorAbroadNotTransferable(
                    tracker.Name, tracker.Vendor!, Categories(categories, refused.Categories), string.Join(", ", CappedList.Of(refused.Places, ListedPlaces)),
                    Jurisdiction(model, home), border.Keyword, refused.Why);
            }
        }
    }

    /// <summary>What the transfer rules refuse of data sent to places abroad: the places, the categories, and why the first is refused.</summary>
    private sealed record Refusal(IReadOnlyList<string> Places, IReadOnlyList<string> Categories, string Why);

    /// <summary>The transfer rules asked about categories at places on conditions, each question once.</summary>
    private sealed class TransferRules
    {
        private readonly PolicyModel _model;
        private readonly Evaluator _evaluator;
        private readonly DecisionVerb _crossing;
        private readonly DecisionDimension _destination;
        private readonly Dictionary<(string Category, string Place, EquatableArray<string> Conditions), Decision> _decisions = new();

        public TransferRules(PolicyModel model, Evaluator evaluator, DecisionVerb crossing, DecisionDimension destination)
        {
            _model = model;
            _evaluator = evaluator;
            _crossing = crossing;
            _destination = destination;
        }

        public Refusal? Refused(EquatableArray<string> categories, IEnumerable<string> abroad, EquatableArray<string> conditions)
        {
            var places = new List<string>();
            var refusedCategories = new SortedSet<string>(StringComparer.Ordinal);
            (string Category, string Place, Decision Decision)? first = null;
            foreach (var place in abroad)
            {
                var refusedHere = false;
                foreach (var category in categories)
                {
                    var key = (category, place, conditions);
                    if (!_decisions.TryGetValue(key, out var decision))
                    {
                        _decisions.Add(key, decision = _evaluator.Decide(TransferTo(_crossing, _destination, category, place, conditions)));
                    }
                    if (decision.Allowed) continue;
                    refusedHere = true;
                    refusedCategories.Add(category);
                    first ??= (category, place, decision);
                }
                if (refusedHere) places.Add(place);
            }
            return first is { } refusal
                ? new Refusal(places, refusedCategories.ToList(), Why(_model, _crossing, refusal.Place, TransferTo(_crossing, _destination, refusal.Category, refusal.Place, conditions), refusal.Decision))
                : null;
        }
    }

    /// <summary>The refused categories as the message names them: all of the statement's, or the first few.</summary>
    private static string Categories(EquatableArray<string> all, IReadOnlyList<string> refused) =>
        refused.Count == all.Count && refused.Count > ListedCategories
            ? "all " + refused.Count.ToString(CultureInfo.InvariantCulture) + " of its categories"
            : string.Join(", ", CappedList.Of(refused, ListedCategories));

    private static Question TransferTo(DecisionVerb crossing, DecisionDimension destination, string category, string place, EquatableArray<string> conditions) =>
        new(crossing, category, crossing.Dimensions.Select(d => ReferenceEquals(d, destination) ? place : null).ToEquatableArray(), conditions);

    /// <summary>Why the transfer is refused: the prohibition that applies, or the nearest transfer statement and what it lacks.</summary>
    private static string Why(PolicyModel model, DecisionVerb crossing, string place, Question question, Decision decision)
    {
        if (decision.Reasons.FirstOrDefault(r => r.Role == Role.Prohibits) is { } prohibition)
        {
            return "'never " + crossing.Keyword + "' at line " + Line(prohibition.Span) + " prohibits " + question.Category + " there";
        }
        var none = "no '" + crossing.Keyword + "' statement permits " + question.Category + " to go to " + place
            + (question.Conditions.IsEmpty ? string.Empty : " on " + string.Join(" and ", question.Conditions));
        var nearest = NearestStatements.Of(model, question).FirstOrDefault();
        return nearest is null ? none : none + "; the nearest, '" + crossing.Keyword + "' at line " + Line(nearest.Statement.Span) + ": " + string.Join("; ", nearest.Missing);
    }

    private static string Jurisdiction(PolicyModel model, EquatableArray<string> home) =>
        home.Count > 1 ? model.Jurisdiction + " and the rest of the " + HomeArea.EconomicArea : model.Jurisdiction!;

    private static string Line(SourceSpan span) => span.Line.ToString(CultureInfo.InvariantCulture);
}

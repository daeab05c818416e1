using System;
using System.Collections.Generic;
using System.Linq;
using PolicyCompiler.Model;

namespace PolicyCompiler.Binding;

/// <summary>A transfer made on an adequacy decision, with the destinations it names outside the area no transfer rule governs.</summary>
internal sealed record AdequacyTransfer(Permission Transfer, TransferBasis Basis, bool ToAny, IReadOnlyList<string> Abroad);

/// <summary>
/// The transfers of a policy made on an adequacy decision (GDPR Art. 45: its basis or one of its safeguards), for
/// the lint (the destinations that have no decision) and the documents (the decisions relied on) alike. A
/// destination in the EEA (the GDPR's third countries are those outside it, Art. 44) or in the jurisdiction's
/// area is no third country and needs no decision.
/// </summary>
internal static class AdequacyTransfers
{
    public static IEnumerable<AdequacyTransfer> Of(PolicyModel model)
    {
        if (model is null) throw new ArgumentNullException(nameof(model));
        var home = new HashSet<string>(HomeArea.Of(model.Jurisdiction), StringComparer.Ordinal);
        home.UnionWith(CountryGroups.Find(HomeArea.EconomicArea)?.Members ?? Array.Empty<string>());
        foreach (var permission in model.Permissions)
        {
            if (permission.Details is not TransferBasis { ReliesOnAdequacy: true } basis) continue;
            foreach (var dimension in permission.Verb.Dimensions.Where(d => d.CrossesBorders))
            {
                var destinations = permission[dimension];
                yield return new AdequacyTransfer(permission, basis, destinations.Any, destinations.Names.Where(c => !home.Contains(c)).ToList());
            }
        }
    }
}

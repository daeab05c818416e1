using Policies.Eleven;
using PolicyCompiler.Runtime;
using Rentals.Domain;

namespace Rentals.Api;

/// <summary>The newsletter endpoint: marketing e-mail goes out only where the policy permits it.</summary>
public static class Newsletter
{
    [ServesPurpose(Purpose.Marketing)]
    public static PolicyDecision Send(Rider rider, bool consented, Action<string> send)
    {
        var decision = ElevenPolicy.CheckProcess(Category.ContactEmail, Purpose.Marketing, consented ? Conditions.MarketingConsent : Conditions.None);
        if (decision.Allowed) send(rider.Email);
        return decision;
    }

    /// <summary>Where a rider's e-mail address may be stored: the countries are named, so that none is taken for another.</summary>
    public static bool MayStore(Country location, Country citizenship) =>
        ElevenPolicy.MayStore(Category.ContactEmail, location: location, citizenship: citizenship);
}

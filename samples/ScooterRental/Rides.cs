using Policies.Eleven;
using PolicyCompiler.Runtime;

namespace ScooterRental;

/// <summary>Renting a scooter: the service the riders signed up for.</summary>
public static class Rides
{
    [ServesPurpose(Purpose.ServiceDelivery)]
    public static string Start(Rider rider, string scooter)
    {
        // Reading the position for the ride is what the policy permits (the analyzer checks it at build time).
        var (latitude, longitude) = rider.LastPosition;
        return $"{rider.Name} rides {scooter} from {latitude:F4},{longitude:F4}";
    }

    [ServesPurpose(Purpose.Marketing)]
    public static string? Newsletter(Rider rider, bool consented)
    {
        // Marketing e-mail is permitted only with the rider's consent: a condition only known at run time.
        var given = consented ? Conditions.MarketingConsent : Conditions.None;
        var decision = ElevenPolicy.CheckProcess(Category.ContactEmail, Purpose.Marketing, given);
        return decision.Allowed ? "newsletter to " + rider.Email : null;
    }

    /// <summary>Whether rider e-mail addresses may go to a country: asked of the policy, not decided in code.</summary>
    public static PolicyDecision MaySendEmailsTo(Country destination) =>
        ElevenPolicy.CheckTransfer(Category.ContactEmail, destination);
}

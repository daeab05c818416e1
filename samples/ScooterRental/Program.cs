using Policies.Eleven;
using PolicyCompiler.Runtime;
using ScooterRental;

// A few calls of the guards the build generated from policies/eleven/eleven.policy.
var rider = new Rider("r-1", "Nino", "nino@example.ge", "+995 555 000 000") { LastPosition = (41.7151, 44.8271) };

Console.WriteLine(Rides.Start(rider, "scooter-17"));
Console.WriteLine(Rides.Newsletter(rider, consented: false) ?? "no newsletter: the rider did not consent");
Console.WriteLine(Rides.Newsletter(rider, consented: true));
foreach (var country in new[] { Country.GE, Country.US })
{
    Console.WriteLine($"e-mail addresses to {country}: {Rides.MaySendEmailsTo(country)}");
}

// A category chosen at run time: the guard decides, and refuses with the clause that forbids it.
// (With a constant category the analyzer would stop the build instead: PC5002.)
var requested = Enum.Parse<Category>(args.Length > 0 ? args[0] : "SpecialHealth");
try
{
    ElevenPolicy.EnsureProcess(requested, Purpose.Marketing);
    Console.WriteLine($"{requested} may be used for marketing");
}
catch (PolicyViolationException violation)
{
    Console.WriteLine("refused: " + violation.Message);
}

var rights = new RiderRights(Console.Out);
rights.Access(new RightRequest(rider.Id, Right.Access, Channel.Email));
rights.WithdrawConsent(new RightRequest(rider.Id, Right.WithdrawConsent, Channel.Account));

using Policies.Eleven;
using PolicyCompiler.Runtime;
using Rentals.Api;
using Rentals.Domain;
using Xunit;

namespace Rentals.Tests;

public sealed class NewsletterTests
{
    [Fact]
    public void Marketing_email_without_consent_is_denied_and_says_what_is_missing()
    {
        var sent = new List<string>();

        var decision = Newsletter.Send(new Rider("r-1", "nino@example.ge"), consented: false, sent.Add);

        Assert.False(decision.Allowed);
        Assert.Empty(sent);
        Assert.Equal("process contact.email for marketing", decision.Question);
        Assert.Contains("it holds only on marketing-consent, which is not given", decision.Why);
        Assert.Equal("eleven", decision.Policy!.PolicyId);
    }

    [Fact]
    public void Marketing_email_with_consent_is_sent()
    {
        var sent = new List<string>();

        Assert.True(Newsletter.Send(new Rider("r-1", "nino@example.ge"), consented: true, sent.Add).Allowed);
        Assert.Equal(new[] { "nino@example.ge" }, sent);
    }

    [Fact]
    public void A_russian_citizens_data_stays_in_russia()
    {
        // §8.1: data is kept in Georgia, but a Russian citizen's in Russia.
        Assert.True(Newsletter.MayStore(location: Country.GE, citizenship: Country.GE));
        Assert.False(Newsletter.MayStore(location: Country.GE, citizenship: Country.RU));
        Assert.Equal("contact.email", Category.ContactEmail.ToPolicyName());
    }
}

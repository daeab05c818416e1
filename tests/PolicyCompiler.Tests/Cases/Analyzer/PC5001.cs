// PC5001: a method serving marketing reads the card number, which the policy never permits for marketing.
// The e-mail is permitted for marketing on a condition (checked at run time), so it is not reported.
using Policies.Shop;

public sealed class Customer
{
    [PersonalData(Category.ContactEmail)]
    public string Email { get; set; } = "";

    [PersonalData(Category.PaymentCard)]
    public string Card { get; set; } = "";
}

public static class Campaigns
{
    [ServesPurpose(Purpose.Marketing)]
    public static string Target(Customer customer) => customer.Email + customer.[|Card|];
}

// PC5002: a guard call with constant arguments that the policy denies whatever happens at run time.
using Policies.Shop;

public static class Checks
{
    public static bool Delivery() => ShopPolicy.MayProcess(Category.PaymentCard, Purpose.Delivery);

    public static bool WithConsent() => ShopPolicy.MayProcess(Category.ContactEmail, Purpose.Marketing, Conditions.ConsentGiven);

    public static bool Dynamic(Category category) => ShopPolicy.MayProcess(category, Purpose.Marketing);

    public static void CardForMarketing() => [|ShopPolicy.EnsureProcess(Category.PaymentCard, Purpose.Marketing, Conditions.ConsentGiven)|];
}

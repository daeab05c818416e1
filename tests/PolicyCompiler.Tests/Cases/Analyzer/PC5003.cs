// PC5003: a store guard's countries passed by position, where a location and a citizenship could be swapped.
using Policies.Shop;
using PolicyCompiler.Runtime;

public static class Checks
{
    public static bool Named(Country home, Country citizen) => ShopPolicy.MayStore(Category.ContactEmail, location: home, citizenship: citizen);

    public static bool OneByPosition(Country home, Country citizen) => ShopPolicy.MayStore(Category.ContactEmail, home, citizenship: citizen);

    public static bool Swappable(Country home, Country citizen) => ShopPolicy.MayStore(Category.ContactEmail, home, [|citizen|]);
}

using Policies.Eleven;

namespace Rentals.Domain;

/// <summary>A rider: each member that holds personal data says its category of the policy.</summary>
public sealed class Rider(string id, string email)
{
    public string Id { get; } = id;

    [PersonalData(Category.ContactEmail)]
    public string Email { get; } = email;
}

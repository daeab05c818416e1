using Policies.Eleven;

namespace ScooterRental;

/// <summary>A rider of the service: each member says which category of personal data it is.</summary>
public sealed class Rider(string id, string name, string email, string phone)
{
    public string Id { get; } = id;

    [PersonalData(Category.IdentityName)]
    public string Name { get; } = name;

    [PersonalData(Category.ContactEmail)]
    public string Email { get; } = email;

    [PersonalData(Category.ContactMobile)]
    public string Phone { get; } = phone;

    [PersonalData(Category.LocationGeo)]
    public (double Latitude, double Longitude) LastPosition { get; set; }
}

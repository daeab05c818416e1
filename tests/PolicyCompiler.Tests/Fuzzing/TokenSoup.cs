using System;
using System.Linq;
using System.Text;

namespace PolicyCompiler.Tests.Fuzzing;

/// <summary>Random streams of the language's tokens (keywords, names, strings, sections, marks), mostly nonsense.</summary>
internal static class TokenSoup
{
    private static readonly string[] Vocabulary =
    {
        "policy", "p", "{", "}", "test", "\"t\"", "allow", "deny", "title", "controller", "effective", "source", "jurisdiction",
        "subject", "category", "purpose", "recipient", "tracking", "channel", "condition", "collect", "process", "share",
        "transfer", "store", "never", "retain", "or", "whichever", "then", "first", "later", "anonymise", "right", "consent", "amendments", "informative", "from", "for", "with", "to",
        "via", "at", "in", "of", "on", "unless", "until", "after", "within", "basis", "kind", "address", "cites", "given",
        "withdraw", "notify", "required", "optional", "consequence", "special", "automatically", "any", "citizens", "citizen",
        "take-effect", "ka", "en", "\"x\"", "\"\\u10D0\"", "\"\\q\"", "\"", "contact.email", "contact.*", "*", "a.b.c", "GE", "RU",
        "XX", "consent", "contract", "processor", "10", "0", "99999999999", "days", "years", "2021-11-22", "2021-13-45", "§1",
        "§5.2.1", "§", ",", ".", "-", "\\", "\n", " ", "//c\n", "/*", "*/", "website", "email", "\"www.x\"", "\uFEFF", "\u202E", "ა",
    };

    public static FuzzInput Next(Random random, string folder)
    {
        var text = new StringBuilder();
        var count = random.Next(1, 120);
        for (var i = 0; i < count; i++)
        {
            text.Append(Vocabulary[random.Next(Vocabulary.Length)]);
            if (random.Next(3) > 0) text.Append(' ');
        }
        return new FuzzInput(folder, Encoding.UTF8.GetBytes(text.ToString()), "token stream");
    }
}

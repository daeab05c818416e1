using System;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using PolicyCompiler.Docs;
using PolicyCompiler.Tests.Seeds;
using PolicyCompiler.Tests.Support;
using Xunit;
using Xunit.Abstractions;

namespace PolicyCompiler.Tests.Docs;

/// <summary>
/// Each seed's review page opened from disk in headless Chromium: it logs no error, makes no request but for
/// itself, runs no script, and shows every paragraph of the legal text. A screenshot of each page is saved
/// beside the test assembly (screenshots/, not committed) for a person to look at.
/// </summary>
public sealed class ReviewPageBrowserTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("policyc-review-").FullName;
    private readonly ITestOutputHelper _output;

    public ReviewPageBrowserTests(ITestOutputHelper output) => _output = output;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Theory]
    [InlineData("eleven/eleven.policy")]
    [InlineData("spar-online/spar-online.policy")]
    public async Task The_review_page_opens_from_disk_with_no_error_and_no_request_and_shows_every_legal_paragraph(string policy)
    {
        var executable = HeadlessChromium.Executable();
        Assert.True(executable is not null,
            "Chromium is not installed: 'apt-get install chromium' (.ci/run installs it when absent), or set CHROMIUM to its path.");
        var compilation = SeedPolicies.Compile(policy);
        var page = PolicyDocuments.Generate(compilation).Single(f => f.Name.EndsWith(".html", StringComparison.Ordinal));
        var path = Path.Combine(_folder, page.Name);
        await File.WriteAllTextAsync(path, page.Text);
        var url = new Uri(path).AbsoluteUri;

        await using var browser = await HeadlessChromium.StartAsync(executable!, 1440, 1000);
        await browser.NavigateAsync(url);

        Assert.Empty(browser.Errors());
        var requests = browser.Events("Network.requestWillBeSent").Select(e => (string)e["params"]!["request"]!["url"]!).Distinct().ToList();
        Assert.Equal(new[] { url }, requests);
        Assert.Equal(0, (int)(await browser.EvaluateAsync("document.scripts.length"))!);

        var shown = (await browser.EvaluateAsync(
                "Array.from(document.querySelectorAll('.legal .para')).map(p => [p.id, p.querySelector('.words').textContent])"))!
            .AsArray().Select(p => ((string)p![0]!, (string)p[1]!)).ToList();
        var paragraphs = compilation.Legal!.Document.Paragraphs;
        Assert.Equal(paragraphs.Select(p => DocText.ParagraphAnchor(p.Id)), shown.Select(s => s.Item1));
        Assert.Equal(paragraphs.Select(p => DocumentReader.Fold(p.Text)), shown.Select(s => DocumentReader.Fold(s.Item2)));

        // The record of processing is a sheet on the page: a row per purpose, every cell's citations linking to a paragraph shown.
        var record = (await browser.EvaluateAsync(
                "Array.from(document.querySelectorAll('#ropa tbody tr')).map(r => [r.cells.length, Array.from(r.querySelectorAll('.cites a')).map(a => a.getAttribute('href'))])"))!
            .AsArray().Select(r => ((int)r![0]!, r[1]!.AsArray().Select(h => (string)h!).ToList())).ToList();
        Assert.Equal(compilation.Model!.Purposes.Count, record.Count);
        Assert.All(record, r => Assert.Equal(10, r.Item1));
        Assert.All(record.SelectMany(r => r.Item2), href => Assert.Contains(href.Substring(1), shown.Select(s => s.Item1)));
        Assert.True((double)(await browser.EvaluateAsync("document.querySelector('#ropa').getBoundingClientRect().height"))! > 0);
        Assert.Equal(1, (int)(await browser.EvaluateAsync("document.querySelectorAll('nav.toc a[href=\"#ropa\"]').length"))!);

        // The cited excerpts are highlighted on screen, not only marked up.
        var highlight = (string)(await browser.EvaluateAsync("getComputedStyle(document.querySelector('.legal a.excerpt')).backgroundColor"))!;
        Assert.NotEqual("rgba(0, 0, 0, 0)", highlight);

        var screenshots = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "screenshots")).FullName;
        var screenshot = Path.Combine(screenshots, compilation.Model!.Id + ".png");
        var png = await browser.ScreenshotAsync();
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, png.Take(4));
        await File.WriteAllBytesAsync(screenshot, png);
        _output.WriteLine("screenshot: " + screenshot);
    }

    [Fact]
    public async Task The_browser_check_sees_a_console_error_and_a_request_when_a_page_makes_them()
    {
        var executable = HeadlessChromium.Executable();
        Assert.True(executable is not null, "Chromium is not installed: 'apt-get install chromium' (.ci/run installs it when absent).");
        var path = Path.Combine(_folder, "noisy.html");
        // Port 9 (discard) on loopback: the request is made and refused, nothing leaves the machine.
        await File.WriteAllTextAsync(path, "<!DOCTYPE html><html><body><img src=\"http://127.0.0.1:9/x.png\"/><script>console.error('noisy')</script></body></html>");

        await using var browser = await HeadlessChromium.StartAsync(executable!, 800, 600);
        await browser.NavigateAsync(new Uri(path).AbsoluteUri);

        Assert.Contains(browser.Errors(), e => e.Contains("noisy", StringComparison.Ordinal));
        Assert.Contains(browser.Events("Network.requestWillBeSent"), e => (string)e["params"]!["request"]!["url"]! == "http://127.0.0.1:9/x.png");
    }
}

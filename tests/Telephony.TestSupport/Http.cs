namespace Telephony.TestSupport;

public static class Http
{
    public static readonly HttpClient Client = new() { Timeout = TimeSpan.FromSeconds(5) };

    /// <summary>Waits until GET <paramref name="url"/> answers <paramref name="status"/>.</summary>
    public static async Task WaitForStatusAsync(string url, int status, TimeSpan timeout, ServiceProcess? process = null)
    {
        var deadline = DateTime.UtcNow + timeout;
        var last = "no answer";
        while (DateTime.UtcNow < deadline)
        {
            if (process is { HasExited: true })
            {
                throw new InvalidOperationException($"The process exited ({process.ExitCode}) before {url} answered {status}:{Environment.NewLine}{process.Describe()}");
            }

            try
            {
                using var response = await Client.GetAsync(url);
                if ((int)response.StatusCode == status)
                {
                    return;
                }

                last = $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}";
            }
            catch (HttpRequestException ex)
            {
                last = ex.Message;
            }
            catch (TaskCanceledException)
            {
                last = "timeout";
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"{url} did not answer {status} within {timeout.TotalSeconds} s (last: {last}).{Environment.NewLine}{process?.Describe()}");
    }
}

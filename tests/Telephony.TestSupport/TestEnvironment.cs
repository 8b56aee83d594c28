namespace Telephony.TestSupport;

/// <summary>
/// Addresses of the real services ./test.sh starts (PostgreSQL, RabbitMQ) and paths in the
/// repository. A missing variable fails the test with a message saying how to run it: tests
/// never skip because a dependency is absent.
/// </summary>
public static class TestEnvironment
{
    /// <summary>Npgsql connection string of a role allowed to create databases.</summary>
    public static string PostgresConnectionString => Require("TELEPHONY_TEST_POSTGRES");

    /// <summary>amqp:// URI of the test broker, vhost included.</summary>
    public static string RabbitMqUri => Require("TELEPHONY_TEST_RABBITMQ_URI");

    /// <summary>Shell file that sets up rabbitmqctl for the test broker (sourced before each command).</summary>
    public static string RabbitMqEnvFile => Require("TELEPHONY_TEST_RABBITMQ_ENV");

    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    /// <summary>Debug or Release: the configuration the tests (and so the services) were built with.</summary>
    public static string BuildConfiguration { get; } =
        AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";

    /// <summary>Path of a built service assembly, e.g. ("Portal", "Telephony.Portal").</summary>
    public static string ServiceAssembly(string serviceFolder, string project) =>
        Path.Combine(RepositoryRoot, "src", serviceFolder, project, "bin", BuildConfiguration, "net10.0", project + ".dll");

    private static string Require(string name) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"{name} is not set: run the tests through ./test.sh, which starts PostgreSQL and RabbitMQ and sets it.");

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Telephony.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Telephony.sln not found above " + AppContext.BaseDirectory);
    }
}

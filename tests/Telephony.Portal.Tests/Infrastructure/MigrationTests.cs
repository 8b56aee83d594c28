using Telephony.TestSupport;

namespace Telephony.Portal.Tests.Infrastructure;

public sealed class MigrationTests
{
    [Fact]
    public async Task Migrate_FromFirstMigrationWithData_KeepsEveryRow()
    {
        await using var store = await PortalStore.SqliteAsync(MigrationUpgradeScenario.FirstMigration);

        await MigrationUpgradeScenario.RunAsync(store);
    }
}

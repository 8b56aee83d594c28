using Telephony.Portal.Domain.Lines.Services;

namespace Telephony.Portal.Tests.Domain;

public sealed class KeyLayoutTests
{
    private static readonly ProgrammableKey Blf1 = new(KeyKind.Supervision, Guid.NewGuid());
    private static readonly ProgrammableKey Blf2 = new(KeyKind.Supervision, Guid.NewGuid());
    private static readonly ProgrammableKey Home = new(KeyKind.Shortcut, Label: "Home", Number: "0612345678");
    private static readonly IReadOnlyList<ProgrammableKey> Keys = [Blf1, Blf2, Home, ProgrammableKey.Pickup];

    [Fact]
    public void Add_PutsTheKeyAtTheEndOfItsCategory()
    {
        var blf3 = new ProgrammableKey(KeyKind.Supervision, Guid.NewGuid());

        Assert.Equal([Blf1, Blf2, blf3, Home, ProgrammableKey.Pickup], KeyLayout.Add(Keys, blf3));
    }

    [Theory]
    [InlineData(2, 1, new[] { 0, 1, 2, 3 })] // the last supervision key cannot pass the first shortcut key
    [InlineData(3, -1, new[] { 0, 1, 2, 3 })] // nor the reverse
    [InlineData(1, 1, new[] { 1, 0, 2, 3 })]
    [InlineData(4, -1, new[] { 0, 1, 3, 2 })]
    [InlineData(1, -1, new[] { 0, 1, 2, 3 })]
    [InlineData(4, 1, new[] { 0, 1, 2, 3 })]
    public void Move_StaysWithinTheCategory(int position, int offset, int[] expected)
    {
        Assert.Equal(expected.Select(i => Keys[i]), KeyLayout.Move(Keys, position, offset));
    }

    [Fact]
    public void Remove_RenumbersTheKeysAfterIt()
    {
        Assert.Equal([Blf1, Home, ProgrammableKey.Pickup], KeyLayout.Remove(Keys, 2));
    }

    [Fact]
    public void Reorder_AKeyDroppedAmongTheOtherCategory_GoesBackToItsOwn()
    {
        var reordered = KeyLayout.Reorder(Keys, [3, 1, 4, 2]);

        Assert.Equal([Blf1, Blf2, Home, ProgrammableKey.Pickup], reordered.Value);
        Assert.Equal([Blf2, Blf1, ProgrammableKey.Pickup, Home], KeyLayout.Reorder(Keys, [2, 1, 4, 3]).Value);
    }

    [Theory]
    [InlineData(new[] { 1, 2, 3 })]
    [InlineData(new[] { 1, 1, 2, 3 })]
    [InlineData(new[] { 1, 2, 3, 5 })]
    public void Reorder_NotEveryPositionOnce_IsRefused(int[] order)
    {
        Assert.Equal("keys.order", KeyLayout.Reorder(Keys, order).Error!.Code);
    }
}

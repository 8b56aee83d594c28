using Telephony.MediaServer.Ivr;

namespace Telephony.MediaServer.Tests.Ivr;

public sealed class IvrSessionTests
{
    private static readonly IvrMenu Sales = new("announcement:sales", new Dictionary<char, IvrChoice>
    {
        ['1'] = new("+33140000001", "New customers"),
        ['2'] = new("+33140000002", "Existing customers"),
    });

    private static readonly IvrMenu Root = new("announcement:welcome", new Dictionary<char, IvrChoice>
    {
        ['1'] = new(null, "Sales", Sales),
        ['2'] = new("201", "Support"),
        ['0'] = new("200", "Operator"),
    });

    [Fact]
    public void Start_PlaysTheLevelOneAnnouncement()
    {
        Assert.Equal(new IvrStep.Play("announcement:welcome", 1), new IvrSession(Root).Start());
    }

    [Fact]
    public void Press_AnAssignedKey_Forwards()
    {
        Assert.Equal(new IvrStep.Forward("201", "Support"), new IvrSession(Root).Press('2'));
    }

    [Fact]
    public void Press_TheOperatorKey_Forwards()
    {
        Assert.Equal(new IvrStep.Forward("200", "Operator"), new IvrSession(Root).Press('0'));
    }

    [Fact]
    public void Press_ASubmenuKeyThenAKey_ForwardsFromTheSubmenu()
    {
        var ivr = new IvrSession(Root);

        Assert.Equal(new IvrStep.Play("announcement:sales", 2), ivr.Press('1'));
        Assert.Equal(new IvrStep.Forward("+33140000002", "Existing customers"), ivr.Press('2'));
    }

    [Fact]
    public void Press_Star_ReplaysTheCurrentMenuWithoutCountingAsAMiss()
    {
        var ivr = new IvrSession(Root);

        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(new IvrStep.Play("announcement:welcome", 1), ivr.Press('*'));
        }

        Assert.Equal(new IvrStep.Forward("201", "Support"), ivr.Press('2'));
    }

    [Fact]
    public void Press_UnassignedKeysThreeTimes_ReplaysTwiceThenHangsUp()
    {
        var ivr = new IvrSession(Root);

        Assert.Equal(new IvrStep.Play("announcement:welcome", 1), ivr.Press('7'));
        Assert.Equal(new IvrStep.Play("announcement:welcome", 1), ivr.Press('#'));
        Assert.IsType<IvrStep.HangUp>(ivr.Press('9'));
    }

    [Fact]
    public void Timeout_ThreeSilences_HangsUp_AndASubmenuStartsItsOwnCount()
    {
        var ivr = new IvrSession(Root);
        ivr.Timeout();
        ivr.Timeout();

        Assert.Equal(new IvrStep.Play("announcement:sales", 2), ivr.Press('1'));
        Assert.Equal(new IvrStep.Play("announcement:sales", 2), ivr.Timeout());
        Assert.Equal(new IvrStep.Play("announcement:sales", 2), ivr.Press('5'));
        Assert.IsType<IvrStep.HangUp>(ivr.Timeout());
    }

    [Fact]
    public void Press_ASubmenuKeyInsideTheSubmenu_IsAMiss()
    {
        var nested = new IvrMenu("announcement:l2", new Dictionary<char, IvrChoice> { ['1'] = new(null, "Deeper", Sales) });
        var ivr = new IvrSession(new IvrMenu("announcement:l1", new Dictionary<char, IvrChoice> { ['1'] = new(null, "Level 2", nested) }));

        ivr.Press('1');

        Assert.Equal(new IvrStep.Play("announcement:l2", 2), ivr.Press('1'));
    }
}

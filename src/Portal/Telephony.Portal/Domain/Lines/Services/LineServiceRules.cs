using FluentValidation;
using Telephony.Portal.Features;

namespace Telephony.Portal.Domain.Lines.Services;

/// <summary>
/// The limits of SPEC section 4, one validator per block, given the line's kind. Lines run
/// them before taking a block, so pages and the API get the same messages, every field at once.
/// </summary>
public static class LineServiceRules
{
    public const int MaxBlockedNumbers = 36;

    public sealed class OutgoingCallsRules : AbstractValidator<OutgoingCalls>
    {
        public OutgoingCallsRules()
        {
            RuleFor(o => o.CallerId).IsInEnum();
            RuleFor(o => o.Restriction).IsInEnum().WithMessage("Choose one of the eight restriction profiles.");
            When(o => o.CallerId == CallerIdMode.Alternative, () =>
                RuleFor(o => o.AlternativeNumber).Satisfies(n => OutgoingCalls.ParseAlternativeNumber(n, nameof(OutgoingCalls.AlternativeNumber)).Error));
        }
    }

    public sealed class IncomingCallsRules : AbstractValidator<IncomingCalls>
    {
        public IncomingCallsRules(LineKind kind)
        {
            if (!kind.HasIncomingCallServices())
            {
                RuleFor(i => i.DoNotDisturb).Equal(false).WithMessage("Do not disturb is for Fixed and mobile lines.");
                RuleFor(i => i.CallWaiting).Equal(false).WithMessage("Call waiting is for Fixed and mobile lines.");
                RuleFor(i => i.MultiRing.Enabled).Equal(false).OverridePropertyName("MultiRing.Enabled").WithMessage("Ringing several numbers is for Fixed and mobile lines.");
            }

            if (!kind.HasDistinctiveRing())
            {
                RuleFor(i => i.DistinctiveRing).Equal(false).WithMessage("Distinctive ringing needs a provisioned desk phone (Fixed lines).");
            }

            if (!kind.HasAnonymousRejection())
            {
                RuleFor(i => i.RejectAnonymous).Equal(false).WithMessage("This line cannot reject anonymous calls.");
            }

            RuleFor(i => i.MultiRing).SetValidator(new MultiRingRules());
        }
    }

    public sealed class MultiRingRules : AbstractValidator<MultiRing>
    {
        public MultiRingRules()
        {
            RuleFor(m => m.Mode).IsInEnum();
            RuleFor(m => m.Rings).InclusiveBetween(1, 10).WithMessage("Between 1 and 10 rings.");
            RuleFor(m => m.Numbers).Must(n => n.Count <= MultiRing.MaxNumbers).WithMessage($"At most {MultiRing.MaxNumbers} numbers can ring with the line.");
            RuleFor(m => m.Numbers).Must(n => n.Count > 0).When(m => m.Enabled).WithMessage("Add at least one number to ring with the line.");
            RuleForEach(m => m.Numbers).Satisfies(n => Destination.ParseInternational(n, "Numbers").Error);
            RuleFor(m => m.Numbers)
                .Must(n => n.Select(x => Destination.ParseInternational(x, "").Value?.Number ?? x).Distinct().Count() == n.Count)
                .WithMessage("Each number appears once.");
        }
    }

    public sealed class AnnouncementsRules : AbstractValidator<LineAnnouncements>
    {
        public AnnouncementsRules(LineKind kind)
        {
            if (!kind.HasAnnouncements())
            {
                RuleFor(a => a).Must(a => a == new LineAnnouncements()).WithMessage("This line has no announcements.");
            }

            RuleFor(a => a.Greeting.Source).IsInEnum().OverridePropertyName("Greeting.Source");
            RuleFor(a => a.Hold.Source).IsInEnum().OverridePropertyName("Hold.Source");
            RuleFor(a => a.CallWaiting.Source).IsInEnum().OverridePropertyName("CallWaiting.Source");
            const string NoRecording = "Upload a recording first, or choose the predefined announcement.";
            RuleFor(a => a.Greeting.Source).NotEqual(AnnouncementSource.Uploaded).When(a => a.Greeting.Recording is null).OverridePropertyName("Greeting.Source").WithMessage(NoRecording);
            RuleFor(a => a.Hold.Source).NotEqual(AnnouncementSource.Uploaded).When(a => a.Hold.Recording is null).OverridePropertyName("Hold.Source").WithMessage(NoRecording);
            RuleFor(a => a.CallWaiting.Source).NotEqual(AnnouncementSource.Uploaded).When(a => a.CallWaiting.Recording is null).OverridePropertyName("CallWaiting.Source").WithMessage(NoRecording);
        }
    }

    /// <summary>The blocked numbers as a request holds them.</summary>
    public sealed record BlockedNumberList(IReadOnlyList<string> Numbers);

    public sealed class BlockedNumbersRules : AbstractValidator<BlockedNumberList>
    {
        public BlockedNumbersRules(LineKind kind)
        {
            RuleFor(b => b.Numbers).Must(_ => kind.HasBlockedNumbers()).WithMessage("This line has no blocked numbers list.");
            RuleFor(b => b.Numbers).Must(n => n.Count <= MaxBlockedNumbers)
                .WithMessage($"At most {MaxBlockedNumbers} numbers can be blocked; delete one first.");
            RuleForEach(b => b.Numbers).Satisfies(n => BlockedNumber.Normalise(n, "Numbers").Error);
        }
    }

    /// <summary>The keys as a request holds them.</summary>
    public sealed record KeyList(IReadOnlyList<ProgrammableKey> Keys);

    /// <summary>
    /// What the keys of one phone are checked against: the model's key count, the line itself,
    /// and the company's lines a supervision key may watch (Fixed and mobile lines).
    /// </summary>
    public sealed record KeyContext(string ModelName, int Capacity, Guid OwnLineId, IReadOnlySet<Guid> SupervisableLines);

    public sealed class KeysRules : AbstractValidator<KeyList>
    {
        public KeysRules(KeyContext context)
        {
            RuleFor(k => k.Keys).Must(k => k.Count <= context.Capacity)
                .WithMessage(k => context.Capacity == 0
                    ? $"The {context.ModelName} has no programmable keys."
                    : $"The {context.ModelName} has {context.Capacity} programmable keys; remove {k.Keys.Count - context.Capacity}.");
            RuleFor(k => k.Keys).Must(k => k.Count(key => key.IsSupervision) <= KeyLayout.MaxSupervisionKeys)
                .WithMessage($"At most {KeyLayout.MaxSupervisionKeys} supervision keys.");
            RuleFor(k => k.Keys).Must(k => k.Count(key => key.Kind == KeyKind.Pickup) <= 1)
                .WithMessage("A phone has at most one pickup key.");
            RuleFor(k => k.Keys).Must(k => k.Where(key => key.IsSupervision).GroupBy(key => key.LineId).All(g => g.Count() == 1))
                .WithMessage("Each line is supervised by one key only.");
            RuleForEach(k => k.Keys).SetValidator(new KeyRules(context));
        }
    }

    public sealed class KeyRules : AbstractValidator<ProgrammableKey>
    {
        public KeyRules(KeyContext context)
        {
            RuleFor(k => k.Kind).IsInEnum().WithMessage("A key supervises a line, dials a number, or picks up calls.");
            RuleFor(k => k.Label).MaximumLength(KeyLayout.MaxLabelLength).WithMessage($"A label has at most {KeyLayout.MaxLabelLength} characters.");
            When(k => k.Kind == KeyKind.Supervision, () =>
            {
                RuleFor(k => k.InCallAction).IsInEnum().WithMessage("While in a call, the key holds and calls, transfers, or parks.");
                RuleFor(k => k.LineId).NotNull().WithMessage("Choose the line this key supervises.");
                RuleFor(k => k.LineId).NotEqual(context.OwnLineId).When(k => k.LineId is not null)
                    .WithMessage("A key cannot supervise its own line.");
                RuleFor(k => k.LineId).Must(id => context.SupervisableLines.Contains(id!.Value))
                    .When(k => k.LineId is not null && k.LineId != context.OwnLineId)
                    .WithMessage("Supervision keys watch Fixed and mobile lines of the company.");
            });
            When(k => k.Kind == KeyKind.Shortcut, () =>
            {
                RuleFor(k => k.Label).NotEmpty().WithMessage("Give the key a label.");
                RuleFor(k => k.Number).Must(KeyLayout.IsDialable)
                    .WithMessage($"A shortcut number has 1 to {KeyLayout.MaxNumberLength} digits, after an optional +; * and # are allowed.");
            });
        }
    }

    public sealed class ForwardingRules : AbstractValidator<Forwarding>
    {
        public ForwardingRules(LineKind kind)
        {
            var types = Forwarding.TypesFor(kind);
            foreach (var type in Enum.GetValues<ForwardType>())
            {
                var name = type.ToString();
                if (!types.Contains(type))
                {
                    RuleFor(f => f[type].Enabled).Equal(false).OverridePropertyName($"{name}.Enabled")
                        .WithMessage(kind == LineKind.Analog
                            ? "Analog lines have the immediate forward only."
                            : $"This line has no {Label(type)} forward.");
                    continue;
                }

                RuleFor(f => f[type]).SetValidator(new ForwardRules(kind)).OverridePropertyName(name);
            }

            RuleFor(f => f.NoAnswerRings).InclusiveBetween(1, 10).WithMessage("Between 1 and 10 rings (1 ring ≈ 5 s).");
            RuleFor(f => f.Scheduled.Enabled).Equal(false).When(f => f.Immediate.Enabled).OverridePropertyName("Scheduled.Enabled")
                .WithMessage("Scheduled and immediate forwarding exclude each other: turn immediate forwarding off first.");
            RuleFor(f => f.ScheduleCalendarId).NotNull().When(f => f.Scheduled.Enabled)
                .WithMessage("Choose the calendar whose closed hours trigger scheduled forwarding.");
        }

        public static string Label(ForwardType type) => type switch
        {
            ForwardType.Immediate => "immediate",
            ForwardType.Busy => "on-busy",
            ForwardType.NoAnswer => "no-answer",
            ForwardType.Unreachable => "when-unreachable",
            _ => "scheduled",
        };
    }

    public sealed class ForwardRules : AbstractValidator<Forward>
    {
        public ForwardRules(LineKind kind)
        {
            RuleFor(f => f.Target).IsInEnum();
            When(f => f.Enabled, () =>
            {
                RuleFor(f => f.Target).NotEqual(ForwardTarget.Voicemail).When(_ => !kind.HasVoicemail())
                    .WithMessage("This line has no voicemail: forward to a number.");
                RuleFor(f => f.Target).NotEqual(ForwardTarget.AssociatedMobile).When(_ => kind != LineKind.FixedForMobile)
                    .WithMessage("Only a Fixed-for-mobile line forwards to its associated mobile.");
                RuleFor(f => f.Number).Satisfies(n => Destination.Parse(n, nameof(Forward.Number)).Error).When(f => f.Target == ForwardTarget.Number);
            });
        }
    }

    public sealed class VoicemailNotificationRules : AbstractValidator<VoicemailNotification>
    {
        public VoicemailNotificationRules(LineKind kind)
        {
            RuleFor(v => v.Mode).IsInEnum();
            RuleFor(v => v.AudioFormat).IsInEnum();
            RuleFor(v => v.Mode).Equal(VoicemailNotificationMode.Off).When(_ => !kind.HasVoicemail()).WithMessage("This line has no voicemail.");
            RuleFor(v => v.Email).Must(e => LineIdentity.CheckEmail(e) is null).When(v => v.Mode != VoicemailNotificationMode.Off)
                .WithMessage("Enter the e-mail address new messages are sent to.");
        }
    }
}

/// <summary>L-BLOCK: any format, normalised (0X → +33X, 00 → +) for matching.</summary>
public static class BlockedNumber
{
    public static Result<string> Normalise(string? input, string field)
    {
        var compact = new string((input ?? "").Where(c => !char.IsWhiteSpace(c) && c is not '.' and not '-' and not '(' and not ')').ToArray());
        var plus = compact.StartsWith('+');
        var digits = plus ? compact[1..] : compact;
        if (digits.Length is 0 or > 20 || !digits.All(char.IsAsciiDigit))
        {
            return Error.Validation("blocked.format", "A blocked number has 1 to 20 digits, after an optional +.", field);
        }

        if (plus)
        {
            return "+" + digits;
        }

        if (digits.StartsWith("00", StringComparison.Ordinal) && digits.Length > 2)
        {
            return "+" + digits[2..];
        }

        return digits.Length == 10 && digits[0] == '0' ? "+33" + digits[1..] : digits;
    }
}

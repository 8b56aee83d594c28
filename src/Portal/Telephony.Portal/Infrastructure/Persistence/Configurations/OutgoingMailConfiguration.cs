using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Telephony.Portal.Infrastructure.Mail;

namespace Telephony.Portal.Infrastructure.Persistence.Configurations;

internal sealed class OutgoingMailConfiguration : IEntityTypeConfiguration<OutgoingMail>
{
    public void Configure(EntityTypeBuilder<OutgoingMail> builder)
    {
        builder.ToTable("OutgoingMails");
        builder.HasKey(m => m.Id);
        builder.Ignore(m => m.Failed);
        builder.Property(m => m.To).HasMaxLength(254);
        builder.Property(m => m.Subject).HasMaxLength(200);
        builder.Property(m => m.LastError).HasMaxLength(1000);
        builder.HasIndex(m => new { m.SentAt, m.NextAttemptAt });
        builder.OwnsOne(m => m.Attachment, a =>
        {
            a.Property(x => x.FileName).HasColumnName("AttachmentName").HasMaxLength(200);
            a.Property(x => x.ContentType).HasColumnName("AttachmentContentType").HasMaxLength(100);
            a.Property(x => x.Content).HasColumnName("AttachmentContent");
        });
    }
}

using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Telephony.Portal.Infrastructure.Persistence.Migrations;

/// <summary>V-EMAIL: a queued mail may carry a file (a voicemail message's audio).</summary>
[DbContext(typeof(PortalDbContext))]
[Migration("20261205000010_MailAttachments")]
public sealed class MailAttachments : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<string>(name: "AttachmentName", table: "OutgoingMails", maxLength: 200, nullable: true);
        migrationBuilder.AddColumn<string>(name: "AttachmentContentType", table: "OutgoingMails", maxLength: 100, nullable: true);
        migrationBuilder.AddColumn<byte[]>(name: "AttachmentContent", table: "OutgoingMails", nullable: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropColumn(name: "AttachmentContent", table: "OutgoingMails");
        migrationBuilder.DropColumn(name: "AttachmentContentType", table: "OutgoingMails");
        migrationBuilder.DropColumn(name: "AttachmentName", table: "OutgoingMails");
    }
}

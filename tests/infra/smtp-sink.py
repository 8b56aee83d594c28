#!/usr/bin/env python3
"""A local SMTP sink for tests: accepts every message on 127.0.0.1:<port> and writes it to
<folder>/<n>.json as {"from", "to", "subject", "body", "attachments"} with the text body decoded
and each attachment saved beside it as <n>-<index>-<file name> (listed with its name, type, path).
Prints "ready" once listening. Usage: smtp-sink.py <port> <folder>"""
import email
import email.policy
import json
import os
import sys
import threading
import time

from aiosmtpd.controller import Controller


class Sink:
    def __init__(self, folder):
        self.folder = folder

    async def handle_DATA(self, server, session, envelope):
        message = email.message_from_bytes(envelope.content, policy=email.policy.default)
        part = message.get_body(("plain",))
        record = {
            "from": envelope.mail_from,
            "to": envelope.rcpt_tos,
            "subject": str(message["subject"] or ""),
            "body": part.get_content() if part is not None else "",
        }
        stem = str(time.time_ns())
        attachments = []
        for index, attachment in enumerate(message.iter_attachments()):
            file_name = os.path.basename(attachment.get_filename() or "attachment")
            path = os.path.join(self.folder, f"{stem}-{index}-{file_name}")
            with open(path, "wb") as f:
                f.write(attachment.get_content() if attachment.get_content_maintype() != "text" else attachment.get_content().encode())
            attachments.append({"fileName": file_name, "contentType": attachment.get_content_type(), "path": path})
        record["attachments"] = attachments
        name = f"{stem}.json"
        # Not *.json until complete: readers list *.json and must never see half a mail.
        temporary = os.path.join(self.folder, name + ".part")
        with open(temporary, "w", encoding="utf-8") as f:
            json.dump(record, f)
        os.rename(temporary, os.path.join(self.folder, name))
        return "250 OK"


def main():
    port, folder = int(sys.argv[1]), sys.argv[2]
    os.makedirs(folder, exist_ok=True)
    controller = Controller(Sink(folder), hostname="127.0.0.1", port=port)
    controller.start()
    print("ready", flush=True)
    threading.Event().wait()


if __name__ == "__main__":
    main()

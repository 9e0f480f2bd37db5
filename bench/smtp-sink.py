#!/usr/bin/python3
"""An SMTP server for the sending benchmark: accepts every message and appends one line per recipient,
"<message-id>\t<recipient>", to the log file given. Debian's python3-aiosmtpd. Usage: smtp-sink.py PORT LOG"""
import sys
import time
from email.parser import BytesHeaderParser

from aiosmtpd.controller import Controller


class Sink:
    def __init__(self, log):
        self.log = log

    async def handle_DATA(self, server, session, envelope):
        message_id = BytesHeaderParser().parsebytes(envelope.original_content).get("Message-ID", "")
        with open(self.log, "a") as out:
            for recipient in envelope.rcpt_tos:
                out.write(f"{message_id}\t{recipient}\n")
        return "250 OK"


if __name__ == "__main__":
    controller = Controller(Sink(sys.argv[2]), hostname="127.0.0.1", port=int(sys.argv[1]), data_size_limit=50_000_000)
    controller.start()
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        controller.stop()

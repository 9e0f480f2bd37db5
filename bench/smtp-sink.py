#!/usr/bin/python3
"""An SMTP server for the sending benchmarks: accepts every message and appends one line per recipient,
"<message-id>\t<recipient>", to the log file given. Debian's python3-aiosmtpd.

Usage: smtp-sink.py PORT LOG [--delay-ms MS] [--late-every N --late-ms MS]
  --delay-ms MS    a slow server: answers each DATA MS milliseconds after the end of the message
  --late-every N   every Nth message (the 1st, the N+1th, ...) is answered --late-ms after the end instead; meant to be
                   longer than ANNUAL_REVIEW_MAIL_TIMEOUT_SECONDS, so the sender gives up waiting: the message is
                   logged (stored, as a real server may have) with a third field, "late"
The answer waits with asyncio, so other connections (a second sender) are served meanwhile."""
import argparse
import asyncio
import time
from email.parser import BytesHeaderParser

from aiosmtpd.controller import Controller


class Sink:
    def __init__(self, log, delay_ms, late_every, late_ms):
        self.log = log
        self.delay_ms = delay_ms
        self.late_every = late_every
        self.late_ms = late_ms
        self.messages = 0

    async def handle_DATA(self, server, session, envelope):
        message_id = BytesHeaderParser().parsebytes(envelope.original_content).get("Message-ID", "")
        self.messages += 1
        late = self.late_every > 0 and (self.messages - 1) % self.late_every == 0
        with open(self.log, "a") as out:
            for recipient in envelope.rcpt_tos:
                out.write(f"{message_id}\t{recipient}" + ("\tlate\n" if late else "\n"))
        wait = self.late_ms if late else self.delay_ms
        if wait > 0:
            await asyncio.sleep(wait / 1000)
        return "250 OK"


if __name__ == "__main__":
    arguments = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    arguments.add_argument("port", type=int)
    arguments.add_argument("log")
    arguments.add_argument("--delay-ms", type=int, default=0)
    arguments.add_argument("--late-every", type=int, default=0)
    arguments.add_argument("--late-ms", type=int, default=0)
    options = arguments.parse_args()
    sink = Sink(options.log, options.delay_ms, options.late_every, options.late_ms)
    controller = Controller(sink, hostname="127.0.0.1", port=options.port, data_size_limit=50_000_000)
    controller.start()
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        controller.stop()

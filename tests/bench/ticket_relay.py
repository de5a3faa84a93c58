#!/usr/bin/env python3
"""Ticket relay benchmark: accepted tickets per second and POST /api/tickets latency.

Starts build/native/server/support-server on a free loopback port with a fresh data folder,
forwarding to a stub webhook helpdesk served by this script (answers 201 at once), then posts
tickets from several client threads (keep-alive, one idempotency key each) and prints:
  accepted tickets/s, p50 / p99 / max latency of the 201s, and how long the forwarder needed
  to deliver them all. Not a test: figures vary with the machine and its load.

  python3 tests/bench/ticket_relay.py [--tickets 2000] [--clients 8] [--server PATH]
"""
import argparse
import http.client
import http.server
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


class StubHelpdesk(http.server.BaseHTTPRequestHandler):
    received = set()
    lock = threading.Lock()

    def do_POST(self):
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        with StubHelpdesk.lock:
            StubHelpdesk.received.add(self.headers.get("Idempotency-Key"))
        body = b'{"id": "stub"}'
        self.send_response(201)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


def percentile(sorted_values, p):
    index = min(len(sorted_values) - 1, max(0, round(p / 100 * (len(sorted_values) - 1))))
    return sorted_values[index]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--tickets", type=int, default=2000)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--server", default=os.path.join(ROOT, "build/native/server/support-server"))
    args = parser.parse_args()

    helpdesk = http.server.ThreadingHTTPServer(("127.0.0.1", 0), StubHelpdesk)
    threading.Thread(target=helpdesk.serve_forever, daemon=True).start()

    data = tempfile.mkdtemp(prefix="ticket-relay-bench-")
    config = {
        "helpdesk": {"connector": "webhook", "url": f"http://127.0.0.1:{helpdesk.server_port}/hook",
                     "secret": "benchmark-secret-0123456789"},
        "rate_limits": {name: {"burst": 1e8, "per_hour": 1e8}
                        for name in ("tickets_per_ip", "tickets_per_email", "events_per_ip")},
    }
    with open(os.path.join(data, "server.json"), "w") as f:
        json.dump(config, f)
    server = subprocess.Popen([args.server, "--port", "0", "--data", data, "--server-config",
                               os.path.join(data, "server.json")],
                              stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        port = int(re.search(r":(\d+)$", server.stdout.readline().strip()).group(1))
        token = server.stdout.readline().split(": ", 1)[1].strip()

        latencies = []
        failures = []
        per_client = args.tickets // args.clients

        def client(number):
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            mine = []
            for i in range(per_client):
                body = json.dumps({
                    "name": "Bench Customer", "email": f"bench{number}@example.com",
                    "subject": f"Benchmark ticket {number}-{i}",
                    "description": "The export button does nothing since the last update.",
                    "category": "account"})
                started = time.perf_counter()
                connection.request("POST", "/api/tickets", body, {
                    "Content-Type": "application/json", "Idempotency-Key": f"bench-{number}-{i}"})
                response = connection.getresponse()
                response.read()
                elapsed = time.perf_counter() - started
                if response.status == 201:
                    mine.append(elapsed)
                else:
                    failures.append(response.status)
            latencies.extend(mine)

        threads = [threading.Thread(target=client, args=(n,)) for n in range(args.clients)]
        started = time.perf_counter()
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        accept_seconds = time.perf_counter() - started
        accepted = len(latencies)
        while True:  # until the forwarder has delivered every accepted ticket
            with StubHelpdesk.lock:
                if len(StubHelpdesk.received) >= accepted:
                    break
            time.sleep(0.01)
        delivered_seconds = time.perf_counter() - started

        request = urllib.request.Request(f"http://127.0.0.1:{port}/readyz")
        readiness = json.load(urllib.request.urlopen(request))
        latencies.sort()
        ms = lambda s: f"{s * 1000:.1f} ms"
        print(f"tickets accepted: {accepted} of {per_client * args.clients} ({len(failures)} not 201) "
              f"from {args.clients} clients")
        print(f"accepted tickets/s: {accepted / accept_seconds:.0f}")
        print(f"POST /api/tickets latency: p50 {ms(percentile(latencies, 50))}, "
              f"p99 {ms(percentile(latencies, 99))}, max {ms(latencies[-1])}")
        print(f"all {accepted} delivered to the stub helpdesk after {delivered_seconds:.2f} s "
              f"({accepted / delivered_seconds:.0f} deliveries/s); outbox pending now: "
              f"{readiness['outbox']['pending']}")
    finally:
        server.terminate()
        server.wait(timeout=10)
        helpdesk.shutdown()
        shutil.rmtree(data, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())

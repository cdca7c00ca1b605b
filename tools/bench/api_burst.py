#!/usr/bin/env python3
"""A burst of clients against POST /api/simulate: how many are answered, how many refused (503)
and with which Retry-After, and the answer times.

    python3 tools/bench/api_burst.py CLIENTS REQUESTS [light|heavy] [URL]

Each client is a thread that posts the next request as soon as its last one is answered.
light: 2,000 Adam steps on Rosenbrock, every 10th step recorded (a small answer);
heavy: 8 runs x 10,000 Adam steps, every step recorded (about 9 MB per answer).
"""
import collections
import json
import sys
import threading
import time
import urllib.error
import urllib.request

clients, total = int(sys.argv[1]), int(sys.argv[2])
kind = sys.argv[3] if len(sys.argv) > 3 else "light"
url = sys.argv[4] if len(sys.argv) > 4 else "http://localhost:8080/api/simulate"
if kind == "heavy":
    runs = [{"label": "r%d" % i, "start": [-1.5, 2], "steps": 10000,
             "optimizer": {"type": "adam", "lr": 0.01 * (i + 1)}} for i in range(8)]
else:
    runs = [{"start": [-1.5, 2], "steps": 2000, "optimizer": {"type": "adam", "lr": 0.02},
             "record": {"every": 10}}]
body = json.dumps({"landscape": {"type": "rosenbrock"}, "runs": runs}).encode()

counts, retry, times = collections.Counter(), collections.Counter(), []
lock = threading.Lock()
left = [total]


def client():
    while True:
        with lock:
            if left[0] == 0:
                return
            left[0] -= 1
        t0 = time.time()
        req = urllib.request.Request(url, data=body, headers={"Content-Type": "application/json"})
        try:
            with urllib.request.urlopen(req) as r:
                r.read()
                code = r.status
        except urllib.error.HTTPError as e:
            code = e.code
            e.read()
            if code == 503:
                retry[e.headers.get("Retry-After")] += 1
        with lock:
            counts[code] += 1
            times.append(time.time() - t0)


threads = [threading.Thread(target=client) for _ in range(clients)]
start = time.time()
for t in threads:
    t.start()
for t in threads:
    t.join()
times.sort()
print("clients=%d requests=%d statuses=%s retry-after=%s wall=%.1fs median=%.0fms p95=%.0fms max=%.0fms" % (
    clients, total, dict(counts), dict(retry), time.time() - start, 1000 * times[len(times) // 2],
    1000 * times[int(len(times) * 0.95)], 1000 * times[-1]))

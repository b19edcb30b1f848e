-- Appended to every measured script: one machine-readable line per run (requests per second,
-- p50 and p99 in milliseconds, failures), and how many writes the server acknowledged.
local threads = {}

function setup(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end

function done(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local acknowledged = 0
  for _, t in ipairs(threads) do
    acknowledged = acknowledged + (t:get("acknowledged") or 0)
  end
  local e = summary.errors
  io.write(string.format(
    "RESULT requests=%d rps=%.1f mean=%.3f p50=%.3f p99=%.3f non2xx3xx=%d socket=%d acknowledged=%d\n",
    summary.requests, summary.requests / seconds, latency.mean / 1000,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    e.status, e.connect + e.read + e.write + e.timeout, acknowledged))
end

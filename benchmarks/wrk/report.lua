-- The summary both wrk scripts print: throughput, answers their response() counted as bad (each thread's
-- global "bad"), and latency percentiles. Loaded with dofile from the script's own directory.
function report(threads, summary, latency)
  local failed = 0
  for _, thread in ipairs(threads) do
    failed = failed + (thread:get("bad") or 0)
  end
  io.write(string.format("throughput: %.0f requests/s; failed answers: %d\n",
    summary.requests / (summary.duration / 1e6), failed))
  for _, p in ipairs({ 50, 90, 99, 99.9 }) do
    io.write(string.format("p%s: %.2f ms\n", p, latency:percentile(p) / 1000))
  end
end

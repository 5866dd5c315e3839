-- wrk script for bench/cars-get (wrk runs it with LuaJIT, one Lua state per wrk thread).
--
--   BENCH_SERIALS=N wrk ... -s bench/cars-get.lua http://host:port/api/cars
--       every request is GET /api/cars/<random serial in 0..N-1>, drawn anew per request;
--   wrk ... -s bench/cars-get.lua http://host:port/api/hostname     (BENCH_SERIALS unset or empty)
--       wrk's own static request to the URL's path: no Lua runs per request, so the cheap endpoint
--       is not slowed down by the client.
--
-- Either way done() prints one line "RESULT key=value ..." that bench/cars-get parses: requests/s,
-- latency percentiles in microseconds, and the error counts. wrk's "status" errors are responses with
-- a status >= 400; counting 1xx/3xx too would need a response() hook in Lua on every response, which
-- costs client CPU on a machine where wrk and the server share the cores.

local serials = tonumber(os.getenv("BENCH_SERIALS") or "")

-- wrk decides at load time whether the request is dynamic: define request() only in serial mode
if serials then
  local thread_count = 0

  function setup(thread)
    thread_count = thread_count + 1
    thread:set("thread_number", thread_count)
  end

  function init(args)
    -- wrk starts every thread within the same second: give each its own sequence
    math.randomseed(os.time() * 1000 + (thread_number or 0) * 7919)
    for _ = 1, 10 do math.random() end
  end

  function request()
    return wrk.format("GET", "/api/cars/" .. math.random(0, serials - 1))
  end
end

function done(summary, latency, requests)
  local e = summary.errors
  local seconds = summary.duration / 1e6
  io.write(string.format(
    "RESULT requests=%d seconds=%.3f rps=%.1f p50_us=%d p90_us=%d p99_us=%d max_us=%d " ..
    "status_errors=%d connect=%d read=%d write=%d timeout=%d bytes=%d\n",
    summary.requests, seconds, summary.requests / seconds,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max,
    e.status, e.connect, e.read, e.write, e.timeout, summary.bytes))
end

-- bench/lib.lua: what the wrk scripts share (loaded with dofile by bench/cars-get.lua and bench/shop.lua).
--
-- bench_random_threads(extra_init) defines setup() and init() so that each wrk thread draws its own random
-- sequence; extra_init, when given, runs at the end of init(). done() prints the one line
-- "RESULT key=value ..." that bench/lib.sh's bench_wrk parses: requests/s, latency percentiles in
-- microseconds, and the error counts. wrk's "status" errors are responses with a status >= 400;
-- counting 1xx/3xx too would need a response() hook in Lua on every response, which costs client CPU
-- on a machine where wrk and the server share the cores.

function bench_random_threads(extra_init)
  local thread_count = 0

  function setup(thread)
    thread_count = thread_count + 1
    thread:set("thread_number", thread_count)
  end

  function init(args)
    -- wrk starts every thread within the same second: give each its own sequence
    math.randomseed(os.time() * 1000 + (thread_number or 0) * 7919)
    for _ = 1, 10 do math.random() end
    if extra_init then extra_init() end
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

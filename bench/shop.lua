-- wrk script for bench/shop (LuaJIT, one Lua state per wrk thread). BENCH_MODE picks the requests:
--   list-random  GET <path>?limit=<BENCH_LIMIT>&after=<random 0..BENCH_N-1>   (a new cache key nearly every time)
--   user-random  GET <path>/<BENCH_PREFIX><random 0..BENCH_N-1>             (users by name over a big set)
--   user-hot     GET <path>/<BENCH_PREFIX><random 0..BENCH_N-1>             (the same, over a set that fits the cache)
--   post         POST <path> {"age": .., "name": ..}                         (a new user per request)
--   (unset)      wrk's own static request to the URL: no Lua per request
-- done() prints one line "RESULT key=value ..." that bench/shop parses.

local mode = os.getenv("BENCH_MODE") or ""
local n = tonumber(os.getenv("BENCH_N") or "1000")
local limit = os.getenv("BENCH_LIMIT") or "100"
local prefix = os.getenv("BENCH_PREFIX") or "user"

if mode ~= "" then
  local thread_count = 0

  function setup(thread)
    thread_count = thread_count + 1
    thread:set("thread_number", thread_count)
  end

  function init(args)
    math.randomseed(os.time() * 1000 + (thread_number or 0) * 7919)
    for _ = 1, 10 do math.random() end
    counter = 0
  end

  local path = wrk.path
  if mode == "post" then
    wrk.method = "POST"
    wrk.headers["Content-Type"] = "application/json"
  end

  function request()
    if mode == "list-random" then
      return wrk.format("GET", path .. "?limit=" .. limit .. "&after=" .. math.random(0, n - 1))
    elseif mode == "post" then
      counter = counter + 1
      return wrk.format("POST", path, nil,
        '{"age": ' .. math.random(16, 90) .. ', "name": "w' .. (thread_number or 0) .. '-' .. counter .. '"}')
    else
      return wrk.format("GET", path .. "/" .. prefix .. math.random(0, n - 1))
    end
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

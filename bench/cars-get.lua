-- wrk script for bench/cars-get (wrk runs it with LuaJIT, one Lua state per wrk thread).
--
--   BENCH_SERIALS=N wrk ... -s bench/cars-get.lua http://host:port/api/cars
--       every request is GET /api/cars/<random serial in 0..N-1>, drawn anew per request;
--   wrk ... -s bench/cars-get.lua http://host:port/api/hostname     (BENCH_SERIALS unset or empty)
--       wrk's own static request to the URL's path: no Lua runs per request, so the cheap endpoint
--       is not slowed down by the client.
--
-- Either way done() (bench/lib.lua) prints the RESULT line that bench/cars-get parses.

-- lib.lua sits beside this script, wherever wrk was started from
dofile((debug.getinfo(1, "S").source:sub(2):match("^(.*/)") or "") .. "lib.lua")

local serials = tonumber(os.getenv("BENCH_SERIALS") or "")

-- wrk decides at load time whether the request is dynamic: define request() only in serial mode
if serials then
  bench_random_threads()

  function request()
    return wrk.format("GET", "/api/cars/" .. math.random(0, serials - 1))
  end
end

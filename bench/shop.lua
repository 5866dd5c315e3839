-- wrk script for bench/shop (LuaJIT, one Lua state per wrk thread). BENCH_MODE picks the requests:
--   list-random  GET <path>?limit=<BENCH_LIMIT>&after=<random 0..BENCH_N-1>   (a new cache key nearly every time)
--   user-random  GET <path>/<BENCH_PREFIX><random 0..BENCH_N-1>             (users by name over a big set)
--   user-hot     GET <path>/<BENCH_PREFIX><random 0..BENCH_N-1>             (the same, over a set that fits the cache)
--   post         POST <path> {"age": .., "name": ..}                         (a new user per request)
--   (unset)      wrk's own static request to the URL: no Lua per request
-- done() (bench/lib.lua) prints the RESULT line that bench/shop parses.

-- lib.lua sits beside this script, wherever wrk was started from
dofile((debug.getinfo(1, "S").source:sub(2):match("^(.*/)") or "") .. "lib.lua")

local mode = os.getenv("BENCH_MODE") or ""
local n = tonumber(os.getenv("BENCH_N") or "1000")
local limit = os.getenv("BENCH_LIMIT") or "100"
local prefix = os.getenv("BENCH_PREFIX") or "user"

if mode ~= "" then
  bench_random_threads(function() counter = 0 end)

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

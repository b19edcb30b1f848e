-- Personal links are limited to 300 openings a minute per network address, and wrk's requests
-- all come from 127.0.0.1: each thread stops after its share of BURST requests (less the
-- requests still in flight on its connections) so that none is refused.
-- wrk -s burst.lua URL -- BURST THREADS CONNECTIONS
local limit
local seen = 0

function init(args)
  limit = math.floor((tonumber(args[1]) - tonumber(args[3])) / tonumber(args[2]))
end

function response(status, headers, body)
  seen = seen + 1
  if seen >= limit then
    wrk.thread:stop()
  end
end

-- The write path: the trainer marks trainees of the bench cohorts (POST
-- /api/v1/activities/{id}/attendance), rotating over every (activity, half-day, trainee) of the
-- seed's marks file, so that every request appends a new event to a cohort's chain. Counts the
-- 201 answers: each is an event the server acknowledged.
-- wrk -s sign.lua URL -- MARKS_FILE TOKEN
local marks = {}
local i = 0
-- A global: report.lua's done() reads it from each thread.
acknowledged = 0
local token

function init(args)
  for line in io.lines(args[1]) do
    local a, slot, u = line:match("^(%d+) (%S+) (%d+)$")
    if a then table.insert(marks, {a, slot, u}) end
  end
  token = args[2]
  -- Threads start at different places of the list.
  i = (id or 0) * math.floor(#marks / 2)
end

function request()
  i = i % #marks + 1
  local m = marks[i]
  local body = string.format(
    '{"slot":"%s","user_id":%s,"action":"absent","reason":"Banc d\'essai"}', m[2], m[3])
  return wrk.format("POST", "/api/v1/activities/" .. m[1] .. "/attendance", {
    ["Authorization"] = "Bearer " .. token,
    ["Content-Type"] = "application/json",
  }, body)
end

function response(status, headers, body)
  if status == 201 then
    acknowledged = acknowledged + 1
  end
end

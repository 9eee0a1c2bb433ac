-- Replays the request bodies of a file (one JSON document per line) round-robin, each wrk connection
-- starting at a different line; counts non-200 answers and answers without the expected marker.
-- Environment: BODIES (file), TARGET (X-Amz-Target header, optional), CONTENT_TYPE, EXPECT (a substring
-- every good answer contains).
local bodies = {}
local index = 0
bad = 0
dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "report.lua")

local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  for line in io.lines(os.getenv("BODIES")) do
    if #line > 0 then table.insert(bodies, line) end
  end
  index = math.random(#bodies)
  wrk.method = "POST"
  wrk.headers["Content-Type"] = os.getenv("CONTENT_TYPE") or "application/x-amz-json-1.1"
  local target = os.getenv("TARGET")
  if target and #target > 0 then wrk.headers["X-Amz-Target"] = target end
  expect = os.getenv("EXPECT")
end

function request()
  index = index % #bodies + 1
  return wrk.format(nil, nil, nil, bodies[index])
end

function response(status, headers, body)
  if status ~= 200 or (expect and not string.find(body, expect, 1, true)) then
    bad = bad + 1
  end
end

function done(summary, latency, requests)
  report(threads, summary, latency)
end

-- Refresh with rotating tokens: each wrk thread owns one connection and one token chain (line N of
-- BODIES for thread N), sends its refresh, and puts the RefreshToken of the answer into its next request.
-- Run with as many threads as connections (-tN -cN). Counts answers that are not 200 or carry no new token.
dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "report.lua")

local threads = {}
local counter = 0

function setup(thread)
  counter = counter + 1
  thread:set("line", counter)
  table.insert(threads, thread)
end

local function escape(text)
  return (text:gsub("[%-%.%+%*%?%[%]%^%$%(%)%%]", "%%%0"))
end

function init(args)
  local n = 0
  for text in io.lines(os.getenv("BODIES")) do
    n = n + 1
    if n == line then body = text end
  end
  if not body then error("BODIES has fewer lines than wrk threads") end
  token = body:match('"REFRESH_TOKEN":"([^"]+)"')
  bad = 0
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/x-amz-json-1.1"
  wrk.headers["X-Amz-Target"] = "AWSCognitoIdentityProviderService.InitiateAuth"
end

function request()
  return wrk.format(nil, nil, nil, body)
end

function response(status, headers, answer)
  local next = answer:match('"RefreshToken":"([^"]+)"')
  if status ~= 200 or not next then
    bad = bad + 1
    return
  end
  body = body:gsub(escape(token), (next:gsub("%%", "%%%%")), 1)
  token = next
end

function done(summary, latency, requests)
  report(threads, summary, latency)
end

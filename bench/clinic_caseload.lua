-- wrk: each thread is one therapist, with the session cookie of its own login (one line
-- each in the file named by CLINIC_COOKIES), asking for its caseload: back to back, or,
-- with CLINIC_PAUSE_MS, after a pause of about that long (0.5 to 1.5 times) each time, as
-- a person looking at the page and reloading it.
local cookies = {}
for line in io.lines(os.getenv("CLINIC_COOKIES")) do
  cookies[#cookies + 1] = line
end
local threads = 0

function setup(thread)
  threads = threads + 1
  thread:set("cookie", cookies[(threads - 1) % #cookies + 1])
  thread:set("number", threads)
end

function init(args)
  wrk.headers["Cookie"] = "limber_clinic_session=" .. cookie
  -- Each thread is a Lua state of its own, whose random numbers start from the same seed:
  -- unseeded, every therapist would pause exactly as long as the others, and all twenty
  -- would reload in the same instant, every second.
  math.randomseed(os.time() * 100 + number)
end

local pause = tonumber(os.getenv("CLINIC_PAUSE_MS") or "0")
if pause > 0 then
  function delay()
    return math.random(math.floor(pause / 2), math.floor(pause * 3 / 2))
  end
end

function request()
  return wrk.format("GET", "/api/caseload")
end

local failed = 0
function response(status, headers, body)
  if status ~= 200 then
    failed = failed + 1
  end
end

function done(summary, latency, requests)
  io.write(string.format("non-200 answers: %d\n", summary.errors.status))
end

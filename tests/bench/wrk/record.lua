-- POST /exchanges/new: record an exchange (tests/bench/run.sh), as a
-- member recording one they received and pay for (the recipient: recorded
-- at once; one they gave would wait for the recipient, docs/
-- authorization.md rule 10), with the session's CSRF token and a fresh
-- idempotency key (form_key) per request.
--
--   BENCH_SESSIONS    lines "cookie<TAB>csrf<TAB>username": the logged-in
--                     members, taken in turn
--   BENCH_RECIPIENTS  usernames of approved members, one a line
--   BENCH_DATE        the date of service, YYYY-MM-DD (today, UTC)
--   BENCH_NONCE       16 hex digits, different for every run, so that no
--                     two runs send the same key
dofile(os.getenv("BENCH_LUA") .. "/common.lua")

local sessions, recipients, n, nonce, date

function init(args)
	sessions = {}
	for i, line in ipairs(bench_lines(os.getenv("BENCH_SESSIONS"))) do
		sessions[i] = bench_fields(line)
	end
	recipients = bench_lines(os.getenv("BENCH_RECIPIENTS"))
	nonce = os.getenv("BENCH_NONCE")
	date = os.getenv("BENCH_DATE")
	assert(nonce and #nonce == 16, "BENCH_NONCE: 16 hex digits")
	n = 0
	math.randomseed((tid or 1) * 104729 + os.time())
	wrk.method = "POST"
	wrk.path = "/exchanges/new"
	wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
end

function request()
	n = n + 1
	-- 64 lowercase hex digits, unique per run, thread and request.
	local key = string.format("%s%08x%08x%032x", nonce, tid or 1, n, 0)
	local s = sessions[(n + (tid or 1)) % #sessions + 1]
	local to = recipients[math.random(#recipients)]
	if to == s[3] then
		to = recipients[(math.random(#recipients)) % #recipients + 1]
	end
	local body = "provider=" .. to .. "&recipient=" .. s[3] ..
	    "&hours=" .. (0.25 * math.random(1, 8)) ..
	    "&service_date=" .. date ..
	    "&description=Bench+exchange&form_key=" .. key ..
	    "&csrf=" .. s[2]
	-- A table given to wrk.format() replaces wrk.headers: all of them.
	return wrk.format(nil, nil, { ["Cookie"] = s[1],
	    ["Content-Type"] = "application/x-www-form-urlencoded" }, body)
end

-- POST /login (tests/bench/run.sh): bench members in turn, all with the
-- demo password, each request with a visitor CSRF token of its own in
-- both the cookie and the form (double submit).  Bound by argon2id.
--
--   BENCH_USERS        usernames, one a line
--   BENCH_PASSWORD     their password
--   BENCH_CSRF_COOKIE  the visitor CSRF cookie's name
dofile(os.getenv("BENCH_LUA") .. "/common.lua")

local users, pw, cname, n

-- application/x-www-form-urlencoded
local function enc(s)
	return (string.gsub(s, "[^%w%-%._~]", function(c)
		return string.format("%%%02X", string.byte(c))
	end))
end

function init(args)
	users = bench_lines(os.getenv("BENCH_USERS"))
	pw = enc(os.getenv("BENCH_PASSWORD"))
	cname = os.getenv("BENCH_CSRF_COOKIE")
	n = 0
	wrk.method = "POST"
	wrk.path = "/login"
	wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
end

function request()
	n = n + 1
	local t = string.format("%08x%08x%048x", tid or 1, n, 0)
	local u = users[(n * 7 + (tid or 1)) % #users + 1]
	-- A table given to wrk.format() replaces wrk.headers: all of them.
	return wrk.format(nil, nil, { ["Cookie"] = cname .. "=" .. t,
	    ["Content-Type"] = "application/x-www-form-urlencoded" },
	    "username=" .. u .. "&password=" .. pw .. "&csrf=" .. t)
end

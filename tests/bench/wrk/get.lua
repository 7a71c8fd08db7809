-- GET one page as a logged-in member (tests/bench/run.sh).
--
--   BENCH_PATH    the path; "{id}" in it becomes a random id in
--                 [BENCH_ID_LO, BENCH_ID_HI] for each request (a member
--                 profile, a statement), so that a larger timebank is
--                 read all over and not one cached row
--   BENCH_COOKIE  the Cookie header (empty: none)
dofile(os.getenv("BENCH_LUA") .. "/common.lua")

local path = os.getenv("BENCH_PATH")
local lo = tonumber(os.getenv("BENCH_ID_LO") or "0")
local hi = tonumber(os.getenv("BENCH_ID_HI") or "0")
local templated = string.find(path, "{id}", 1, true) ~= nil

function init(args)
	local cookie = os.getenv("BENCH_COOKIE") or ""
	if cookie ~= "" then
		wrk.headers["Cookie"] = cookie
	end
	wrk.path = path
	math.randomseed((tid or 1) * 7919 + os.time())
end

-- A fixed path needs no request(): wrk then sends one prepared request
-- again and again, the cheapest client there is.
if templated then
	function request()
		local p = string.gsub(path, "{id}",
		    tostring(math.random(lo, hi)))
		return wrk.format("GET", p)
	end
end

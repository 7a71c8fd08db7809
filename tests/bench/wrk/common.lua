-- Shared by the bench's wrk scripts (tests/bench/run.sh; issue 5): thread
-- numbering, and one machine-readable summary line at the end.
--
-- Every thread of wrk runs the script in its own Lua state; setup() runs
-- in the main one, once per thread, and gives each a number (`tid`),
-- which the scripts use to seed their random numbers and to keep their
-- idempotency keys apart.

local nthreads = 0

function setup(thread)
	nthreads = nthreads + 1
	thread:set("tid", nthreads)
end

-- The lines of a file (no blank ones), for the pools run.sh writes.
function bench_lines(path)
	local t = {}
	local f = assert(io.open(path, "r"))
	for line in f:lines() do
		if line ~= "" then
			t[#t + 1] = line
		end
	end
	f:close()
	assert(#t > 0, path .. " is empty")
	return t
end

-- Splits a line at tabs.
function bench_fields(line)
	local t = {}
	for v in string.gmatch(line, "[^\t]+") do
		t[#t + 1] = v
	end
	return t
end

-- run.sh reads this line; latencies are in microseconds.  Requests the
-- server answered with a status >= 400 are counted in `status` (wrk's
-- own count); run.sh also counts the statuses in nginx's access log.
function done(summary, latency, requests)
	local e = summary.errors
	io.write(string.format("BENCH requests=%d duration_us=%d rps=%.1f "
	    .. "p50_us=%d p90_us=%d p99_us=%d max_us=%d connect=%d read=%d "
	    .. "write=%d status=%d timeout=%d\n",
	    summary.requests, summary.duration,
	    summary.requests / (summary.duration / 1e6),
	    latency:percentile(50), latency:percentile(90),
	    latency:percentile(99), latency.max, e.connect, e.read, e.write,
	    e.status, e.timeout))
end

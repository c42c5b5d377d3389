-- wrk script: POSTs pre-signed generic-webhook requests made by make-requests.mjs.
--
--   REQUESTS=/tmp/requests.tsv wrk -t2 -c16 -d10s --latency -s bench/load/signed.lua http://127.0.0.1:1880/bench
--
-- Each line of $REQUESTS is "<unix seconds>\t<sha256=hex>\t<raw JSON body>". The URL
-- (and so the path) comes from the wrk command line. Thread k of n sends lines
-- k, k+n, k+2n, ... so threads never send the same signal; a thread that runs out
-- of lines starts its slice again, and done() says so (a server that refuses
-- replays would then answer non-2xx).
--
-- wrk calls setup() and init() for each thread before the next thread exists,
-- so no thread can learn the thread count from wrk itself: setup() reads it
-- from WRK_THREADS, else from wrk's own command line (/proc/self/cmdline).

local threads = {}

-- wrk's -t value as its scan_metric reads it ("2", "2k").
local function metric(text)
  if not text then return nil end
  local number, unit = text:match("^(%d+)([kKmMgG]?)$")
  if not number then return nil end
  local scale = ({ [""] = 1, k = 1e3, K = 1e3, m = 1e6, M = 1e6, g = 1e9, G = 1e9 })[unit]
  return tonumber(number) * scale
end

-- The -t/--threads value from the command line, following getopt's rules for
-- "-t 2", "-t2", "-Lt2", "--threads 2" and "--threads=2". wrk's default is 2.
local function thread_count()
  local from_env = os.getenv("WRK_THREADS")
  if from_env and from_env ~= "" then
    local n = metric(from_env)
    if not n or n < 1 then
      io.stderr:write("signed.lua: WRK_THREADS='" .. from_env .. "' is not a thread count\n")
      os.exit(2)
    end
    return n
  end
  local file = io.open("/proc/self/cmdline", "rb")
  if not file then
    io.stderr:write("signed.lua: cannot read /proc/self/cmdline; set WRK_THREADS to wrk's -t value\n")
    os.exit(2)
  end
  local args = {}
  for arg in file:read("*a"):gmatch("([^%z]*)%z") do args[#args + 1] = arg end
  file:close()

  local count, i = 2, 2
  local takes_value = { t = true, c = true, d = true, s = true, H = true, T = true }
  while i <= #args do
    local arg = args[i]
    if arg == "--" then break end
    local long, inline = arg:match("^%-%-([^=]+)=?(.*)$")
    if long then
      local wants = ({ connections = 1, duration = 1, threads = 1, script = 1, header = 1, timeout = 1 })[long]
      local value = inline
      if wants and not arg:find("=", 1, true) then i = i + 1; value = args[i] end
      if long == "threads" then count = metric(value) or count end
    elseif arg:sub(1, 1) == "-" and #arg > 1 then
      for j = 2, #arg do
        local c = arg:sub(j, j)
        if takes_value[c] then
          local value = arg:sub(j + 1)
          if value == "" then i = i + 1; value = args[i] end
          if c == "t" then count = metric(value) or count end
          break
        end
      end
    end
    i = i + 1
  end
  return count
end

local total_threads

function setup(thread)
  total_threads = total_threads or thread_count()
  thread:set("index", #threads)
  thread:set("nthreads", total_threads)
  threads[#threads + 1] = thread
end

-- Per-thread state (each wrk thread has its own Lua state).
local requests, count, position = {}, 0, 1
non2xx, sent, wraps = 0, 0, 0

function init(args)
  local path = os.getenv("REQUESTS")
  if not path or path == "" then
    io.stderr:write("signed.lua: set REQUESTS to a file made by make-requests.mjs\n")
    os.exit(2)
  end
  local file, err = io.open(path, "rb")
  if not file then
    io.stderr:write("signed.lua: cannot open REQUESTS: " .. tostring(err) .. "\n")
    os.exit(2)
  end
  local line_no = 0
  for line in file:lines() do
    if line ~= "" then
      if line_no % nthreads == index then
        local ts, signature, body = line:match("^([^\t]+)\t([^\t]+)\t(.*)$")
        if not ts then
          io.stderr:write("signed.lua: line " .. (line_no + 1) .. " of " .. path .. " is not ts<TAB>signature<TAB>body\n")
          os.exit(2)
        end
        body = body:gsub("\r$", "")
        -- Formatted once here, so request() only hands back a string.
        count = count + 1
        requests[count] = wrk.format("POST", nil, {
          ["Content-Type"] = "application/json",
          ["X-Triggers-Timestamp"] = ts,
          ["X-Triggers-Signature"] = signature,
        }, body)
      end
      line_no = line_no + 1
    end
  end
  file:close()
  if count == 0 then
    io.stderr:write("signed.lua: " .. path .. " has " .. line_no .. " lines, too few for " .. nthreads .. " threads\n")
    os.exit(2)
  end
end

function request()
  local r = requests[position]
  sent = sent + 1
  position = position + 1
  if position > count then
    position = 1
    wraps = wraps + 1
  end
  return r
end

function response(status, headers, body)
  if status < 200 or status > 299 then non2xx = non2xx + 1 end
end

function done(summary, latency, reqs)
  local total, parts, wrapped = 0, {}, 0
  for i, thread in ipairs(threads) do
    local n = thread:get("non2xx") or 0
    total = total + n
    parts[#parts + 1] = "t" .. (i - 1) .. "=" .. n
    wrapped = wrapped + (thread:get("wraps") or 0)
  end
  io.write(string.format("errors non2xx=%d (%s) status>399=%d socket connect=%d read=%d write=%d timeout=%d\n",
    total, table.concat(parts, " "), summary.errors.status,
    summary.errors.connect, summary.errors.read, summary.errors.write, summary.errors.timeout))
  io.write(string.format("latency p50=%.2fms p90=%.2fms p99=%.2fms max=%.2fms\n",
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
  if wrapped > 0 then
    io.write("note: threads ran out of distinct requests " .. wrapped .. " time(s) and resent earlier ones; make a larger REQUESTS file\n")
  end
end

-- POST bodies with starts no other request of the run (or of earlier runs) uses, so creates never collide.
-- Arguments after "--": MODE (reserva | reserva-keyed | minimal), BASE (a counter offset the caller advances
-- after each run by twice the requests it made), FIRST (epoch seconds of the first slot), then the targets:
-- service ids (reserva) or "organization resource..." (minimal). Each target gets every 15-minute start in
-- turn; thread t of 2 takes the odd or even counters.
local threads = 0

function setup(thread)
    thread:set("tid", threads)
    threads = threads + 1
end

function init(args)
    mode = args[1]
    base = tonumber(args[2])
    first = tonumber(args[3])
    targets = {}
    for i = 4, #args do
        targets[#targets + 1] = args[i]
    end
    if mode == "minimal" then
        organization = table.remove(targets, 1)
    end
    counter = 0
end

local function iso(epoch)
    return os.date("!%Y-%m-%dT%H:%M:%SZ", epoch)
end

function request()
    counter = counter + 1
    local n = base + 2 * counter + tid
    local target = targets[(n % #targets) + 1]
    local start = first + 900 * math.floor(n / #targets)
    local headers = { ["Content-Type"] = "application/json" }
    for name, value in pairs(wrk.headers) do -- a table of our own replaces wrk's -H headers: keep them
        headers[name] = value
    end
    local body
    if mode == "minimal" then
        body = '{"organization_id":"' .. organization .. '","resource_id":"' .. target
            .. '","start_datetime":"' .. iso(start) .. '","end_datetime":"' .. iso(start + 900) .. '"}'
    else
        body = '{"service_id":"' .. target .. '","party_size":1,"start_datetime":"' .. iso(start) .. '"}'
        if mode == "reserva-keyed" then
            headers["Idempotency-Key"] = "bench-" .. n
        end
    end
    return wrk.format("POST", nil, headers, body)
end

-- WRK_DEBUG=1 prints the first refusal of each thread (defining response() costs wrk some CPU, so only then).
if os.getenv("WRK_DEBUG") then
    local shown = false
    function response(status, headers, body)
        if status >= 300 and not shown then
            shown = true
            io.stderr:write("first refusal: " .. status .. " " .. body .. "\n")
        end
    end
end

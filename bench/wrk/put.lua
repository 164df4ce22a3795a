-- PUT /api/v1/tasks/{id}: a partial update, cycling over the ids in TASK_IDS.
wrk.method = "PUT"
wrk.headers["Authorization"] = "tma " .. os.getenv("INIT_DATA")
wrk.headers["Content-Type"] = "application/json"
local ids = {}
for id in string.gmatch(os.getenv("TASK_IDS"), "%d+") do ids[#ids + 1] = id end
local n = 0
request = function()
  n = n + 1
  local id = ids[(n % #ids) + 1]
  local body = string.format('{"title":"updated %d","status":%s,"tags":["a","b"]}', n, n % 2 == 0 and "true" or "false")
  return wrk.format(nil, "/api/v1/tasks/" .. id, nil, body)
end

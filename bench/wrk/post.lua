-- POST /api/v1/tasks: a new task per request.
wrk.method = "POST"
wrk.headers["Authorization"] = "tma " .. os.getenv("INIT_DATA")
wrk.headers["Content-Type"] = "application/json"
local n = 0
request = function()
  n = n + 1
  local body = string.format(
    '{"title":"bench task %d","priority":"high","category":"Bench","tags":["wrk","нагрузка"],"date_time":"2030-01-01T10:00:00Z"}', n)
  return wrk.format(nil, "/api/v1/tasks", nil, body)
end

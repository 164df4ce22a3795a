-- GET with the signed initData in INIT_DATA; the path comes from wrk's URL.
wrk.headers["Authorization"] = "tma " .. os.getenv("INIT_DATA")

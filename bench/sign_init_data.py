"""Prints Mini App initData for one user, signed now with the bot token given as argv[1]."""
import hashlib
import hmac
import json
import sys
import time
import urllib.parse

token, user_id = sys.argv[1], int(sys.argv[2])
fields = {
    "user": json.dumps({"id": user_id, "first_name": "Bench", "language_code": "en"}),
    "auth_date": str(int(time.time())),
}
check = "\n".join(f"{k}={v}" for k, v in sorted(fields.items()))
secret = hmac.new(b"WebAppData", token.encode(), hashlib.sha256).digest()
fields["hash"] = hmac.new(secret, check.encode(), hashlib.sha256).hexdigest()
print(urllib.parse.urlencode(fields))

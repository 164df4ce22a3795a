"""Creates N tasks for the bench user through the API; prints their ids, comma-separated."""
import json
import sys
import urllib.request

base, init_data, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
words = ["Купить молоко", "Write report", "Позвонить маме", "Plan sprint", "Оплатить счета", "Read a book"]
priorities = ["low", "normal", "high"]
ids = []
for i in range(count):
    task = {
        "title": f"{words[i % len(words)]} #{i}",
        "description": "Описание задачи номер %d with some English words too" % i,
        "priority": priorities[i % 3],
        "category": ["Дом", "Work", "Health"][i % 3],
        "tags": [f"tag{i % 7}", "общий"],
        "status": i % 5 == 0,
    }
    if i % 4:
        task["date_time"] = f"2030-01-{1 + i % 28:02d}T{9 + i % 10:02d}:00:00Z"
    request = urllib.request.Request(
        f"{base}/api/v1/tasks",
        data=json.dumps(task).encode(),
        headers={"Authorization": f"tma {init_data}", "Content-Type": "application/json"},
        method="POST",
    )
    with urllib.request.urlopen(request) as response:
        ids.append(json.load(response)["id"])
print(",".join(map(str, ids)))

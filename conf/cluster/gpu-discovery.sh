#!/usr/bin/env bash
# Spark GPU discovery script (spark.{driver,executor,worker}.resource.gpu.discoveryScript):
# prints the GPUs this host has, in the JSON Spark expects. Spark then gives each task that asks
# for spark.task.resource.gpu.amount=1 one address, and kadam trains that trial on it
# (TaskContext.resources() -> DJL Device.gpu(address)).
set -euo pipefail
if ! command -v nvidia-smi >/dev/null 2>&1; then
  echo '{"name": "gpu", "addresses": []}'
  exit 0
fi
addresses=$(nvidia-smi --query-gpu=index --format=csv,noheader | sed -e 's/^ *//' -e 's/.*/"&"/' | paste -sd, -)
echo "{\"name\": \"gpu\", \"addresses\": [${addresses}]}"

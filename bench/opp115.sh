#!/usr/bin/env bash
# OPP-115 (../shared/opp115): see bench/real-text.sh for the label mapping.
exec "$(dirname "$0")/real-text.sh" opp115 "$@"

#!/usr/bin/env bash
# `mvn validate` of a throwaway project of 200 flows, with and without flow:validate.
# The plugin is installed into a private repository (flow-bench/target/m2) chained in front of
# ~/.m2 with Maven 3.9's maven.repo.local.tail, so the shared ~/.m2 is only read, never written.
# Run from the repository root: flow-bench/maven-bench.sh [RUNS] [FLOWS]
set -euo pipefail
RUNS=${1:-5}
FLOWS=${2:-200}
ROOT=$(pwd)
REPO="$ROOT/flow-bench/target/m2"
TAIL="$HOME/.m2/repository"
REPO_ARGS=(-Dmaven.repo.local="$REPO" -Dmaven.repo.local.tail="$TAIL")
./mvnw -q -B -o install -DskipTests -Dinvoker.skip=true "${REPO_ARGS[@]}" -pl flow-maven-plugin -am
./mvnw -q -B -o package -DskipTests -pl flow-bench -am
java -cp flow-bench/target/benchmarks.jar io.flowascode.bench.MavenBench "$RUNS" "$FLOWS" "$ROOT/mvnw" "${REPO_ARGS[@]}"

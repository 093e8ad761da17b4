# Sourced by .ci/run and bench/run-suite.sh: makes JAVA_HOME a JDK 25 (or newer) or stops with the fix.
if [ -z "${JAVA_HOME:-}" ] || ! "$JAVA_HOME/bin/java" -version 2>&1 | grep -q 'version "2[5-9]'; then
  for candidate in /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/java-25-openjdk-amd64; do
    if [ -x "$candidate/bin/java" ]; then
      export JAVA_HOME=$candidate
      break
    fi
  done
fi
if [ -z "${JAVA_HOME:-}" ] || ! "$JAVA_HOME/bin/java" -version 2>&1 | grep -q 'version "2[5-9]'; then
  echo "als-kernel needs JDK 25: install one and export JAVA_HOME=/path/to/jdk-25" >&2
  exit 1
fi
export PATH="$JAVA_HOME/bin:$PATH"

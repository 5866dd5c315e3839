# Sourced by ./run, ./test and ./quintet: point JAVA_HOME at a JDK >= 21.
# Order: an existing JAVA_HOME, then the newest JDK under /usr/lib/jvm, then `java` on the PATH.

java_major() { "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p'; }

find_jdk() {
  local candidates=() c
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
  for c in $(ls -d /usr/lib/jvm/*/ 2>/dev/null | sort -rV); do candidates+=("${c%/}"); done
  if command -v java >/dev/null 2>&1; then
    candidates+=("$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")")
  fi
  local best="" best_major=0 major
  for c in "${candidates[@]}"; do
    [ -x "$c/bin/java" ] && [ -x "$c/bin/javac" ] || continue
    major=$(java_major "$c")
    if [ -n "$major" ] && [ "$major" -ge 21 ] && [ "$major" -gt "$best_major" ]; then
      best="$c"; best_major="$major"
    fi
  done
  [ -n "$best" ] && echo "$best"
}

if ! QUINTET_JDK=$(find_jdk); then
  echo "Quintet needs a JDK 21 or newer and found none (looked at JAVA_HOME, /usr/lib/jvm/*, java on the PATH)." >&2
  echo "Install one, e.g. 'apt-get install openjdk-21-jdk' or Temurin 25, or set JAVA_HOME." >&2
  exit 1
fi
export JAVA_HOME="$QUINTET_JDK"
export PATH="$JAVA_HOME/bin:$PATH"

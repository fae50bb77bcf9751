# The JFR recording of web-api under bench/hop/measure.sh, per pair: CPU samples and sampled
# allocation, in all and on the stacks of the frames this step looked at.
#   python3 bench/hop/analyze.py web-api.jfr PAIRS
import json, subprocess, sys, collections
CATS = [
  ("JDK HttpClient (jdk.internal.net.http)", "jdk.internal.net.http."),
  ("Apache HttpClient 5 (org.apache.hc)", "org.apache.hc."),
  ("Spring's request factory (JdkClientHttpRequest / HttpComponentsClientHttpRequest)", "ClientHttpRequest"),
  ("handler lookup for Spring Security (HandlerMappingIntrospector.setCache)", "HandlerMappingIntrospector.setCache"),
  ("MvcRequestMatcher", "MvcRequestMatcher"),
  ("PathPatternRequestMatcher", "PathPatternRequestMatcher"),
  ("ServletRequestHandledEvent published", "publishRequestHandledEvent"),
  ("Micrometer (io.micrometer)", "io.micrometer."),
  ("meter registration (MeterRegistry.getOrCreateMeter)", "getOrCreateMeter"),
]
def frames(ev):
  st = ev["values"].get("stackTrace") or {}
  return [ (f["method"]["type"]["name"] + "." + f["method"]["name"]) for f in st.get("frames", []) ]
def load(path, event):
  out = subprocess.run(["jfr", "print", "--json", "--stack-depth", "128", "--events", event, path], capture_output=True, text=True, check=True).stdout
  return json.loads(out)["recording"]["events"]
path, pairs = sys.argv[1], int(sys.argv[2])
cpu = load(path, "jdk.ExecutionSample")
alloc = load(path, "jdk.ObjectAllocationSample")
total_w = sum(e["values"]["weight"] for e in alloc)
print(f"pairs {pairs}; CPU samples {len(cpu)} ({len(cpu)/pairs:.3f}/pair); allocated (sampled weight) {total_w/1024/pairs:.0f} KiB/pair")
for name, needle in CATS:
  c = sum(1 for e in cpu if any(needle in f for f in frames(e)))
  a = sum(e["values"]["weight"] for e in alloc if any(needle in f for f in frames(e)))
  print(f"  {name}: CPU {c} ({100*c/max(1,len(cpu)):.1f}%), alloc {a/1024/pairs:.1f} KiB/pair ({100*a/max(1,total_w):.1f}%)")
threads = collections.Counter((e["values"].get("sampledThread") or {}).get("javaName","?").rstrip("0123456789-") for e in cpu)
print("  CPU samples by thread:", dict(threads.most_common(8)))
